// `npm run bench`: starts a throwaway local stack, runs every benchmark in order, prints the
// results and writes bench/results.md. Not part of `npm test`.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Benchmark, Section } from './benchmark.ts';
import { resultsDocument } from './report.ts';

// Before anything loads the SDK or the logger, which read these once.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.LOG_LEVEL = 'ERROR';

/**
 * Load settings shared by every benchmark. BENCH_SECONDS and BENCH_CONNECTIONS change them for a
 * trial run; results.md is only meant to be committed from the defaults.
 */
const SETTINGS = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
  warmupSeconds: 2,
  durationSeconds: Number(process.env.BENCH_SECONDS ?? 10),
};

/** The benchmarks, run in this order; each writes its own section. Loaded after the env is set. */
const BENCHMARKS: (() => Promise<Benchmark>)[] = [
  async () => (await import('./case-records.ts')).caseRecords,
];

const RESULTS = fileURLToPath(new URL('./results.md', import.meta.url));

async function main(): Promise<number> {
  const startedAt = new Date();
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const { startLocalStack } = await import('../infra/local/stack.ts');
  const stack = await startLocalStack({ port: 0, seedDemo: true, quiet: true, throttle: false });
  const sections: Section[] = [];
  try {
    for (const load of BENCHMARKS) {
      const benchmark = await load();
      const log = (line: string) => console.log(`[${benchmark.name}] ${line}`);
      log('starting');
      sections.push(await benchmark.run({ stack, ...SETTINGS, log }));
    }
  } finally {
    await stack.stop();
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
