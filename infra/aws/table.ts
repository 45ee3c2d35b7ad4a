import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type CfnTable,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLE_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../../shared/data/table-def.ts';
import type { WildcardReason } from './nag.ts';

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
    for (const index of TABLE_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }

  /** Why the wildcards that `table.grantReadWriteData` writes into a policy are acceptable. */
  grantWildcardReasons(): WildcardReason[] {
    const stack = Stack.of(this);
    const logicalId: unknown = stack.resolve(stack.getLogicalId(this.table.node.defaultChild as CfnTable));
    const indexNames = TABLE_INDEXES.map((index) => index.name).join(', ');
    return [
      {
        finding: `Resource::<${String(logicalId)}.Arn>/index/*`,
        reason: `Queries read this table's own indexes (${indexNames}); the pattern cannot reach another table.`,
      },
      {
        finding: 'Action::kms:ReEncrypt*',
        reason:
          "Part of DynamoDB's grant for the table's customer-managed key; the statement names that key only.",
      },
      {
        finding: 'Action::kms:GenerateDataKey*',
        reason:
          'DynamoDB asks for data keys of the table key to encrypt items; the statement names that key only.',
      },
    ];
  }
}
