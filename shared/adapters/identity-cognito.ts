import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { requiredSetting } from '../config.ts';
import { Duplicate } from '../errors.ts';
import type { AdapterFactory } from './deps.ts';
import type { IdentityAdmin } from './ports.ts';

/** Invites users into the Cognito user pool; Cognito sends the invitation email itself. */
export function cognitoIdentityAdmin(
  userPoolId: string,
  client = new CognitoIdentityProviderClient({}),
): IdentityAdmin {
  return {
    async inviteUser(input) {
      try {
        const result = await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: input.email,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: input.email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: input.name },
              { Name: 'custom:tenant_id', Value: input.tenantId },
            ],
          }),
        );
        const sub = result.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
        if (!sub) throw new Error('Cognito created a user without a sub');
        return { userId: sub };
      } catch (error) {
        if (error instanceof Error && error.name === 'UsernameExistsException') {
          throw new Duplicate(`${input.email} already has an account with this service.`);
        }
        throw error;
      }
    },
    async removeUser(userId) {
      try {
        // Cognito accepts the sub as the username when sign-in is by email alias.
        await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: userId }));
      } catch (error) {
        if (error instanceof Error && error.name === 'UserNotFoundException') return;
        throw error;
      }
    },
  };
}

/** The identity admin of an AWS function: the stack's Cognito user pool. */
export const cognitoIdentity: AdapterFactory<IdentityAdmin> = ({ config }) =>
  cognitoIdentityAdmin(requiredSetting(config.USER_POOL_ID, 'USER_POOL_ID'));
