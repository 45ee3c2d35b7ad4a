import * as z from './schemas/zod.ts';

/**
 * Environment of every function, validated once at start. The CDK app (infra/aws) and the
 * local stack (infra/local) both set these; domain code never reads process.env.
 */
export const ConfigSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1)),
  /** Set only in the local stack: DynamoDB Local's URL. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  AWS_REGION: z._default(z.string(), 'eu-west-2'),
  /** Token issuer, e.g. https://cognito-idp.eu-west-2.amazonaws.com/<pool> or http://localhost:3000/oidc. */
  AUTH_ISSUER: z.url(),
  /** The web client's id: accepted in `aud` or in Cognito's `client_id` claim. */
  AUTH_AUDIENCE: z.string().check(z.minLength(1)),
  /** JSON Web Key Set of the issuer (Cognito: `<issuer>/.well-known/jwks.json`). */
  AUTH_JWKS_URI: z.url(),
  /** Claim that carries the tenant (partnership) id; only administrators can set it. */
  TENANT_CLAIM: z._default(z.string(), 'tenant_id'),
  /** Group claim and the group that marks the service's operators. */
  GROUPS_CLAIM: z._default(z.string(), 'cognito:groups'),
  OPERATOR_GROUP: z._default(z.string(), 'operators'),
  /**
   * AWS: the Cognito user pool members are invited into. Which identity admin, mailer and
   * publisher a process uses is wired in code (shared/adapters/deps.ts), not chosen here.
   */
  USER_POOL_ID: z.optional(z.string()),
  MAIL_FROM: z._default(z.email(), 'no-reply@continuity.local'),
  /** AWS: the service's EventBridge bus. */
  EVENT_BUS_NAME: z.optional(z.string()),
  /** AWS: where malformed HMPPS events are put, with the reason, instead of the table. */
  HMPPS_DLQ_URL: z.optional(z.string()),
  /** The web app's public URL, for links in emails. */
  APP_URL: z.url(),
  /** Key that signs list cursors so they cannot be edited (local stack: set directly). */
  CURSOR_SECRET: z.optional(z.string().check(z.minLength(32))),
  /** AWS: the tenant-scoped data role the API assumes per partnership (infra/aws/tenant-data-role.ts); absent locally. */
  TENANT_ROLE_ARN: z.optional(z.string()),
  /** AWS: the session policy (JSON) that narrows this function's tenant sessions to its own routes' actions. */
  TENANT_SESSION_POLICY: z.optional(z.string()),
  /** AWS: Secrets Manager secret holding the cursor key, read once per cold start (shared/adapters/cursor-secret.ts). */
  CURSOR_SECRET_ARN: z.optional(z.string()),
  /** AWS: the port of the Parameters and Secrets Lambda extension (the layer's own default). */
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: z._default(z.string().check(z.regex(/^\d{2,5}$/)), '2773'),
  /** AWS: the function's session token, which the secrets extension asks callers for (set by Lambda). */
  AWS_SESSION_TOKEN: z.optional(z.string()),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment into a Config, naming every missing or bad variable. */
export function readConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** A setting a function cannot work without here; its absence is a deployment mistake. */
export function requiredSetting(value: string | undefined, name: string): string {
  if (!value) throw new Error(`Invalid configuration: ${name} is required here`);
  return value;
}
