import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from './http-load.ts';

/** GET requests fired at the API by autocannon, cycling over `paths`, for a warm-up and a measured run. */
export interface GetLoadSpec {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  token: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Paths under the origin, `/api/...` with their query; requests take them in turn. */
  paths: readonly string[];
}

type ChildAnswer = { ok: true; result: LoadResult } | { ok: false; error: string };

const CHILD = fileURLToPath(new URL('./get-load-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs autocannon in a child process (as `runHttpLoad` does), so the load generator does not
 * share the event loop, and so the CPU time, of the gateway and handlers it measures.
 */
export function runGetLoad(spec: GetLoadSpec): Promise<LoadResult> {
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
