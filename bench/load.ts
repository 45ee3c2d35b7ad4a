import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '../shared/data/ids.ts';
import { addDays, dateOf } from '../shared/domain/dates.ts';
import type { Appointment } from '../shared/schemas/referral.ts';
import { callApi, expectStatus } from './api-client.ts';
import { type BenchTenant, createBenchTenant } from './bench-tenant.ts';
import type { BenchContext, Benchmark, Section } from './benchmark.ts';
import { putAll } from './bulk-write.ts';
import { appointmentOf, personItem, referralItem } from './case-items.ts';
import { envIntegers } from './env.ts';
import type { AppointmentTarget } from './http-load.ts';
import {
  type LatencySummary,
  type OffenceTarget,
  OPERATIONS,
  type Operation,
  pastKnee,
  runMixedLoad,
  type StepResult,
} from './mixed-load.ts';
import { ms } from './report.ts';

const TENANT = 'bench-load';
const CASEWORKER = `caseworker@${TENANT}.example.test`;
const STEPS = envIntegers('BENCH_LOAD_STEPS', [1, 2, 4, 8, 16, 32, 64]);
const P99_LIMIT_MS = 200;
/** Released continuity-of-care cases with a first appointment (read, and rescheduled). */
const RELEASED_CASES = 200;
/** DIVERT cases (read, and offences recorded on them). */
const DIVERT_CASES = 100;

interface Seeded {
  referralIds: string[];
  appointments: AppointmentTarget[];
  offences: OffenceTarget[];
  probe: { referralId: string; appointmentId: string; divertId: string };
}

/**
 * The workload's cases, straight into the table: released cases with a first appointment in
 * the coming days (so no alert falls due while the load runs and the sweeps stay light), and
 * DIVERT cases, which no alert rule watches. The last of each is the probe the checks use.
 */
async function seed(context: BenchContext, tenant: BenchTenant): Promise<Seeded> {
  const { stack } = context;
  const { tenantId, settings } = tenant;
  const areaId = tenant.areaIds[0] as string;
  const now = stack.clock.now();
  const today = dateOf(now);
  const items: Record<string, unknown>[] = [];
  const appointments: AppointmentTarget[] = [];
  const offences: OffenceTarget[] = [];
  const referralIds: string[] = [];
  const offenceDates = Array.from({ length: 50 }, (_, index) => addDays(today, -(1 + index)));
  for (let index = 0; index <= RELEASED_CASES; index++) {
    const personId = newId(now);
    const referralId = newId(now);
    const at = new Date(Date.parse(`${addDays(today, 2 + (index % 7))}T10:00:00Z`)).toISOString();
    const first = appointmentOf(
      tenantId,
      { id: newId(now), referralId, at, kind: 'first', location: 'Bench community treatment service' },
      now,
    );
    const appointmentsOfCase: Appointment[] = [first.appointment];
    items.push(
      personItem(tenantId, personId, areaId, index, [referralId], now),
      referralItem(
        tenantId,
        {
          id: referralId,
          personId,
          pathway: 'continuity_of_care',
          areaId,
          source: 'HMP Hewell',
          referredOn: addDays(today, -40),
          status: 'released',
          releasedOn: addDays(today, -3),
          releaseType: 'licence',
          establishment: 'HEI',
          firstAppointmentAt: at,
          offences: [],
        },
        settings,
        now,
        { appointments: appointmentsOfCase },
      ),
      first.item,
    );
    referralIds.push(referralId);
    appointments.push({ referralId, appointmentId: first.appointment.id, version: 1 });
  }
  for (let index = 0; index <= DIVERT_CASES; index++) {
    const personId = newId(now);
    const referralId = newId(now);
    items.push(
      personItem(tenantId, personId, areaId, RELEASED_CASES + 1 + index, [referralId], now),
      referralItem(
        tenantId,
        {
          id: referralId,
          personId,
          pathway: 'divert',
          areaId,
          source: 'Bench custody suite',
          referredOn: addDays(today, -60),
          status: 'referred',
          offences: [],
        },
        settings,
        now,
      ),
    );
    referralIds.push(referralId);
    offences.push({ referralId, offendedOn: offenceDates.slice(index % 10) });
  }
  await putAll(stack.table, items);
  const probeAppointment = appointments.splice(RELEASED_CASES, 1)[0] as AppointmentTarget;
  const probeDivert = offences.pop() as OffenceTarget;
  return {
    referralIds,
    appointments,
    offences,
    probe: {
      referralId: probeAppointment.referralId,
      appointmentId: probeAppointment.appointmentId,
      divertId: probeDivert.referralId,
    },
  };
}

