import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditItem, recordReads } from '../shared/data/audit-repo.ts';
import { findMember } from '../shared/data/members-repo.ts';
import { getPartnership } from '../shared/data/partnerships-repo.ts';
import { getPerson } from '../shared/data/people-repo.ts';
import { appointmentWrite, commitCaseChange, loadCase } from '../shared/data/referrals-repo.ts';
import type { Table } from '../shared/data/table.ts';
import { putItem } from '../shared/data/table-io.ts';
import { timelineItem } from '../shared/data/timeline.ts';
import type { Actor } from '../shared/domain/actor.ts';
import type { Appointment } from '../shared/schemas/referral.ts';
import { abba } from './abba.ts';
import { callApi, expectStatus } from './api-client.ts';
import type { BenchContext, Benchmark, Section } from './benchmark.ts';
import { dynamoCallsOf } from './dynamo-calls.ts';
import { type AppointmentTarget, type LoadResult, type LoadSpec, runHttpLoad } from './http-load.ts';
import { type ComparisonRow, comparisonTable, type Side } from './report.ts';
import { type LoopResult, runLoops } from './sdk-load.ts';
import { type Caseworker, caseworkerOf, type SeededCase, seedCases, withOffset } from './seed.ts';
import { summarize } from './stats.ts';

const CASEWORKER = 'caseworker.worcs@example.test';
const CASES = 200;
const DAY_MS = 86_400_000;

/** The caseworker as a handler sees them: the actor of audit records and timeline events. */
const actorOf = (worker: Caseworker): Actor => ({
  memberId: worker.memberId,
  name: worker.name,
  role: worker.role,
  requestId: randomUUID(),
  sourceIp: '127.0.0.1',
});

/**
 * The data work of `GET /referrals/{id}` with nothing around it: the membership read that
 * authorisation makes, the case query, the person read and the audit record of the read.
 */
async function readCaseDirectly(table: Table, worker: Caseworker, referralId: string): Promise<void> {
  const member = await findMember(table, worker.tenantId, worker.memberId);
  if (!member) throw new Error('the caseworker is no longer a member');
  const found = await loadCase(table, worker.tenantId, referralId);
  const person = await getPerson(table, worker.tenantId, found.referral.personId);
  await recordReads(
    table,
    worker.tenantId,
    [{ personId: person.id, action: 'read', record: 'referral', recordId: found.referral.id }],
    actorOf(worker),
    new Date(),
  );
}

/**
 * The data work of `PATCH .../appointments/{id}` moving an appointment: the membership read,
 * the case query, the partnership settings read, then one transaction of the referral update,
 * the appointment, its timeline event and the audit record (as shared/cases/change-case.ts).
 */
async function rescheduleDirectly(table: Table, worker: Caseworker, target: SeededCase): Promise<void> {
  const { tenantId } = worker;
  const member = await findMember(table, tenantId, worker.memberId);
  if (!member) throw new Error('the caseworker is no longer a member');
  const current = await loadCase(table, tenantId, target.referralId);
  const settings = (await getPartnership(table, tenantId)).settings;
  const now = new Date();
  const appointment = current.appointments.find((candidate) => candidate.id === target.appointmentId);
  if (!appointment) throw new Error('the seeded appointment is missing');
  const at = new Date(now.getTime() + (1 + (now.getTime() % 14)) * DAY_MS).toISOString();
  const updated: Appointment = {
    ...appointment,
    status: 'rescheduled',
    at,
    version: appointment.version + 1,
    updatedAt: now.toISOString(),
  };
  const actor = actorOf(worker);
  const referralId = current.referral.id;
  await commitCaseChange(
    table,
    tenantId,
    current,
    appointment.kind === 'first' ? { firstAppointmentAt: at } : {},
    current.appointments.map((candidate) => (candidate.id === updated.id ? updated : candidate)),
    current.alerts,
    settings,
    [
      appointmentWrite(tenantId, updated, appointment.version),
      putItem(
        timelineItem(
          tenantId,
          referralId,
          'appointment_updated',
          `First appointment moved from ${appointment.at} to ${at}`,
          actor,
          now,
          { appointmentId: appointment.id, from: appointment.status, to: 'rescheduled', at },
        ),
      ),
      putItem(
        auditItem(
          tenantId,
          { personId: target.personId, action: 'update', record: 'appointment', recordId: appointment.id },
          actor,
          now,
        ),
      ),
    ],
    now,
  );
}

