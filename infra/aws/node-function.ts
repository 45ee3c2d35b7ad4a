import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { REPO_ROOT, repoPath } from './paths.ts';

/** The runtime every function is built for; esbuild targets the same Node version. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_22_X;

/**
 * ESM output has no `require`; some dependencies still call it (directly or through
 * esbuild's CommonJS shims), so the bundle defines one.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __continuityCreateRequire } from 'node:module'; const require = __continuityCreateRequire(import.meta.url);";

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
  logRetention: RetentionDays;
  memorySize?: number;
  timeout?: Duration;
  deadLetterQueue?: IQueue;
}

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
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.handler} (${props.entry})`,
    });
    this.logGroup.grantWrite(this.role);

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
      bundling: {
        format: OutputFormat.ESM,
        banner: ESM_REQUIRE_BANNER,
        mainFields: ['module', 'main'],
        target: 'node22',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // The project pins one SDK version and tests against it; the runtime's copy may differ.
        bundleAwsSDK: true,
      },
    });
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 on purpose (DESIGN.md §4): the code, esbuild target and tests are built for it; ' +
        'moving to a newer runtime is a deliberate toolchain change, not a drift to follow automatically.',
    });
  }
}