/**
 * One request of every operation (on the probe cases): seeded data the API cannot use fails here,
 * not as errors of the load.
 */
async function checkOperations(apiUrl: string, token: string, seeded: Seeded, today: string): Promise<void> {
  const { probe } = seeded;
  expectStatus(
    await callApi(apiUrl, token, 'GET', `/referrals/${probe.referralId}`),
    200,
    'GET /referrals/{id}',
  );
  expectStatus(await callApi(apiUrl, token, 'GET', '/referrals?limit=50'), 200, 'GET /referrals');
  expectStatus(await callApi(apiUrl, token, 'GET', '/alerts/counts'), 200, 'GET /alerts/counts');
  expectStatus(
    await callApi(
      apiUrl,
      token,
      'PATCH',
      `/referrals/${probe.referralId}/appointments/${probe.appointmentId}`,
      { status: 'rescheduled', at: `${addDays(today, 5)}T11:00:00+00:00` },
      { 'if-match': '"1"' },
    ),
    200,
    'PATCH /referrals/{id}/appointments/{id}',
  );
  expectStatus(
    await callApi(apiUrl, token, 'POST', `/referrals/${probe.divertId}/offences`, {
      offendedOn: addDays(today, -1),
    }),
    201,
    'POST /referrals/{id}/offences',
  );
  // Also the untimed sweep that leaves nothing due (earlier benchmarks' cases age as they run).
  expectStatus(await callApi(apiUrl, token, 'POST', '/_local/sweep'), 200, 'POST /_local/sweep');
}

const OPERATION_NAMES = Object.keys(OPERATIONS) as Operation[];

const failureList = (failures: Record<string, number>) =>
  Object.entries(failures)
    .map(([failure, count]) => `${count} × ${failure}`)
    .join(', ');

/** p50 and p99 of an operation in a step, with how many answered, or a dash when none ran. */
const latencyOf = (summary: LatencySummary | undefined) =>
  summary
    ? `${ms(summary.p50)} / ${ms(summary.p99)} (${summary.count}${summary.errors ? `, ${summary.errors} failed` : ''})`
    : '–';

