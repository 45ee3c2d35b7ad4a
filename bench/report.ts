import { arch, cpus, platform } from 'node:os';
import type { Section } from './benchmark.ts';
import type { Summary } from './stats.ts';

/** One side of a comparison: its latency and rate, and the requests that did not succeed. */
export interface Side extends Summary {
  /** Failures other than version conflicts. */
  errors: number;
  /** Version conflicts (409 `version_conflict`). */
  conflicts: number;
}

/** One operation measured through the API and as bare SDK calls. */
export interface ComparisonRow {
  operation: string;
  api: Side;
  baseline: Side;
}

/** Milliseconds with precision that suits their size. */
export const ms = (value: number): string =>
  Number.isNaN(value) ? 'n/a' : value < 10 ? value.toFixed(2) : value.toFixed(1);

const rate = (value: number): string => (Number.isNaN(value) ? 'n/a' : value.toFixed(0));
const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

/** A markdown table of API against baseline, with the two ratios. */
export function comparisonTable(rows: readonly ComparisonRow[]): string {
  const header = [
    'Operation',
    'API p50 (ms)',
    'API p99 (ms)',
    'API req/s',
    'API errors / 409s',
    'Baseline p50 (ms)',
    'Baseline p99 (ms)',
    'Baseline ops/s',
    'Baseline errors / conflicts',
    'p50 ratio (API ÷ baseline)',
    'Throughput ratio (baseline ÷ API)',
  ];
  const lines = rows.map((row) => [
    row.operation,
    ms(row.api.p50),
    ms(row.api.p99),
    rate(row.api.perSecond),
    `${row.api.errors} / ${row.api.conflicts}`,
    ms(row.baseline.p50),
    ms(row.baseline.p99),
    rate(row.baseline.perSecond),
    `${row.baseline.errors} / ${row.baseline.conflicts}`,
    ratio(row.api.p50 / row.baseline.p50),
    ratio(row.baseline.perSecond / row.api.perSecond),
  ]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The machine and runtime the numbers came from. */
export function environment(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  return `Node ${process.version} on ${platform()} ${arch()}, ${cores.length} CPUs (${model})`;
}

/** When the run happened, and how busy the machine was as it began (1-minute load average). */
export interface RunInfo {
  startedAt: Date;
  elapsedSeconds: number;
  loadBefore: number;
}

/** The whole of `bench/results.md`: when and where, then every benchmark's section. */
export function resultsDocument(run: RunInfo, sections: readonly Section[]): string {
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (not part of `npm test`): the local stack (DynamoDB Local in memory,',
    'the Node gateway calling the Lambda handlers) on one machine, load and stack on 127.0.0.1.',
    '',
    `- Run: ${run.startedAt.toISOString()} (${run.elapsedSeconds.toFixed(0)} s in all)`,
    `- ${environment()}`,
    `- 1-minute load average as the run began: ${run.loadBefore.toFixed(2)} (other work on the machine skews the numbers)`,
    '',
    ...sections.flatMap((section) => [`## ${section.title}`, '', section.markdown.trim(), '']),
  ].join('\n');
}
