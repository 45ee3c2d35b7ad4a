import { performance } from 'node:perf_hooks';
import { createBenchTenant } from './bench-tenant.ts';
import type { BenchContext, Benchmark, Section } from './benchmark.ts';
import { deleteAll, putAll } from './bulk-write.ts';
import { type Holder, keysOf, type OpenCase, type OpenCaseKind, openCase } from './open-cases.ts';
import {
  autocannonText,
  CYCLES,
  callList,
  countedGet,
  type GetRow,
  getTable,
  oneAtATime,
  p50Limit,
  pairedGets,
  ratioOf,
  sideProblems,
} from './paired-gets.ts';
import { ms } from './report.ts';

const TENANT = 'bench-caseload';
/** Open cases in the small area and in the large one. */
const SMALL = 200;
const LARGE = 2_000;
/** The limit: the caseload page over 2,000 open cases within 1.5× the same over 200. */
const LIMIT = 1.5;
const PAGE = 50;
/** Rounds (A B B A) of requests one at a time, for each request's own latency. */
const ALONE_ROUNDS = 10;
const PATH = `/api/referrals?limit=${PAGE}`;

/**
 * The shape of case number `index`, a caseload's mix: 25% awaiting release (1 to 84 days
 * ahead), 35% released in the last 21 days (half with a first appointment booked), 15% released
 * 22 to 90 days ago and never engaged (overdue), 25% engaged after release.
 */
function shapeOf(index: number): OpenCaseKind {
  const slot = index % 20;
  if (slot < 5) return { kind: 'awaiting', days: 1 + (index % 84) };
  if (slot < 12) return { kind: 'released', days: index % 21, firstAppointment: index % 2 === 0 };
  if (slot < 15) return { kind: 'released', days: 22 + (index % 69), firstAppointment: index % 3 === 0 };
  return { kind: 'engaged', days: 10 + (index % 81) };
}

