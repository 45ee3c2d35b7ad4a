import { performance } from 'node:perf_hooks';
import type { LocalStack } from '../infra/local/stack.ts';
import { abba } from './abba.ts';
import type { BenchContext } from './benchmark.ts';
import { type DynamoWork, dynamoWorkOf } from './dynamo-reads.ts';
import { type LoadResult, runHttpLoad } from './http-load.ts';
import { ms } from './report.ts';
import { percentile, type Summary, summarize } from './stats.ts';

const PER_CALL = 'benchPerCallReads';

/** One side of a paired GET measurement: who asks, and the paths it cycles over. */
export interface GetSideSpec {
  token: string;
  /** `/api/...` paths, taken in turn. */
  paths: readonly string[];
}

/** A measured side: latency and rate of its 2xx answers over both its runs, and what failed. */
export interface GetSide extends Summary {
  runs: LoadResult[];
  /** Non-2xx answers and socket errors. */
  errors: number;
  /** 429s among the errors: the local gateway throttled the load. */
  throttled: number;
}

function sideOf(runs: LoadResult[]): GetSide {
  const statuses = runs.flatMap((run) => Object.entries(run.statusCounts));
  const failed = statuses
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    ...summarize(
      runs.flatMap((run) => run.latenciesMs),
      runs.reduce((sum, run) => sum + run.durationSeconds, 0),
    ),
    runs,
    errors: failed + runs.reduce((sum, run) => sum + run.socketErrors, 0),
    throttled: statuses.filter(([code]) => code === '429').reduce((sum, [, count]) => sum + count, 0),
  };
}

/** A B B A cycles per comparison: more, shorter runs weigh a drift that is not linear evenly too. */
export const CYCLES = 3;

/**
 * Measures two GET loads through the API in A B B A order (as case-records does), `CYCLES` times
 * over, each run a share of the measured time after its own warm-up, with the run's connections.
 */
export async function pairedGets(
  context: BenchContext,
  a: GetSideSpec,
  b: GetSideSpec,
): Promise<{ a: GetSide; b: GetSide }> {
  const origin = `http://127.0.0.1:${new URL(context.stack.url).port}`;
  const load = (side: GetSideSpec) =>
    runHttpLoad({
      origin,
      token: side.token,
      connections: context.connections,
      warmupSeconds: context.warmupSeconds,
      durationSeconds: context.durationSeconds / (2 * CYCLES),
      target: { kind: 'getPaths', paths: side.paths },
    });
  const runs: { a: LoadResult[]; b: LoadResult[] } = { a: [], b: [] };
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const one = await abba(
      () => load(a),
      () => load(b),
    );
    runs.a.push(...one.a);
    runs.b.push(...one.b);
  }
  return { a: sideOf(runs.a), b: sideOf(runs.b) };
}

/**
 * One GET through the API with its DynamoDB work counted (the handlers run in this process, on
 * the stack's client); nothing else may use the table meanwhile. Answers the parsed body.
 */
export async function countedGet(
  stack: LocalStack,
  token: string,
  path: string,
): Promise<{ status: number; body: Record<string, unknown>; perCall: string[] } & DynamoWork> {
  const origin = `http://127.0.0.1:${new URL(stack.url).port}`;
  // Each call with what it read, in the order they answered: `Query 100` (scanned), `GetItem 1`.
  const perCall: string[] = [];
  stack.table.db.middlewareStack.add(
    (next, context) => async (args) => {
      const answer = await next(args);
      const output = (answer.output ?? {}) as {
        ScannedCount?: number;
        Item?: unknown;
        Responses?: Record<string, unknown[]>;
      };
      const read =
        output.ScannedCount ??
        (output.Item
          ? 1
          : Object.values(output.Responses ?? {}).reduce((sum, items) => sum + items.length, 0));
      perCall.push(`${(context.commandName ?? 'unknown').replace(/Command$/, '')} ${read}`);
      return answer;
    },
    { step: 'initialize', name: PER_CALL },
  );
  try {
    const counted = await dynamoWorkOf(stack.table, async () => {
      const response = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
    });
    const { result, ...work } = counted;
    return { ...result, ...work, perCall };
  } finally {
    stack.table.db.middlewareStack.remove(PER_CALL);
  }
}

