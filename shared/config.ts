import { z } from 'zod';

/**
 * Environment of every function, validated once at start. The CDK app (infra/aws) and the
 * local stack (infra/local) both set these; domain code never reads process.env.
 */
export const ConfigSchema = z.object({
  TABLE_NAME: z.string().min(1),
  /** Set only in the local stack: DynamoDB Local's URL. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default('eu-west-2'),
  /** Token issuer, e.g. https://cognito-idp.eu-west-2.amazonaws.com/<pool> or http://localhost:3000/oidc. */
  AUTH_ISSUER: z.url(),
  /** The web client's id: accepted in `aud` or in Cognito's `client_id` claim. */
  AUTH_AUDIENCE: z.string().min(1),
  /** JSON Web Key Set of the issuer (Cognito: `<issuer>/.well-known/jwks.json`). */
  AUTH_JWKS_URI: z.url(),
  /** Claim that carries the tenant (partnership) id; only administrators can set it. */
  TENANT_CLAIM: z.string().default('tenant_id'),
  /** Group claim and the group that marks the service's operators. */
  GROUPS_CLAIM: z.string().default('cognito:groups'),
  OPERATOR_GROUP: z.string().default('operators'),
  /** Where users are invited: Cognito in AWS, the local OIDC provider's user store locally. */
  IDENTITY_PROVIDER: z.enum(['cognito', 'local']),
  USER_POOL_ID: z.string().optional(),
  /** How mail leaves: SES in AWS, SMTP to the local mail sink locally. */
  MAIL_TRANSPORT: z.enum(['ses', 'smtp']),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.email().default('no-reply@continuity.local'),
  /** Where events go: EventBridge in AWS; locally the stack injects its in-process bus. */
  EVENTS_TRANSPORT: z.enum(['eventbridge', 'local']).default('eventbridge'),
  EVENT_BUS_NAME: z.string().optional(),
  /** AWS: where malformed HMPPS events are put, with the reason, instead of the table. */
  HMPPS_DLQ_URL: z.string().optional(),
  /** The web app's public URL, for links in emails. */
  APP_URL: z.url(),
  /** Key that signs list cursors so they cannot be edited (local stack: set directly). */
  CURSOR_SECRET: z.string().min(32).optional(),
  /** AWS: Secrets Manager secret holding the cursor key, read once per cold start. */
  CURSOR_SECRET_ARN: z.string().optional(),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
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
