import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MergedQuery, mergedPage } from '../../shared/data/merged-page.ts';
import type { Table } from '../../shared/data/table.ts';

/**
 * The merged paging of the caseload and the worklist (shared/data/merged-page.ts), over a stand-in
 * for DynamoDB's Query that keeps its paging rules: `Limit` counts the items read before the
 * filter, `LastEvaluatedKey` is the last item read, and a query goes on after `ExclusiveStartKey`.
 */
interface Row {
  PK: string;
  SK: string;
  GSI1PK: string;
  GSI1SK: string;
  keep: boolean;
}

function fakeTable(partitions: Record<string, Row[]>): Table {
  interface QueryInput {
    ExpressionAttributeValues: Record<string, string>;
    ScanIndexForward?: boolean;
    ExclusiveStartKey?: { GSI1SK: string };
    Limit: number;
    FilterExpression?: string;
  }
  const send = async (command: { input: QueryInput }) => {
    const input = command.input;
    const all = [...(partitions[input.ExpressionAttributeValues[':pk'] as string] ?? [])].sort((a, b) =>
      input.ScanIndexForward === false ? b.GSI1SK.localeCompare(a.GSI1SK) : a.GSI1SK.localeCompare(b.GSI1SK),
    );
    const from = input.ExclusiveStartKey
      ? all.findIndex((row) => row.GSI1SK === input.ExclusiveStartKey?.GSI1SK) + 1
      : 0;
    const read = all.slice(from, from + input.Limit);
    return {
      Items: input.FilterExpression ? read.filter((row) => row.keep) : read,
      LastEvaluatedKey: from + input.Limit < all.length ? read.at(-1) : undefined,
    };
  };
  return { name: 'fake', db: { send } } as unknown as Table;
}

const rowsOf = (part: string, keeps: boolean[], keys: number[]): Row[] =>
  keeps.map((keep, index) => {
    const key = `A${String(keys[index]).padStart(6, '0')}#${part}-${index}`;
    return { PK: 'T#t', SK: `REFERRAL#${part}-${index}`, GSI1PK: part, GSI1SK: key, keep };
  });

/** Every page of a merged list, following its cursor to the end (at most 500 pages). */
async function allPages(table: Table, merged: MergedQuery, limit: number) {
  const pages: Row[][] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await mergedPage(table, merged, { limit, startKey });
    pages.push(page.items as unknown as Row[]);
    startKey = page.lastKey;
  } while (startKey && pages.length < 500);
  return { pages, ended: !startKey };
}

const query = (parts: string[], filtered: boolean, descending = false): MergedQuery => ({
  indexName: 'GSI1',
  indexKeys: ['GSI1PK', 'GSI1SK'],
  parts: parts.map((part) => ({
    part,
    query: {
      KeyConditionExpression: 'GSI1PK = :pk',
      ...(filtered ? { FilterExpression: 'keep = :yes' } : {}),
      ExpressionAttributeValues: { ':pk': part },
    },
  })),
  descending,
});

describe('mergedPage', () => {
  it('gives every matching item of every part once, in order, however the pages fall', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 5000 })), { maxLength: 120 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        fc.boolean(),
        async (parts, limit, filtered, descending) => {
          // Prepare
          const names = parts.map((_, index) => `P${index}`);
          const partitions = Object.fromEntries(
            parts.map((rows, index) => [
              names[index],
              rowsOf(
                names[index] as string,
                rows.map(([keep]) => keep),
                rows.map(([, key]) => key),
              ),
            ]),
          );
          // Act
          const { pages, ended } = await allPages(
            fakeTable(partitions),
            query(names, filtered, descending),
            limit,
          );
          // Assess
          const expected = (Object.values(partitions) as Row[][])
            .flat()
            .filter((row) => !filtered || row.keep)
            .map((row) => row.GSI1SK)
            .sort((a: string, b: string) => (descending ? b.localeCompare(a) : a.localeCompare(b)));
          expect(ended).toBe(true);
          expect(pages.flat().map((row) => row.GSI1SK)).toEqual(expected);
          for (const page of pages) expect(page.length).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('goes on past a long run of items its filter leaves out, and ends', async () => {
    // Prepare: one area with 2,500 cases of which only those after the 2,100th match (more than
    // a page's reads can cover), another with 3 that match.
    const partitions = {
      A: rowsOf(
        'A',
        Array.from({ length: 2500 }, (_, index) => index >= 2100),
        Array.from({ length: 2500 }, (_, index) => index),
      ),
      B: rowsOf('B', [true, true, true], [10, 20, 30]),
    };
    // Act
    const { pages, ended } = await allPages(fakeTable(partitions), query(['A', 'B'], true), 50);
    // Assess
    expect(ended).toBe(true);
    expect(pages.flat()).toHaveLength(403);
    expect(pages.flat().map((row) => row.GSI1SK)).toEqual(
      [...partitions.A.filter((row) => row.keep), ...partitions.B].map((row) => row.GSI1SK).sort(),
    );
  });
});
