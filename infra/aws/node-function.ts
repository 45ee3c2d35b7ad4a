import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsVersions,
  Runtime,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FUNCTION_BUNDLING } from './bundling.ts';
import { REPO_ROOT, repoPath } from './paths.ts';

/** The runtime every function is built for; esbuild targets the same Node version. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

/** HIPAA findings that hold for every function of the stack, and why each is acceptable. */
export const FUNCTION_ACKNOWLEDGEMENTS = [
  {
    id: 'HIPAA.Security-LambdaInsideVPC',
    reason:
      'The functions reach only AWS service endpoints (DynamoDB, SQS, EventBridge, SES, Cognito, Secrets ' +
      'Manager) over TLS with IAM-signed requests; a VPC would add NAT or endpoint costs and no data path.',
  },
  {
    id: 'HIPAA.Security-LambdaConcurrency',
    reason:
      'No reserved concurrency: a new account has too small a concurrency quota to reserve any, and a ' +
      'reservation would cap the API. Load is bounded by API throttling, the HMPPS event source mapping ' +
      'maximum concurrency and the schedules; a throttled run is retried and alarmed on.',
  },
] as const;

/** Variables every function gets besides its configuration. */
export const RUNTIME_ENVIRONMENT: Readonly<Record<string, string>> = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  NODE_OPTIONS: '--enable-source-maps',
};

export interface NodeFunctionProps {
  /** Entry file relative to the repository root, e.g. `functions/api/handlers/areas.ts`. */
  entry: string;
  /** The entry's export that Lambda calls. */
  handler: string;
  description: string;
  environment: Record<string, string>;
  /** How long the function's logs are kept (default one year). */
  logRetention?: RetentionDays;
  memorySize?: number;
  timeout?: Duration;
  /** Where failed asynchronous runs go; encrypted queues get their key granted to the role. */
  deadLetterQueue?: IQueue;
  /**
   * Without a dead-letter queue: where a failed run ends up instead (the caller's error response,
   * an on-failure destination, a source queue's redrive). Required then, as the HIPAA check's reason.
   */
  failuresGoTo?: string;
  /** IAM path of the role, e.g. `/continuity/Continuity/api/`, so trust policies can name a group of roles. */
  rolePath?: string;
  /**
   * Reads a secret (the cursor key) through the AWS Parameters and Secrets Lambda extension,
   * so the bundle needs no Secrets Manager client. The role still needs read access to it.
   * @default false
   */
  secretsExtension?: boolean;
}

/** The Parameters and Secrets extension, on its default port with its cache on. */
export const SECRETS_EXTENSION = ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103);

/** Log retention of every function unless it says otherwise. */
export const FUNCTION_LOG_RETENTION = RetentionDays.ONE_YEAR;

/**
 * A bundled Node function with its own role and log group. The role starts empty apart
 * from writing to that log group, so every other permission is an explicit grant.
 */
export class NodeFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);
    if (!props.deadLetterQueue && !props.failuresGoTo) {
      throw new Error(
        `Function ${props.entry} (${props.handler}) needs a deadLetterQueue or says where failures go`,
      );
    }
    // Encrypted with the stack's log key once every construct exists (LogKey.encryptLogGroups).
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? FUNCTION_LOG_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.handler} (${props.entry})`,
      path: props.rolePath,
    });
    this.logGroup.grantWrite(this.role);
    // Lambda sends a failed run to its dead-letter queue as the function's role.
    props.deadLetterQueue?.encryptionMasterKey?.grant(this.role, 'kms:GenerateDataKey', 'kms:Decrypt');

    this.fn = new NodejsFunction(this, 'Function', {
      entry: repoPath(props.entry),
      handler: props.handler,
      description: props.description,
      projectRoot: REPO_ROOT,
      depsLockFilePath: repoPath('package-lock.json'),
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: { ...props.environment, ...RUNTIME_ENVIRONMENT },
      deadLetterQueue: props.deadLetterQueue,
      bundling: { ...FUNCTION_BUNDLING },
      ...(props.secretsExtension ? { paramsAndSecrets: SECRETS_EXTENSION } : {}),
    });
    Validations.of(this.fn).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 24, the current LTS, on purpose (DESIGN.md §4): the code, esbuild target and the ' +
          "project's own scripts run on it; moving runtime is a deliberate toolchain change, not a drift.",
      },
      ...FUNCTION_ACKNOWLEDGEMENTS,
    );
    if (!props.deadLetterQueue) {
      Validations.of(this.fn).acknowledge({
        id: 'HIPAA.Security-LambdaDLQ',
        reason: `No dead-letter queue of its own, and no failed run is lost: ${props.failuresGoTo}.`,
      });
    }
  }
}
