import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type Page, type PageRequest, queryPage } from './query-page.ts';
import type { Table } from './table.ts';

/** One ordered index partition of a merged list (one area's caseload, say), named by `part`. */
export interface OrderedPart {
  part: string;
  query: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey' | 'IndexName'>;
}

export interface MergedQuery {
  indexName: string;
  /** The index's key attributes: a page's position is the last item's keys. */
  indexKeys: readonly [partitionKey: string, sortKey: string];
  parts: readonly OrderedPart[];
  descending?: boolean;
}

/** Where each part's next page starts: after a key, or `null` once the part is used up. */
type Positions = Record<string, Record<string, unknown> | null>;

/**
 * A page's reads stop after this many items in one part, however few the filters let through;
 * the next page goes on from there.
 */
const MAX_READ_PER_PART = 2_000;

/** The table and index keys of an item: where a query continues after it. */
const positionOf = (item: Record<string, unknown>, indexKeys: readonly string[]) =>
  Object.fromEntries(['PK', 'SK', ...indexKeys].map((name) => [name, item[name]]));

/** What one part's reads found: its items that passed the filters, and where the reads stopped. */
interface PartRead {
  part: OrderedPart;
  items: Record<string, unknown>[];
  /** The key after the last item read (passed or not); absent once the part is used up. */
  readTo?: Record<string, unknown>;
}

/** Up to `limit` items of one part that pass its filters, from `start`. */
async function readPart(
  table: Table,
  indexName: string,
  part: OrderedPart,
  start: Record<string, unknown> | undefined,
  limit: number,
  descending: boolean,
): Promise<PartRead> {
  const items: Record<string, unknown>[] = [];
  let startKey = start;
  let read = 0;
  do {
    // A filtered query's limit counts the items read, not those kept: the first read takes one
    // more than a page (the filters leave out few), any further one a larger batch.
    const first = startKey === start;
    const size = !part.query.FilterExpression ? limit : first ? limit + 1 : Math.max(limit * 2, 100);
    const page = await queryPage(
      table,
      { ...part.query, IndexName: indexName, ScanIndexForward: !descending },
      { limit: size, startKey },
    );
    items.push(...page.items);
    read += size;
    startKey = page.lastKey;
    if (!startKey) return { part, items };
  } while (items.length < limit && read < MAX_READ_PER_PART);
  return { part, items, readTo: startKey };
}

/**
 * One page of a list merged from several ordered index partitions (a member's areas), in the
 * indexes' sort-key order: each part reads at most a page (or, under filters, a bounded batch)
 * from where the last page left it, and the position of every part goes back in the page's key.
 * Only items up to the point every part has read to are given out, so none is skipped: a part
 * whose reads stopped early holds the page back there, and the next page goes on past it.
 */
export async function mergedPage(
  table: Table,
  merged: MergedQuery,
  page: PageRequest,
): Promise<Page<Record<string, unknown>>> {
  const [, sortKey] = merged.indexKeys;
  const descending = merged.descending ?? false;
  const positions = (page.startKey ?? {}) as Positions;
  const live = merged.parts.filter((part) => positions[part.part] !== null);
  const reads = await Promise.all(
    live.map((part) =>
      readPart(table, merged.indexName, part, positions[part.part] ?? undefined, page.limit, descending),
    ),
  );
  const order = (a: string, b: string) => (descending ? b.localeCompare(a) : a.localeCompare(b));
  const keyOf = (item: Record<string, unknown>) => String(item[sortKey]);
  // The furthest point every part has read to: past it, a part that stopped early may hold more.
  const frontiers = reads.flatMap((read) => (read.readTo ? [String(read.readTo[sortKey])] : []));
  const cutoff = frontiers.sort(order)[0];
  const candidates = reads
    .flatMap(({ part, items }) => items.map((item) => ({ part: part.part, item })))
    .filter(({ item }) => cutoff === undefined || order(keyOf(item), cutoff) <= 0)
    .sort((a, b) => order(keyOf(a.item), keyOf(b.item)) || a.part.localeCompare(b.part));
  const taken = candidates.slice(0, page.limit);
  const tookAll = taken.length === candidates.length;
  const next: Positions = { ...positions };
  for (const { part, items, readTo } of reads) {
    const mine = taken.filter((entry) => entry.part === part.part);
    const last = mine.at(-1);
    if (!readTo && mine.length === items.length) next[part.part] = null;
    else if (tookAll && readTo && String(readTo[sortKey]) === cutoff) {
      // Everything this part read up to the cutoff was given out or filtered away: go on from there.
      next[part.part] = readTo;
    } else if (last) next[part.part] = positionOf(last.item, merged.indexKeys);
  }
  const more = merged.parts.some((part) => next[part.part] !== null);
  return { items: taken.map((entry) => entry.item), lastKey: more ? next : undefined };
}
