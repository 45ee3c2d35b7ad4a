// The load generator's process: receives one LoadSpec, runs autocannon, answers one LoadResult.
import autocannon, { type Request, type RequestParams } from 'autocannon';
import type { AppointmentTarget, LoadResult, LoadSpec } from './http-load.ts';

const DAY_MS = 86_400_000;

/** GETs of the paths, in turn. */
function getRequests(paths: readonly string[]): Request[] {
  if (paths.length === 0) throw new Error('no paths to load');
  let next = 0;
  return [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }];
}

/** The requests of a target. */
function requestsOf(target: LoadSpec['target']): Request[] {
  if (target.kind === 'rescheduleAppointment') return rescheduleRequests(target.appointments);
  return getRequests(
    target.kind === 'getPaths' ? target.paths : target.referralIds.map((id) => `/api/referrals/${id}`),
  );
}

/**
 * `PATCH .../appointments/{id}` moving an appointment to a new time (rescheduled → rescheduled
 * may repeat). Each request checks an appointment out of a shared pool and its response checks
 * it back in with the new version, so no two requests in flight touch the same appointment (or
 * referral: each has one) and `If-Match` is always current. An appointment whose request never
 * answers (cut off at the end of a run, or timed out) stays out of the pool.
 */
function rescheduleRequests(appointments: readonly AppointmentTarget[]): Request[] {
  const free = appointments.map((appointment) => ({ ...appointment }));
  let moves = 0;
  return [
    {
      method: 'PATCH',
      setupRequest: (request: RequestParams, context) => {
        const appointment = free.shift();
        if (!appointment) throw new Error('every appointment is in flight: seed more than the connections');
        context.appointment = appointment;
        moves += 1;
        const at = new Date(Date.now() + (1 + (moves % 14)) * DAY_MS).toISOString().replace('Z', '+00:00');
        return {
          ...request,
          path: `/api/referrals/${appointment.referralId}/appointments/${appointment.appointmentId}`,
          headers: {
            ...request.headers,
            'content-type': 'application/json',
            'if-match': `"${appointment.version}"`,
          },
          body: JSON.stringify({ status: 'rescheduled', at }),
        };
      },
      onResponse: (status, _body, context, headers) => {
        const appointment = context.appointment as AppointmentTarget | undefined;
        if (!appointment) return;
        if (status === 200) appointment.version += 1;
        else if (status === 409 && typeof headers.etag === 'string') {
          // A conflict names the current version: take it, so one miss does not repeat forever.
          appointment.version = Number(headers.etag.replaceAll('"', ''));
        }
        free.push(appointment);
      },
    },
  ];
}

async function fire(spec: LoadSpec, requests: Request[], seconds: number, latencies?: number[]) {
  const instance = autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: seconds,
    timeout: 10,
    headers: { authorization: `Bearer ${spec.token}` },
    requests,
  });
  if (latencies) {
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  }
  return await instance;
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const requests = requestsOf(spec.target);
  if (spec.warmupSeconds > 0) await fire(spec, requests, spec.warmupSeconds);
  const latenciesMs: number[] = [];
  const result = await fire(spec, requests, spec.durationSeconds, latenciesMs);
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

process.once('message', (spec: LoadSpec) => {
  run(spec).then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ ok: false, error: error instanceof Error ? error.message : String(error) }, () =>
        process.exit(1),
      ),
  );
});