function stepsTable(steps: readonly StepResult[]): string {
  const header = [
    'Concurrency',
    'Requests',
    'Req/s',
    'p50 (ms)',
    'p99 (ms)',
    'Max (ms)',
    'Errors',
    ...OPERATION_NAMES.map((name) => `${name} p50 / p99 (ms) (n)`),
  ];
  const rows = steps.map((step) => [
    String(step.concurrency),
    String(step.count + step.errors),
    step.perSecond.toFixed(0),
    ms(step.p50),
    ms(step.p99),
    ms(step.max),
    step.errors ? `${step.errors} (${failureList(step.failures)})` : '0',
    ...OPERATION_NAMES.map((name) => latencyOf(step.byOperation[name])),
  ]);
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

async function run(context: BenchContext): Promise<Section> {
  const { stack, log } = context;
  const tenant = await createBenchTenant(stack, {
    id: TENANT,
    name: 'Bench load partnership',
    areas: 1,
    members: [{ email: CASEWORKER, role: 'caseworker', areas: [0] }],
  });
  const token = await stack.token(CASEWORKER);
  log(`seeding ${RELEASED_CASES} released and ${DIVERT_CASES} DIVERT cases`);
  const seeded = await seed(context, tenant);
  log('checking every operation of the mix once');
  await checkOperations(stack.apiUrl, token, seeded, dateOf(stack.clock.now()));

  const stepSeconds = context.durationSeconds / 2;
  log(
    `stepping concurrency ${STEPS.join(', ')} (${stepSeconds} s each) until p99 > ${P99_LIMIT_MS} ms or errors`,
  );
  const steps = await runMixedLoad(
    {
      origin: `http://127.0.0.1:${new URL(stack.url).port}`,
      token,
      steps: STEPS,
      stepSeconds,
      warmupSeconds: context.warmupSeconds,
      p99LimitMs: P99_LIMIT_MS,
      referralIds: seeded.referralIds,
      appointments: seeded.appointments,
      offences: seeded.offences,
    },
    (step) =>
      log(
        `concurrency ${step.concurrency}: ${step.perSecond.toFixed(0)} req/s, p50 ${ms(step.p50)} ms, p99 ${ms(step.p99)} ms, ${step.errors} errors`,
      ),
  );
  // Requests cut off at the end of the last step may still be finishing in the handlers.
  await sleep(1000);

  const problems: string[] = [];
  if (steps.length === 0) problems.push('the mixed load ran no step');
  const knee = steps.find((step) => pastKnee(step, P99_LIMIT_MS));
  const within = steps.filter((step) => !pastKnee(step, P99_LIMIT_MS)).at(-1);
  const kneeText = knee
    ? `**Knee at concurrency ${knee.concurrency}**: ${[
        ...(knee.p99 > P99_LIMIT_MS ? [`p99 ${ms(knee.p99)} ms > ${P99_LIMIT_MS} ms`] : []),
        ...(knee.errors > 0 ? [`${knee.errors} errors (${failureList(knee.failures)})`] : []),
      ].join(' and ')}, at ${knee.perSecond.toFixed(0)} req/s. ${
        within
          ? `The last step within bounds was concurrency ${within.concurrency}: ${within.perSecond.toFixed(0)} req/s, p50 ${ms(within.p50)} ms, p99 ${ms(within.p99)} ms.`
          : 'Even the first step was past it.'
      }`
    : `**No knee up to concurrency ${steps.at(-1)?.concurrency}**: p99 stayed at or under ${P99_LIMIT_MS} ms with no errors at every step (the last: ${steps.at(-1)?.perSecond.toFixed(0)} req/s, p99 ${ms(steps.at(-1)?.p99 ?? Number.NaN)} ms).`;
  const fallbacks = steps.reduce((sum, step) => sum + step.fallbacks, 0);

  const markdown = `
A mixed workload against the running local stack (throttling off), stepping the number of concurrent clients ${STEPS.join(', ')}, ${stepSeconds} s each, until a step's p99 passes ${P99_LIMIT_MS} ms or any request fails.

${kneeText}

${stepsTable(steps)}

- The mix (each client draws the next operation at random by these shares, from a fixed seed): ${OPERATION_NAMES.map((name) => `${OPERATIONS[name].share}% ${OPERATIONS[name].label}`).join('; ')}. Reads ${OPERATIONS.getReferral.share + OPERATIONS.listReferrals.share + OPERATIONS.alertCounts.share}%, writes ${OPERATIONS.reschedule.share + OPERATIONS.offence.share}%, sweeps ${OPERATIONS.sweep.share}%.
- All requests as one caseworker of a partnership of its own, with one area holding ${RELEASED_CASES} released continuity-of-care cases (first appointment booked in the coming days) and ${DIVERT_CASES} DIVERT cases, seeded straight into the table; one request of each operation was checked before the load. Nothing falls due while it runs, so each sweep finds nothing to raise: the cost of a routine sweep alongside the traffic. The caseload read lists all ${RELEASED_CASES + DIVERT_CASES} open cases of the area (the handler reads the whole caseload, then pages it).
- Each client is a closed loop (next request when the last answered), in a child process over kept-alive connections. A write takes a case no write in flight holds (appointment versions tracked for \`If-Match\`), so 409s should not happen${fallbacks ? `; ${fallbacks} writes found every case of their pool busy and read a case instead` : ''}. Latency is from sending to the last byte of the answer; percentiles are over the successful requests of the step (nearest rank). Errors: any non-2xx answer, socket error or 10 s timeout.
- A ${context.warmupSeconds} s warm-up at concurrency ${STEPS[0]} ran first and is not counted. Everything shares the machine's ${cpus().length} CPUs: DynamoDB Local (Java), the gateway with the handlers (one Node process), and the load generator.
`;
  return { title: 'Load: mixed reads, writes and sweeps at rising concurrency', markdown, problems };
}

/** Item 3 of the production-readiness issue: where the local stack's p99 passes 200 ms. */
export const load: Benchmark = { name: 'load', run };
