import type { Construct } from 'constructs';

/** Deployment choices read from CDK context (`cdk.json` or `-c key=value`). */
export interface DeploySettings {
  stackName: string;
  /** `-c region=`, else AWS_REGION / AWS_DEFAULT_REGION, else eu-west-2. */
  region: string;
  account: string | undefined;
  /** Domain (or single address) verified in SES; mail leaves from it. */
  mailFromDomain: string;
  /** The From address of every mail the service sends. */
  mailFrom: string;
  /** Prefix of the Cognito hosted UI domain; undefined derives one from the stack name and account. */
  authDomainPrefix: string | undefined;
  /** Optional custom domain of the web app, with its ACM certificate (us-east-1) ARN. */
  domainName: string | undefined;
  certificateArn: string | undefined;
  /** Optional address the alarm topic mails (context `alarmEmail`); confirmed by a link SNS sends. */
  alarmEmail: string | undefined;
  /**
   * Optional ARN of the HMPPS domain events SNS topic (context `hmppsTopicArn`): the queue lets it
   * send, and the stack subscribes the queue to its prisoner-released events.
   */
  hmppsTopicArn: string | undefined;
}

/** An SNS topic ARN: partition, region, account and topic name. */
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z]{2}(-[a-z]+)+-\d:\d{12}:[A-Za-z0-9_-]{1,256}$/;

const DEFAULT_STACK_NAME = 'Continuity';
const DEFAULT_REGION = 'eu-west-2';
const DEFAULT_MAIL_DOMAIN = 'example.org';

/**
 * Reads the deployment settings from context and the environment. The region deliberately
 * ignores CDK_DEFAULT_REGION: the CDK CLI sets it to us-east-1 when no region is configured,
 * and this stack holds English health data, so it stays in London unless asked otherwise.
 */
export function readSettings(scope: Construct, env: Record<string, string | undefined>): DeploySettings {
  const text = (key: string): string | undefined => {
    const value: unknown = scope.node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') {
      throw new Error(
        `Context value "${key}" must be a string, got ${JSON.stringify(value)}; fix cdk.json or -c.`,
      );
    }
    return value;
  };
  const mailFromDomain = text('mailFromDomain') ?? DEFAULT_MAIL_DOMAIN;
  const domainName = text('domainName');
  const certificateArn = text('certificateArn');
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error('Context "domainName" and "certificateArn" go together: set both or neither.');
  }
  const alarmEmail = text('alarmEmail');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(alarmEmail)) {
    throw new Error(`Context "alarmEmail" must be one email address, got "${alarmEmail}".`);
  }
  const hmppsTopicArn = text('hmppsTopicArn');
  if (hmppsTopicArn !== undefined && !TOPIC_ARN.test(hmppsTopicArn)) {
    throw new Error(
      `Context "hmppsTopicArn" must be an SNS topic ARN like arn:aws:sns:eu-west-2:123456789012:domain-events, got "${hmppsTopicArn}".`,
    );
  }
  return {
    stackName: text('stackName') ?? DEFAULT_STACK_NAME,
    region: text('region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? DEFAULT_REGION,
    account: env.CDK_DEFAULT_ACCOUNT,
    mailFromDomain,
    mailFrom: text('mailFrom') ?? defaultMailFrom(mailFromDomain),
    authDomainPrefix: text('authDomainPrefix'),
    domainName,
    certificateArn,
    alarmEmail,
    hmppsTopicArn,
  };
}

/** A verified address sends as itself; a verified domain sends as no-reply@ that domain. */
export function defaultMailFrom(mailFromDomain: string): string {
  return mailFromDomain.includes('@') ? mailFromDomain : `no-reply@${mailFromDomain}`;
}
