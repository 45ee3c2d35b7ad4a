import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct, type IConstruct } from 'constructs';

/**
 * The key every log group of the stack is encrypted with. Function logs carry tenant and request
 * ids and, on failure, error messages that may quote a record, so they get a key of their own
 * rather than CloudWatch's default encryption. Only CloudWatch Logs may use it, and only for this
 * account's log groups in this region (the encryption context AWS documents for log groups).
 */
export class LogKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the Continuity log groups',
      enableKeyRotation: true,
      // Retained log groups stay readable after the stack is gone.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsUseTheKeyForThisAccountsLogGroups',
        principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
  }

  /**
   * Encrypts every log group under `scope` with this key, CDK's own (the frontend upload's) as
   * well as the service's. Call it once every construct exists.
   */
  encryptLogGroups(scope: IConstruct): void {
    for (const node of scope.node.findAll()) {
      if (node instanceof CfnLogGroup && node.kmsKeyId === undefined) node.kmsKeyId = this.key.keyArn;
    }
  }
}
