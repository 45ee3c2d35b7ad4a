import type { Config } from '../../shared/config.ts';

/** The deployed values every function's configuration (shared/config.ts) is built from. */
export interface FunctionEnvironmentInputs {
  tableName: string;
  issuer: string;
  clientId: string;
  userPoolId: string;
  operatorGroup: string;
  mailFrom: string;
  appUrl: string;
  cursorSecretArn: string;
  eventBusName: string;
}

type ConfigVariable = keyof Config;

/**
 * The environment of a deployed function, named by shared/config.ts so a renamed
 * variable fails to compile here. AWS_REGION is set by Lambda itself.
 */
export function functionEnvironment(inputs: FunctionEnvironmentInputs): Record<string, string> {
  const env: Partial<Record<ConfigVariable, string>> = {
    TABLE_NAME: inputs.tableName,
    AUTH_ISSUER: inputs.issuer,
    AUTH_AUDIENCE: inputs.clientId,
    AUTH_JWKS_URI: `${inputs.issuer}/.well-known/jwks.json`,
    TENANT_CLAIM: 'tenant_id',
    GROUPS_CLAIM: 'cognito:groups',
    OPERATOR_GROUP: inputs.operatorGroup,
    USER_POOL_ID: inputs.userPoolId,
    MAIL_FROM: inputs.mailFrom,
    APP_URL: inputs.appUrl,
    CURSOR_SECRET_ARN: inputs.cursorSecretArn,
    // Every function knows the bus; only those that publish may put events on it (IAM).
    EVENT_BUS_NAME: inputs.eventBusName,
  };
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
