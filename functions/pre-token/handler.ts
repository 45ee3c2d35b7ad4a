import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

/** User attribute that administrators set; app clients can read it but never write it. */
export const TENANT_ATTRIBUTE = 'custom:tenant_id';
/** Claim the API reads the tenant from (TENANT_CLAIM in shared/config.ts). */
export const TENANT_CLAIM = 'tenant_id';

/**
 * Cognito pre-token-generation trigger (event version V2_0): copies the user's tenant
 * attribute into the access and id tokens as `tenant_id`, because Cognito puts custom
 * attributes in the id token only and the API authorises with the access token.
 * Users without a tenant (operators) get no claim.
 */
export async function handler(
  event: PreTokenGenerationV2TriggerEvent,
): Promise<PreTokenGenerationV2TriggerEvent> {
  const tenantId = event.request.userAttributes[TENANT_ATTRIBUTE]?.trim();
  if (!tenantId) return event;
  const added = { [TENANT_CLAIM]: tenantId };
  const existing = event.response?.claimsAndScopeOverrideDetails;
  event.response = {
    claimsAndScopeOverrideDetails: {
      ...existing,
      accessTokenGeneration: {
        ...existing?.accessTokenGeneration,
        claimsToAddOrOverride: { ...existing?.accessTokenGeneration?.claimsToAddOrOverride, ...added },
      },
      idTokenGeneration: {
        ...existing?.idTokenGeneration,
        claimsToAddOrOverride: { ...existing?.idTokenGeneration?.claimsToAddOrOverride, ...added },
      },
    },
  };
  return event;
}
