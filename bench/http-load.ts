import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** An appointment the write load moves, with the version its next `If-Match` names. */
export interface AppointmentTarget {
  referralId: string;
  appointmentId: string;
  version: number;
}

/** What the load generator fires at the API, and for how long. */
export interface LoadSpec {
  /** `http://127.0.0.1:<port>`: the API is under `/api`. */
  origin: string;
  token: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  target:
    | { kind: 'getReferral'; referralIds: string[] }
    | { kind: 'rescheduleAppointment'; appointments: AppointmentTarget[] }
    /** GETs of any paths under the origin (`/api/...` with their query), in turn. */
    | { kind: 'getPaths'; paths: readonly string[] };
}

/** The measured run (the warm-up is discarded). */
export interface LoadResult {
  /** Response time of every 2xx response, in ms, unrounded. */
  latenciesMs: number[];
  durationSeconds: number;
  statusCounts: Record<string, number>;
  /** Connection errors, timeouts included. */
  socketErrors: number;
  /** autocannon's own histogram (1 ms resolution), for comparison. */
  autocannon: { p50: number; p99: number; requestsPerSecond: number };
}

type ChildAnswer = { ok: true; result: LoadResult } | { ok: false; error: string };

const CHILD = fileURLToPath(new URL('./http-load-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs autocannon in a child process, so the load generator does not share the event loop (and
 * so the CPU time) of the gateway and handlers it measures.
 */
export function runHttpLoad(spec: LoadSpec): Promise<LoadResult> {
  const limitMs = (spec.warmupSeconds + spec.durationSeconds + 30) * 1000;
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'] });
    let settled = false;
    const finish = (error: Error | undefined, result?: LoadResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill();
      if (error) reject(error);
      else resolve(result as LoadResult);
    };
    const timer = setTimeout(() => finish(new Error(`the load generator ran past ${limitMs} ms`)), limitMs);
    child.once('message', (answer: ChildAnswer) =>
      answer.ok ? finish(undefined, answer.result) : finish(new Error(`load generator: ${answer.error}`)),
    );
    child.once('error', (error) => finish(error));
    child.once('exit', (code) =>
      finish(new Error(`the load generator exited with ${code} before answering`)),
    );
    child.send(spec);
  });
}
