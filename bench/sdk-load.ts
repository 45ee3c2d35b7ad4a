import { performance } from 'node:perf_hooks';

/** How the direct-SDK baseline is driven: as many loops as the HTTP load has connections. */
export interface LoopOptions {
  concurrency: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** One operation; `lane` is the loop's number. */
  operation: (lane: number) => Promise<void>;
}

/** The measured phase of a loop run (the warm-up is discarded). */
export interface LoopResult {
  /** Duration of every operation that succeeded, in ms. */
  latenciesMs: number[];
  durationSeconds: number;
  /** Failed operations by error name. */
  failures: Record<string, number>;
}

async function phase(options: LoopOptions, seconds: number): Promise<LoopResult> {
  const latenciesMs: number[] = [];
  const failures: Record<string, number> = {};
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const lane = async (number: number) => {
    while (performance.now() < deadline) {
      const begun = performance.now();
      try {
        await options.operation(number);
        latenciesMs.push(performance.now() - begun);
      } catch (error) {
        const name = error instanceof Error ? error.name : 'unknown';
        failures[name] = (failures[name] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, number) => lane(number)));
  return { latenciesMs, durationSeconds: (performance.now() - started) / 1000, failures };
}

/**
 * Runs `concurrency` async loops, each calling `operation` back to back (a closed loop, like
 * autocannon's connections), for a warm-up and then for the measured duration.
 */
export async function runLoops(options: LoopOptions): Promise<LoopResult> {
  if (options.warmupSeconds > 0) await phase(options, options.warmupSeconds);
  return phase(options, options.durationSeconds);
}
