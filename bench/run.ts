// `npm run bench`: starts a throwaway local stack, runs every benchmark in order, prints the
// results and writes bench/results.md. Not part of `npm test`.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LocalStack } from '../infra/local/stack.ts';
import type { Benchmark, Section, StandaloneBenchmark } from './benchmark.ts';
import { resultsDocument } from './report.ts';

// Before anything loads the SDK or the logger, which read these once.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.LOG_LEVEL = 'ERROR';

/**
 * Load settings shared by every benchmark. BENCH_SECONDS and BENCH_CONNECTIONS change them for a
 * trial run; results.md is only meant to be committed from the defaults. Others, read by the
 * benchmarks themselves: BENCH_ONLY (below), BENCH_SWEEP_SIZES (1000,50000), BENCH_SWEEP_REPEATS
 * (5), BENCH_REPORT_SIZES (1000,20000), BENCH_REPORT_CALLS (7), BENCH_LOAD_STEPS (1,2,...,64);
 * the load steps last BENCH_SECONDS / 2 each. A quick trial of everything:
 * `BENCH_SECONDS=2 BENCH_SWEEP_SIZES=200,1000 BENCH_REPORT_SIZES=200,1000 npm run bench`.
 */
const SETTINGS = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
  warmupSeconds: 2,
  durationSeconds: Number(process.env.BENCH_SECONDS ?? 10),
};

/** The benchmarks, run in this order; each writes its own section. Loaded after the env is set. */
type Entry =
  | { name: string; standalone?: false; load: () => Promise<Benchmark> }
  | { name: string; standalone: true; load: () => Promise<StandaloneBenchmark> };

const BENCHMARKS: Entry[] = [
  // First, and before the stack starts: its cold starts are timed on an otherwise idle machine.
  { name: 'bundles', standalone: true, load: async () => (await import('./bundles.ts')).bundles },
  { name: 'case-records', load: async () => (await import('./case-records.ts')).caseRecords },
  { name: 'sweep', load: async () => (await import('./sweep.ts')).sweep },
  { name: 'reports', load: async () => (await import('./reports.ts')).reports },
  { name: 'worklist', load: async () => (await import('./worklist.ts')).worklist },
  { name: 'caseload', load: async () => (await import('./caseload.ts')).caseload },
  { name: 'load', load: async () => (await import('./load.ts')).load },
];

/** BENCH_ONLY=sweep,load runs just those, for a trial (none relies on another's data). */
const ONLY = process.env.BENCH_ONLY?.split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const unknown = ONLY?.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name)) ?? [];
if (unknown.length > 0) {
  throw new Error(
    `BENCH_ONLY names no benchmark called ${unknown.join(', ')}: use ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  );
}

const RESULTS = fileURLToPath(new URL('./results.md', import.meta.url));

async function main(): Promise<number> {
  const startedAt = new Date();
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const selected = BENCHMARKS.filter(({ name }) => !ONLY || ONLY.includes(name));
  const sections: Section[] = [];
  let stack: LocalStack | undefined;
  try {
    for (const entry of selected) {
      const log = (line: string) => console.log(`[${entry.name}] ${line}`);
      if (entry.standalone) {
        log('starting');
        sections.push(await (await entry.load()).run({ ...SETTINGS, log }));
        continue;
      }
      // The local stack starts only when the first benchmark that measures it is due.
      if (!stack) {
        const { startLocalStack } = await import('../infra/local/stack.ts');
        stack = await startLocalStack({ port: 0, seedDemo: true, quiet: true, throttle: false });
      }
      const benchmark = await entry.load();
      log('starting');
      sections.push(await benchmark.run({ stack, ...SETTINGS, log }));
    }
  } finally {
    await stack?.stop();
  }
  const document = resultsDocument(
    {
      startedAt,
      elapsedSeconds: (Date.now() - startedAt.getTime()) / 1000,
      loadBefore,
    },
    sections,
  );
  writeFileSync(RESULTS, document);
  console.log(`\n${document}`);
  const problems = sections.flatMap((section) => section.problems);
  for (const problem of problems) console.error(`problem: ${problem}`);
  console.log(`wrote ${RESULTS}`);
  return problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
