// The mixed load generator's process: receives one MixedLoadSpec, runs its steps until the
// knee or the last, and answers each step as it ends.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { AppointmentTarget } from './http-load.ts';
import {
  type LatencySummary,
  type MixedLoadSpec,
  type OffenceTarget,
  OPERATIONS,
  type Operation,
  pastKnee,
  type StepResult,
} from './mixed-load.ts';
import { percentile } from './stats.ts';

const DAY_MS = 86_400_000;
const TIMEOUT_MS = 10_000;

interface Answer {
  status: number;
  etag?: string;
}

/** One request over a kept-alive connection; rejects on a socket error or after 10 s. */
function send(
  agent: Agent,
  origin: URL,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: origin.hostname,
        port: origin.port,
        method,
        path,
        timeout: TIMEOUT_MS,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...headers,
        },
      },
      (response) => {
        response.on('data', () => undefined);
        response.once('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            etag: typeof response.headers.etag === 'string' ? response.headers.etag : undefined,
          }),
        );
        response.once('error', reject);
      },
    );
    outgoing.once('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.once('error', reject);
    outgoing.end(payload);
  });
}

/** A small seeded generator (mulberry32): the same mix of operations on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ENTRIES = Object.entries(OPERATIONS) as [Operation, { share: number }][];
const TOTAL_SHARE = ENTRIES.reduce((sum, [, operation]) => sum + operation.share, 0);

/** The operation a draw in [0, 1) falls on, by the shares. */
function operationAt(draw: number): Operation {
  let left = draw * TOTAL_SHARE;
  for (const [name, operation] of ENTRIES) {
    left -= operation.share;
    if (left < 0) return name;
  }
  return ENTRIES[0]?.[0] as Operation;
}

/** What one step records as it runs. */
interface Tally {
  latencies: Map<Operation, number[]>;
  errors: Map<Operation, number>;
  failures: Record<string, number>;
  fallbacks: number;
}

function summary(latencies: readonly number[], errors: number): LatencySummary {
  return {
    count: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.length ? Math.max(...latencies) : Number.NaN,
    errors,
  };
}

/**
 * The workload's state across steps: the case pools that keep two requests in flight off the
 * same case (so 409s should not happen), and the appointment versions for `If-Match`.
 */
class Workload {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  private readonly origin: URL;
  private readonly appointments: AppointmentTarget[];
  private readonly offences: OffenceTarget[];
  private nextRead = 0;
  private moves = 0;
  private offenceCount = 0;

  constructor(private readonly spec: MixedLoadSpec) {
    this.origin = new URL(spec.origin);
    this.appointments = spec.appointments.map((one) => ({ ...one }));
    this.offences = [...spec.offences];
  }

  /** Sends one request of the operation; answers which operation ran and how it went. */
  async perform(
    wanted: Operation,
    tally: Tally,
  ): Promise<{ operation: Operation; ok: boolean; failure?: string }> {
    const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      send(this.agent, this.origin, this.spec.token, method, `/api${path}`, body, headers);
    let operation = wanted;
    const appointment = operation === 'reschedule' ? this.appointments.shift() : undefined;
    const offence = operation === 'offence' ? this.offences.shift() : undefined;
    if ((operation === 'reschedule' && !appointment) || (operation === 'offence' && !offence)) {
      tally.fallbacks += 1;
      operation = 'getReferral';
    }
    let answer: Answer;
    try {
      switch (operation) {
        case 'getReferral':
          answer = await call(
            'GET',
            `/referrals/${this.spec.referralIds[this.nextRead++ % this.spec.referralIds.length]}`,
          );
          break;
        case 'listReferrals':
          answer = await call('GET', '/referrals?limit=50');
          break;
        case 'alertCounts':
          answer = await call('GET', '/alerts/counts');
          break;
        case 'sweep':
          answer = await call('POST', '/_local/sweep');
          break;
        case 'reschedule': {
          const target = appointment as AppointmentTarget;
          this.moves += 1;
          const at = new Date(Date.now() + (2 + (this.moves % 12)) * DAY_MS)
            .toISOString()
            .replace('Z', '+00:00');
          try {
            answer = await call(
              'PATCH',
              `/referrals/${target.referralId}/appointments/${target.appointmentId}`,
              { status: 'rescheduled', at },
              { 'if-match': `"${target.version}"` },
            );
          } finally {
            this.appointments.push(target);
          }
          if (answer.status === 200) target.version += 1;
          else if (answer.status === 409 && answer.etag)
            target.version = Number(answer.etag.replaceAll('"', ''));
          break;
        }
        case 'offence': {
          const target = offence as OffenceTarget;
          const offendedOn = target.offendedOn[this.offenceCount++ % target.offendedOn.length];
          try {
            answer = await call('POST', `/referrals/${target.referralId}/offences`, { offendedOn });
          } finally {
            this.offences.push(target);
          }
          break;
        }
      }
    } catch (error) {
      const failure = error instanceof Error && error.message === 'timeout' ? 'timeout' : 'socket';
      return { operation, ok: false, failure };
    }
    const ok = answer.status >= 200 && answer.status < 300;
    return { operation, ok, failure: ok ? undefined : String(answer.status) };
  }

  /** Runs `concurrency` closed loops for `seconds`; answers the step's record. */
  async step(concurrency: number, seconds: number, seed: number): Promise<StepResult> {
    const tally: Tally = { latencies: new Map(), errors: new Map(), failures: {}, fallbacks: 0 };
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const loop = async (lane: number) => {
      const draw = random(seed * 1_000 + lane);
      while (performance.now() < deadline) {
        const begun = performance.now();
        const done = await this.perform(operationAt(draw()), tally);
        const elapsed = performance.now() - begun;
        if (done.ok) {
          const list = tally.latencies.get(done.operation) ?? [];
          list.push(elapsed);
          tally.latencies.set(done.operation, list);
        } else {
          tally.errors.set(done.operation, (tally.errors.get(done.operation) ?? 0) + 1);
          const failure = done.failure ?? 'unknown';
          tally.failures[failure] = (tally.failures[failure] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, lane) => loop(lane)));
    const durationSeconds = (performance.now() - started) / 1000;
    const all = [...tally.latencies.values()].flat();
    const errors = [...tally.errors.values()].reduce((sum, count) => sum + count, 0);
    const byOperation: StepResult['byOperation'] = {};
    for (const [name] of ENTRIES) {
      const latencies = tally.latencies.get(name) ?? [];
      const failed = tally.errors.get(name) ?? 0;
      if (latencies.length || failed) byOperation[name] = summary(latencies, failed);
    }
    return {
      concurrency,
      durationSeconds,
      perSecond: all.length / durationSeconds,
      ...summary(all, errors),
      failures: tally.failures,
      fallbacks: tally.fallbacks,
      byOperation,
    };
  }

  close(): void {
    this.agent.destroy();
  }
}

async function run(spec: MixedLoadSpec): Promise<void> {
  const workload = new Workload(spec);
  try {
    if (spec.warmupSeconds > 0) await workload.step(spec.steps[0] ?? 1, spec.warmupSeconds, 0);
    for (const [index, concurrency] of spec.steps.entries()) {
      const step = await workload.step(concurrency, spec.stepSeconds, index + 1);
      process.send?.({ kind: 'step', step });
      if (pastKnee(step, spec.p99LimitMs)) break;
    }
  } finally {
    workload.close();
  }
}

process.once('message', (spec: MixedLoadSpec) => {
  run(spec).then(
    () => process.send?.({ kind: 'done' }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }, () =>
        process.exit(1),
      ),
  );
});
