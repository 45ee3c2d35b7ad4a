import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { NodeFunction } from './node-function.ts';

/** The custom attribute (without `custom:`) holding a user's partnership; only administrators write it. */
export const TENANT_ATTRIBUTE = 'tenant_id';
/** Group whose members are the service's own operators. */
export const OPERATOR_GROUP = 'operators';

export interface IdentityProps {
  /** Public URL of the web app, e.g. https://d1234.cloudfront.net (no trailing slash). */
  appUrl: string;
  /** Hosted UI domain prefix; undefined derives `<stack name>-<account>`. */
  domainPrefix: string | undefined;
}

/**
 * Who the users are: a Cognito user pool that only administrators add people to, its
 * hosted sign-in pages, and the web app's public client. A pre-token trigger copies the
 * administrator-set tenant attribute into the tokens, so the API can trust the claim.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  /** Token issuer: https://cognito-idp.<region>.amazonaws.com/<pool id>. */
  readonly issuer: string;
  /** The hosted UI's base URL, e.g. https://continuity-123.auth.eu-west-2.amazoncognito.com. */
  readonly hostedUiUrl: string;
  readonly preTokenFunction: NodeFunction;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        // Mutable so an administrator can move a user; no app client may write it (see writeAttributes).
        [TENANT_ATTRIBUTE]: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
      },
      // Required for everyone, by authenticator app (TOTP). Every role reaches special-category
      // health or criminal offence data, or (operators) every partnership's data, so a password alone
      // is not enough. Cognito asks for the app at first sign-in. No SMS (SIM swap, and SNS costs)
      // and no email codes (the mailbox is already the password-recovery channel).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: 'Your Continuity account',
        emailBody:
          'You have been invited to Continuity. Sign in at ' +
          `${props.appUrl} with the email address {username} and this temporary password: {####} ` +
          'You will choose your own password when you first sign in. The temporary password expires in 3 days.',
      },
      // PLUS is the plan that enforces threat protection (compromised credentials, risky sign-ins).
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.userPool.addGroup('Operators', {
      groupName: OPERATOR_GROUP,
      description: "The service's own staff: create and offboard partnerships",
    });

    this.preTokenFunction = new NodeFunction(this, 'PreToken', {
      entry: 'functions/pre-token/handler.ts',
      handler: 'handler',
      description: 'Copies custom:tenant_id into the access and id tokens as tenant_id',
      environment: {},
      memorySize: 256,
      timeout: Duration.seconds(5),
      failuresGoTo:
        'Cognito calls it synchronously during sign-in, so a failure fails that sign-in and is alarmed on',
    });
    // V2_0 events can change the access token, which is what the API authorises with.
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.preTokenFunction.fn,
      LambdaVersion.V2_0,
    );

    const domainPrefix = props.domainPrefix ?? derivedDomainPrefix(stack);
    this.domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix } });
    // Spelled out from the prefix rather than domain.baseUrl(): that would reference the
    // domain resource, and the CSP (on the distribution the pool's invitation names) needs it.
    this.hostedUiUrl = `https://${domainPrefix}.auth.${stack.region}.amazoncognito.com`;

    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.appUrl}/auth/callback`],
        logoutUrls: [`${props.appUrl}/signed-out`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(TENANT_ATTRIBUTE),
      // Listed explicitly so the tenant attribute can never become user-writable by default.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });

    this.issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
  }
}

/** A hosted UI prefix unique per stack and account; Cognito prefixes are global within a region. */
function derivedDomainPrefix(stack: Stack): string {
  const name = stack.stackName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${name || 'continuity'}-${stack.account}`;
}
