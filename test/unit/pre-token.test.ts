import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/pre-token/handler.ts';

/** A V2_0 pre-token event as Cognito sends it after a hosted-UI sign-in. */
function tokenEvent(userAttributes: Record<string, string>): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    region: 'eu-west-2',
    userPoolId: 'eu-west-2_example',
    triggerSource: 'TokenGeneration_HostedAuth',
    userName: 'a1b2c3',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client123' },
    request: {
      userAttributes: { sub: 'a1b2c3', email_verified: 'true', ...userAttributes },
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] },
      scopes: ['openid', 'email', 'profile'],
    },
    response: { claimsAndScopeOverrideDetails: {} },
  };
}

describe('pre-token-generation trigger', () => {
  it('copies custom:tenant_id into the access token and the id token as tenant_id', async () => {
    const result = await handler(tokenEvent({ 'custom:tenant_id': 'p-0001' }));
    const details = result.response.claimsAndScopeOverrideDetails;
    expect(details.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ tenant_id: 'p-0001' });
    expect(details.idTokenGeneration?.claimsToAddOrOverride).toEqual({ tenant_id: 'p-0001' });
  });

  it('adds no tenant claim for a user without a tenant (an operator)', async () => {
    const result = await handler(tokenEvent({}));
    const details = result.response.claimsAndScopeOverrideDetails;
    expect(details.accessTokenGeneration?.claimsToAddOrOverride?.tenant_id).toBeUndefined();
    expect(details.idTokenGeneration?.claimsToAddOrOverride?.tenant_id).toBeUndefined();
  });

  it('treats a blank tenant attribute as none', async () => {
    const result = await handler(tokenEvent({ 'custom:tenant_id': '  ' }));
    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration).toBeUndefined();
  });

  it('keeps overrides already in the response', async () => {
    const event = tokenEvent({ 'custom:tenant_id': 'p-0002' });
    event.response.claimsAndScopeOverrideDetails = {
      accessTokenGeneration: { scopesToAdd: ['extra'], claimsToAddOrOverride: { other: 'x' } },
    };
    const result = await handler(event);
    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration).toEqual({
      scopesToAdd: ['extra'],
      claimsToAddOrOverride: { other: 'x', tenant_id: 'p-0002' },
    });
  });
});
