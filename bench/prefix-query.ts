import { performance } from 'node:perf_hooks';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys, tenantPartition } from '../shared/data/keys.ts';
import type { Table } from '../shared/data/table.ts';
import { percentile } from './stats.ts';

/** Median time of a tenant's member listing, asked two ways that DynamoDB answers alike. */
export interface PrefixQueryCost {
  /** `begins_with(SK, :prefix)`, as the members, areas, audit and timeline reads ask. */
  beginsWithMs: number;
  /** `SK BETWEEN :prefix AND :prefix + U+FFFF`: the same items. */
  betweenMs: number;
}

/**
 * Times the member listing of a tenant (`MEMBER#` items of its partition) written both ways,
 * `times` each, alternating: DynamoDB reads only the key range either way, while DynamoDB Local
 * may not, so this shows what a big tenant partition costs a local prefix query.
 */
export async function prefixQueryCost(table: Table, tenantId: string, times = 20): Promise<PrefixQueryCost> {
  const query = (condition: string, values: Record<string, string>) => async () => {
    const started = performance.now();
    await table.db.send(
      new QueryCommand({
        TableName: table.name,
        KeyConditionExpression: `PK = :pk AND ${condition}`,
        ExpressionAttributeValues: { ':pk': tenantPartition(tenantId), ...values },
      }),
    );
    return performance.now() - started;
  };
  const prefix = keys.memberPrefix;
  const beginsWith = query('begins_with(SK, :prefix)', { ':prefix': prefix });
  const between = query('SK BETWEEN :from AND :to', { ':from': prefix, ':to': `${prefix}\uffff` });
  const samples = { beginsWith: [] as number[], between: [] as number[] };
  for (let round = 0; round < times; round++) {
    samples.beginsWith.push(await beginsWith());
    samples.between.push(await between());
  }
  return {
    beginsWithMs: percentile(samples.beginsWith, 50),
    betweenMs: percentile(samples.between, 50),
  };
}