/**
 * The same two sides one request at a time (no other load), `rounds` rounds of A B B A, each
 * request timed from sending to the last byte of its answer; answers each side's median, in ms.
 * A loaded p50 is mostly queueing for the machine's CPUs; this is one request's own latency.
 */
export async function oneAtATime(
  stack: LocalStack,
  a: GetSideSpec,
  b: GetSideSpec,
  rounds: number,
): Promise<{ a: number; b: number; failed: number }> {
  const origin = `http://127.0.0.1:${new URL(stack.url).port}`;
  const times = { a: [] as number[], b: [] as number[] };
  let failed = 0;
  let next = 0;
  const timed = (side: GetSideSpec, into: number[]) => async () => {
    const path = side.paths[next++ % side.paths.length] as string;
    const started = performance.now();
    const response = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${side.token}` } });
    await response.arrayBuffer();
    if (response.ok) into.push(performance.now() - started);
    else failed += 1;
  };
  for (let round = 0; round < rounds; round++) await abba(timed(a, times.a), timed(b, times.b));
  return { a: percentile(times.a, 50), b: percentile(times.b, 50), failed };
}

/** `BatchGetItem 1, BatchWriteItem 2, Query 2` from calls by command. */
export const callList = (calls: Record<string, number>): string =>
  Object.entries(calls)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');

const ratioText = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

/** `1.23×` of one value over another. */
export const ratioOf = (value: number, over: number): string => ratioText(value / over);

/** A measured row of the results table: the request, its side and its DynamoDB work once. */
export interface GetRow {
  request: string;
  side: GetSide;
  /** Median of the requests made one at a time, in ms. */
  alone: number;
  work: DynamoWork;
}

/** The markdown table of the measured requests. */
export function getTable(rows: readonly GetRow[]): string {
  const header = [
    'Request',
    'p50 (ms)',
    'p99 (ms)',
    'req/s',
    'Requests measured',
    'Errors',
    'One at a time, p50 (ms)',
    'DynamoDB calls per request',
    'Items read per request',
  ];
  const lines = rows.map((row) => [
    row.request,
    ms(row.side.p50),
    ms(row.side.p99),
    Number.isNaN(row.side.perSecond) ? 'n/a' : row.side.perSecond.toFixed(0),
    row.side.count.toLocaleString('en-GB'),
    String(row.side.errors),
    ms(row.alone),
    callList(row.work.calls),
    row.work.itemsRead.toLocaleString('en-GB'),
  ]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** A limit on a ratio of p50s: its line for results.md and the console, and whether it held. */
export function p50Limit(
  what: string,
  measured: { label: string; p50: number },
  against: { label: string; p50: number },
  limit: number,
): { line: string; pass: boolean } {
  const ratio = measured.p50 / against.p50;
  const pass = Number.isFinite(ratio) && ratio <= limit;
  return {
    pass,
    line: `${what}: ${measured.label} p50 ${ms(measured.p50)} ms = ${ratioText(ratio)} ${against.label} p50 (${ms(against.p50)} ms); limit ${limit}× — ${pass ? 'PASS' : 'FAIL'}`,
  };
}

/** Problems of a side: errors, throttling, nothing measured. */
export function sideProblems(request: string, side: GetSide): string[] {
  return [
    ...(side.errors > 0 ? [`${request}: ${side.errors} errors (${side.throttled} of them 429)`] : []),
    ...(side.count === 0 ? [`${request}: nothing succeeded`] : []),
  ];
}

/** autocannon's own histograms of a side's runs (1 ms resolution), for comparison. */
export const autocannonText = (side: GetSide): string =>
  `p50 ${side.runs.map((run) => run.autocannon.p50).join(' and ')} ms, p99 ${side.runs.map((run) => run.autocannon.p99).join(' and ')} ms`;
