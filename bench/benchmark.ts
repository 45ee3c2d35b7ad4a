import type { LocalStack } from '../infra/local/stack.ts';

/** What every benchmark gets: the running local stack and the shared load settings. */
export interface BenchContext {
  stack: LocalStack;
  /** Concurrent HTTP connections, and concurrent SDK loops for the baseline. */
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Progress for the console (never person-level data). */
  log(line: string): void;
}

/** A benchmark's part of `bench/results.md`. */
export interface Section {
  title: string;
  markdown: string;
  /** Unexpected errors or failed checks: the run reports them and exits non-zero. */
  problems: string[];
}

/** One named benchmark of `npm run bench`, measuring the local stack. */
export interface Benchmark {
  name: string;
  run(context: BenchContext): Promise<Section>;
}

/** A benchmark that needs no local stack (the bundles': it builds and times them itself). */
export interface StandaloneBenchmark {
  name: string;
  run(context: Omit<BenchContext, 'stack'>): Promise<Section>;
}