/** The API side of a row from its runs: 409s apart, other non-2xx and socket errors as errors. */
function apiSide(runs: readonly LoadResult[], conflictsExpected: boolean): Side {
  const counts = (status: (code: string) => boolean) =>
    runs.reduce(
      (sum, run) =>
        sum +
        Object.entries(run.statusCounts)
          .filter(([code]) => status(code))
          .reduce((total, [, count]) => total + count, 0),
      0,
    );
  const conflicts = conflictsExpected ? counts((code) => code === '409') : 0;
  const socketErrors = runs.reduce((sum, run) => sum + run.socketErrors, 0);
  return {
    ...summarize(
      runs.flatMap((run) => run.latenciesMs),
      runs.reduce((sum, run) => sum + run.durationSeconds, 0),
    ),
    errors: counts((code) => !code.startsWith('2')) - conflicts + socketErrors,
    conflicts,
  };
}

/** The baseline side of a row from its runs: version conflicts apart, other failures as errors. */
function baselineSide(runs: readonly LoopResult[], conflictsExpected: boolean): Side {
  const failures = (name?: string) =>
    runs.reduce(
      (sum, run) =>
        sum +
        Object.entries(run.failures)
          .filter(([failure]) => name === undefined || failure === name)
          .reduce((total, [, count]) => total + count, 0),
      0,
    );
  const conflicts = conflictsExpected ? failures('VersionConflict') : 0;
  return {
    ...summarize(
      runs.flatMap((run) => run.latenciesMs),
      runs.reduce((sum, run) => sum + run.durationSeconds, 0),
    ),
    errors: failures() - conflicts,
    conflicts,
  };
}

/** The appointments of the cases at their stored versions, for the next HTTP write run. */
async function appointmentTargets(
  table: Table,
  worker: Caseworker,
  cases: readonly SeededCase[],
): Promise<AppointmentTarget[]> {
  return Promise.all(
    cases.map(async (one) => {
      const found = await loadCase(table, worker.tenantId, one.referralId);
      const appointment = found.appointments.find((candidate) => candidate.id === one.appointmentId);
      if (!appointment) throw new Error('the seeded appointment is missing');
      return { referralId: one.referralId, appointmentId: one.appointmentId, version: appointment.version };
    }),
  );
}

/** Checks the baseline makes exactly the DynamoDB calls the route makes; answers them. */
async function sameCalls(
  table: Table,
  what: string,
  viaApi: () => Promise<unknown>,
  direct: () => Promise<unknown>,
): Promise<string[]> {
  const api = await dynamoCallsOf(table, viaApi);
  const baseline = await dynamoCallsOf(table, direct);
  if (api.join() !== baseline.join()) {
    throw new Error(
      `${what}: the baseline no longer makes the route's DynamoDB calls (API: ${api.join(', ')}; baseline: ${baseline.join(', ')}): update bench/case-records.ts`,
    );
  }
  return api;
}

