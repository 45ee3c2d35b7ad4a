// The GET load generator's process: receives one GetLoadSpec, runs autocannon, answers one LoadResult.
import autocannon, { type Request } from 'autocannon';
import type { GetLoadSpec } from './get-load.ts';
import type { LoadResult } from './http-load.ts';

/** GETs of the paths in turn. */
function getRequests(paths: readonly string[]): Request[] {
  let next = 0;
  return [
    {
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] as string }),
    },
  ];
}

async function fire(spec: GetLoadSpec, seconds: number, latencies?: number[]) {
  const instance = autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: seconds,
    timeout: 10,
    headers: { authorization: `Bearer ${spec.token}` },
    requests: getRequests(spec.paths),
  });
  if (latencies) {
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  }
  return await instance;
}

async function run(spec: GetLoadSpec): Promise<LoadResult> {
  if (spec.paths.length === 0) throw new Error('no paths to load');
  if (spec.warmupSeconds > 0) await fire(spec, spec.warmupSeconds);
  const latenciesMs: number[] = [];
  const result = await fire(spec, spec.durationSeconds, latenciesMs);
  return {
    latenciesMs,
    durationSeconds: result.duration,
    statusCounts: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([status, stats]) => [status, stats.count]),
    ),
    socketErrors: result.errors,
    autocannon: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      requestsPerSecond: result.requests.average,
    },
  };
}

process.once('message', (spec: GetLoadSpec) => {
  run(spec).then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ ok: false, error: error instanceof Error ? error.message : String(error) }, () =>
        process.exit(1),
      ),
  );
});
