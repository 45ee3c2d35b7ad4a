import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLE_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../../shared/data/table-def.ts';
import { type TableAccess, writes } from './table-access.ts';

/** What DynamoDB needs of a caller to read a table encrypted with a customer-managed key. */
export const TABLE_KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'] as const;
/** ... and to write it (DynamoDB's documented key permissions for the table's users). */
export const TABLE_KEY_WRITE_ACTIONS = [
  ...TABLE_KEY_READ_ACTIONS,
  'kms:Encrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
] as const;

/**
 * The single table, shaped by shared/data/table-def.ts (the local stack reads the same
 * description). It holds person-level health data, so it is encrypted with a key this
 * stack owns, recoverable to any second of the last 35 days, and never deleted by a stack
 * operation.
 */
export class DataTable extends Construct {
  readonly table: Table;
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the Continuity table (person-level data)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      deletionProtection: true,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.table).acknowledge({
      id: 'HIPAA.Security-DynamoDBInBackupPlan',
      reason:
        'Point-in-time recovery restores any second of the last 35 days, and deletion protection and the ' +
        'Retain policy keep the table. No AWS Backup plan on purpose: longer-lived copies would keep ' +
        'offboarded partnerships and purged cases beyond the retention the partnerships set.',
    });
    for (const index of TABLE_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        ...(index.projected
          ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projected] }
          : { projectionType: ProjectionType.ALL }),
      });
    }
  }

  /**
   * Grants exactly `access`: its actions on the table, dynamodb:Query on each index it names
   * (and on no other), and the table key's permissions through DynamoDB only, to decrypt for
   * readers and to encrypt as well for writers.
   */
  grantAccess(grantee: IGrantable, access: TableAccess): void {
    const known = new Set(TABLE_INDEXES.map((index) => index.name));
    for (const index of access.indexes) {
      if (!known.has(index)) {
        throw new Error(`Index "${index}" is not in shared/data/table-def.ts (${[...known].join(', ')})`);
      }
    }
    if (access.table.length > 0) {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({ actions: [...access.table], resources: [this.table.tableArn] }),
      );
    }
    if (access.indexes.length > 0) {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['dynamodb:Query'],
          resources: access.indexes.map((index) => this.indexArn(index)),
        }),
      );
    }
    if (access.table.length > 0 || access.indexes.length > 0) {
      grantee.grantPrincipal.addToPrincipalPolicy(this.keyStatement(writes(access)));
    }
  }

  /** The ARN of one of the table's indexes. */
  indexArn(indexName: string): string {
    return `${this.table.tableArn}/index/${indexName}`;
  }

  /** The table key's permissions, usable only by DynamoDB on the caller's behalf. */
  keyStatement(write: boolean): PolicyStatement {
    return new PolicyStatement({
      actions: [...(write ? TABLE_KEY_WRITE_ACTIONS : TABLE_KEY_READ_ACTIONS)],
      resources: [this.key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` } },
    });
  }
}