async function run(context: BenchContext): Promise<Section> {
  const { stack, log } = context;
  const { table } = stack;
  const origin = `http://127.0.0.1:${new URL(stack.url).port}`;
  const worker = await caseworkerOf(stack.apiUrl, await stack.token(CASEWORKER));
  // Each side runs twice (A B B A), half the measured time each, every run after its warm-up.
  const seconds = { warmupSeconds: context.warmupSeconds, durationSeconds: context.durationSeconds / 2 };
  const httpLoad = (target: LoadSpec['target']) =>
    runHttpLoad({ origin, token: worker.token, connections: context.connections, ...seconds, target });
  const sdkLoops = (operation: () => Promise<void>) =>
    runLoops({ concurrency: context.connections, ...seconds, operation });

  log(`seeding ${CASES} cases (and one probe case) through the API`);
  const cases = await seedCases(stack.apiUrl, worker, CASES + 1, stack.clock.now());
  const probe = cases.pop() as SeededCase;
  if (cases.length < 2 * context.connections) throw new Error('seed at least two cases per connection');

  log('checking the baseline makes the same DynamoDB calls as the routes');
  const readCalls = await sameCalls(
    table,
    'read',
    async () =>
      expectStatus(
        await callApi(stack.apiUrl, worker.token, 'GET', `/referrals/${probe.referralId}`),
        200,
        'GET /referrals/{id}',
      ),
    () => readCaseDirectly(table, worker, probe.referralId),
  );
  const writeCalls = await sameCalls(
    table,
    'write',
    async () =>
      expectStatus(
        await callApi(
          stack.apiUrl,
          worker.token,
          'PATCH',
          `/referrals/${probe.referralId}/appointments/${probe.appointmentId}`,
          { status: 'rescheduled', at: withOffset(new Date(Date.now() + DAY_MS)) },
          { 'if-match': `"${probe.appointmentVersion}"` },
        ),
        200,
        'PATCH /referrals/{id}/appointments/{id}',
      ),
    () => rescheduleDirectly(table, worker, probe),
  );

  log('read: GET /api/referrals/{id} through the API, then the same calls with the SDK, then again reversed');
  let nextRead = 0;
  const read = await abba(
    () => httpLoad({ kind: 'getReferral', referralIds: cases.map((one) => one.referralId) }),
    () =>
      sdkLoops(() =>
        readCaseDirectly(table, worker, (cases[nextRead++ % cases.length] as SeededCase).referralId),
      ),
  );

  log('write: PATCH /api/referrals/{id}/appointments/{id} through the API, then with the SDK, then reversed');
  // As over HTTP, a baseline operation checks its case out of a shared pool: no two in flight share one.
  const free = [...cases];
  const rescheduleNext = async () => {
    const target = free.shift();
    if (!target) throw new Error('every case is in flight');
    try {
      await rescheduleDirectly(table, worker, target);
    } finally {
      free.push(target);
    }
  };
  // Requests cut off at the end of a run may still be finishing in the handlers: let them land.
  const settled = () => sleep(1000);
  const write = await abba(
    async () => {
      await settled();
      return httpLoad({
        kind: 'rescheduleAppointment',
        appointments: await appointmentTargets(table, worker, cases),
      });
    },
    async () => {
      await settled();
      return sdkLoops(rescheduleNext);
    },
  );
  // The last run was over HTTP: let its cut-off requests finish before the stack stops.
  await settled();

  const rows: ComparisonRow[] = [
    {
      operation: 'read: `GET /referrals/{id}`',
      api: apiSide(read.a, false),
      baseline: baselineSide(read.b, false),
    },
    {
      operation: 'write: `PATCH /referrals/{id}/appointments/{id}`',
      api: apiSide(write.a, true),
      baseline: baselineSide(write.b, true),
    },
  ];
  const throttled = [...read.a, ...write.a].reduce((sum, one) => sum + (one.statusCounts['429'] ?? 0), 0);
  const problems = rows.flatMap((row) => [
    ...(row.api.errors > 0 ? [`${row.operation}: ${row.api.errors} API errors`] : []),
    ...(row.baseline.errors > 0 ? [`${row.operation}: ${row.baseline.errors} baseline errors`] : []),
    ...(row.api.count === 0 || row.baseline.count === 0 ? [`${row.operation}: nothing succeeded`] : []),
  ]);
  if (throttled > 0) {
    problems.push(
      `${throttled} API answers were 429: the local gateway throttled the load; measure with its throttling off`,
    );
  }
  const own = (runs: readonly LoadResult[]) =>
    `p50 ${runs.map((one) => one.autocannon.p50).join(' and ')} ms, p99 ${runs.map((one) => one.autocannon.p99).join(' and ')} ms`;
  const half = context.durationSeconds / 2;

  const markdown = `
Concurrency ${context.connections}: ${context.connections} autocannon connections against the API, ${context.connections} concurrent async loops for the baseline. Each side is measured for ${context.durationSeconds} s in all, in two runs of ${half} s (each after a ${context.warmupSeconds} s warm-up) taken in A B B A order (API, baseline, baseline, API), so drift during the run (DynamoDB Local warming up, the table growing) weighs on both alike. ${CASES} cases seeded through the API (each a released continuity-of-care referral with a booked first appointment), all requests made as the demo Worcestershire caseworker.

${comparisonTable(rows)}

- **read**: \`GET /api/referrals/{id}\`, cycling over the ${CASES} cases.
- **write**: \`PATCH /api/referrals/{id}/appointments/{id}\` moving the first appointment to a new time (status \`rescheduled\`, with \`If-Match\`). Each request takes a case no request in flight holds, so 409s should not happen; they are counted apart from errors.
- **baseline**: the same DynamoDB calls made directly with the repository functions (\`findMember\`, \`loadCase\`, \`getPerson\`, \`recordReads\`, \`getPartnership\`, \`commitCaseChange\`) on the stack's own DynamoDB client, against the same table, in the same run. This run checked that, for one request, they are exactly the commands the route sends:
  - read: ${readCalls.join(' → ')} (membership, case, person, audit record of the read)
  - write: ${writeCalls.join(' → ')} (membership, case, partnership settings; referral, appointment, timeline event and audit record in one transaction)
- **p50 ratio** = API p50 ÷ baseline p50; **throughput ratio** = baseline ops/s ÷ API req/s. Both sides make the same DynamoDB calls (membership read and audit record included), so a ratio above 1 is the cost of everything else a request goes through: HTTP through the local gateway and its Lambda event, JWT verification, request validation, the middy middleware, the domain checks and the JSON response.
- API latencies are the response times of every 2xx response (autocannon runs in its own process); baseline latencies time each operation. autocannon's own histograms (1 ms resolution, one per run) said: read ${own(read.a)}; write ${own(write.a)}.
- Errors: API non-2xx other than 409, plus socket errors and timeouts; baseline operations that threw.
- Everything shares the machine's CPUs: DynamoDB Local (Java), the gateway with the handlers and the baseline (this process), and autocannon (its own process).
`;
  return { title: 'Case records: one case read and one appointment moved', markdown, problems };
}

/** Item 6 of the case-records issue: the case read and appointment write, API against bare SDK. */
export const caseRecords: Benchmark = { name: 'case-records', run };