async function run(context: BenchContext): Promise<Section> {
  const { stack, log } = context;
  const problems: string[] = [];
  const small = `caseworker.small@${TENANT}.example.test`;
  const large = `caseworker.large@${TENANT}.example.test`;
  // One partnership, two areas, a caseworker of each: the requests differ only in whose they are.
  const tenant = await createBenchTenant(stack, {
    id: TENANT,
    name: 'Bench caseload partnership',
    areas: 2,
    members: [
      { email: small, role: 'caseworker', areas: [0] },
      { email: large, role: 'caseworker', areas: [1] },
    ],
  });
  const now = stack.clock.now();
  const areas = [
    {
      label: `${SMALL.toLocaleString('en-GB')} open`,
      size: SMALL,
      email: small,
      areaId: tenant.areaIds[0] as string,
    },
    {
      label: `${LARGE.toLocaleString('en-GB')} open`,
      size: LARGE,
      email: large,
      areaId: tenant.areaIds[1] as string,
    },
  ];

  const seeded: OpenCase[] = [];
  const sides = [];
  for (const area of areas) {
    const user = await stack.users.byEmail(area.email);
    if (!user) throw new Error('the caseload benchmark users are missing');
    // A third each held by the area's caseworker, by a manager and by nobody.
    const holders: Holder[] = [
      { memberId: user.sub, name: 'Bench caseworker' },
      { memberId: 'bench-manager', name: 'Bench manager' },
      undefined,
    ];
    log(`seeding ${area.size} open cases in one area`);
    const started = performance.now();
    const cases = Array.from({ length: area.size }, (_, index) =>
      openCase(tenant, area.areaId, index, shapeOf(index), holders[index % 3], now),
    );
    await putAll(
      stack.table,
      cases.flatMap((one) => one.items),
    );
    seeded.push(...cases);
    const token = await stack.token(area.email);
    const work = await countedGet(stack, token, PATH);
    const items = (work.body.items as { areaId?: string }[] | undefined) ?? [];
    if (work.status !== 200 || items.length !== PAGE || items.some((item) => item.areaId !== area.areaId)) {
      problems.push(
        `GET /referrals at ${area.label} answered ${work.status} with ${items.length} items of the area, expected ${PAGE}`,
      );
    }
    sides.push({ ...area, token, work, seededSeconds: (performance.now() - started) / 1000 });
  }
  const [few, many] = sides as [(typeof sides)[0], (typeof sides)[0]];

  const fewSide = { token: few.token, paths: [PATH] };
  const manySide = { token: many.token, paths: [PATH] };
  log(`one request at a time: ${ALONE_ROUNDS} rounds of ${SMALL}, ${LARGE}, ${LARGE}, ${SMALL}`);
  const alone = await oneAtATime(stack, fewSide, manySide, ALONE_ROUNDS);
  if (alone.failed > 0) problems.push(`${alone.failed} requests made one at a time failed`);

  log(`GET ${PATH} over ${SMALL}, then over ${LARGE}, then again reversed (A B B A)`);
  const measured = await pairedGets(context, fewSide, manySide);
  const rows: GetRow[] = [
    {
      request: `\`GET /referrals?limit=${PAGE}\` over ${few.label}`,
      side: measured.a,
      alone: alone.a,
      work: few.work,
    },
    {
      request: `\`GET /referrals?limit=${PAGE}\` over ${many.label}`,
      side: measured.b,
      alone: alone.b,
      work: many.work,
    },
  ];
  problems.push(...rows.flatMap((row) => sideProblems(row.request, row.side)));
  const limit = p50Limit(
    'caseload page',
    { label: `over ${many.label}`, p50: measured.b.p50 },
    { label: `over ${few.label}`, p50: measured.a.p50 },
    LIMIT,
  );
  log(limit.line);
  if (!limit.pass) problems.push(limit.line);

  // Nothing of this partnership stays due for the sweeps of later benchmarks.
  await deleteAll(stack.table, keysOf(seeded));

  const half = Number((context.durationSeconds / (2 * CYCLES)).toFixed(2));
  const markdown = `
The caseload's first page, \`GET /api/referrals?limit=${PAGE}\` (caseload order, overdue first), as a caseworker of an area with ${SMALL.toLocaleString('en-GB')} open cases and as one of an area with ${LARGE.toLocaleString('en-GB')}.

- ${limit.line}

${getTable(rows)}

- **Seeded** straight into the table (BatchWriteItem: ${few.seededSeconds.toFixed(1)} s and ${many.seededSeconds.toFixed(1)} s), in a partnership of its own (\`${TENANT}\`) with two areas, one caseworker each: ${SMALL.toLocaleString('en-GB')} open continuity-of-care cases in one area and ${LARGE.toLocaleString('en-GB')} in the other, the same mix in both, each a person and a referral built with \`referralItem\` (the service's \`newReferralItem\` and \`derivedAttributes\`, so the GSI1 caseload keys are the service's own): 25% awaiting release 1 to 84 days ahead, 35% released in the last 21 days (half with a first appointment booked, an appointment item too), 15% released 22 to 90 days ago and never engaged, 25% engaged after release. Two in three have a release plan; a third each are held by the area's caseworker, by a manager and by nobody. No closed cases: they sit in another GSI1 partition, which the caseload does not read.
- **Request**: the same \`GET /api/referrals?limit=${PAGE}\`, its first page every time, with each area's caseworker's token (each covers only their area): one GSI1 page of the area's open cases in caseload order, each person named from the case's own copy of its person, and the audit of the listing (one record a day per member and case, so the repeated page writes none after its first). Each answer was checked: ${PAGE} cases, all of the area.
- **DynamoDB calls per request** and **items read** (a query's scanned items, a batch get's items) were counted for one request at each size on the stack's client while nothing else used it: ${few.label} ${callList(few.work.calls)}; ${many.label} ${callList(many.work.calls)}. Each call with the items it read, in the order they answered: ${few.label} ${few.work.perCall.join(', ')}; ${many.label} ${many.work.perCall.join(', ')} (writes read none).
- ${context.connections} autocannon connections (in their own process), each size ${context.durationSeconds} s in all, in ${2 * CYCLES} runs of ${half} s (each after a ${context.warmupSeconds} s warm-up): ${CYCLES} cycles in A B B A order (${SMALL}, ${LARGE}, ${LARGE}, ${SMALL}), so drift weighs on both alike. Latencies are the response times of every 2xx response; p50s are nearest-rank medians. autocannon's own histograms said: ${few.label} ${autocannonText(measured.a)}; ${many.label} ${autocannonText(measured.b)}.
- **One at a time**: before the load, ${ALONE_ROUNDS} rounds of one request over ${SMALL}, two over ${LARGE.toLocaleString('en-GB')} and one over ${SMALL} again (A B B A), each sent only when the last had answered, timed to the last byte: medians ${ms(alone.a)} ms and ${ms(alone.b)} ms, ${ratioOf(alone.b, alone.a)}.
- Limit (issue 12, "Speed"): the page over ${LARGE.toLocaleString('en-GB')} open cases at most ${LIMIT}× the same over ${SMALL}. The seeded cases are deleted afterwards, so later sweeps find none of them due (the audit records the requests wrote stay).
`;
  return {
    title: `Caseload: one page over ${SMALL.toLocaleString('en-GB')} and over ${LARGE.toLocaleString('en-GB')} open cases in an area`,
    markdown,
    problems,
  };
}

/** Issue 12, "Speed": `GET /referrals?limit=50` over 2,000 open cases in an area against over 200. */
export const caseload: Benchmark = { name: 'caseload', run };
