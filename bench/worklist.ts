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

const TENANT = 'bench-worklist';
const CASEWORKER = `caseworker@${TENANT}.example.test`;
const COLLEAGUE = `colleague@${TENANT}.example.test`;
/** Open cases in the area, every one on the worklist. */
const CASES = 300;
/** The issue's limit: the worklist's p50 within 1.5× the case read's. */
const LIMIT = 1.5;
const PAGE = 50;
/** Rounds (A B B A) of requests one at a time, for each request's own latency. */
const ALONE_ROUNDS = 10;

/**
 * The shape of case number `index`: a third expected to release within 7 days (0 to 7 days
 * ahead), the rest released in the last 21 days (0 to 20 days ago), half of those with a first
 * appointment booked. All are open and not engaged, so all are on the worklist.
 */
function shapeOf(index: number): OpenCaseKind {
  if (index % 3 === 0) return { kind: 'awaiting', days: Math.floor(index / 3) % 8 };
  return { kind: 'released', days: index % 21, firstAppointment: index % 2 === 0 };
}

async function run(context: BenchContext): Promise<Section> {
  const { stack, log } = context;
  const problems: string[] = [];
  const tenant = await createBenchTenant(stack, {
    id: TENANT,
    name: 'Bench worklist partnership',
    areas: 1,
    members: [
      { email: CASEWORKER, role: 'caseworker', areas: [0] },
      { email: COLLEAGUE, role: 'caseworker', areas: [0] },
    ],
  });
  const areaId = tenant.areaIds[0] as string;
  const token = await stack.token(CASEWORKER);
  const me = await stack.users.byEmail(CASEWORKER);
  const colleague = await stack.users.byEmail(COLLEAGUE);
  if (!me || !colleague) throw new Error('the worklist benchmark users are missing');
  // A third each: the caseworker's own, a colleague's, nobody's.
  const holders: Holder[] = [
    { memberId: me.sub, name: 'Bench caseworker' },
    { memberId: colleague.sub, name: 'Bench caseworker' },
    undefined,
  ];
  const now = stack.clock.now();

  log(`seeding ${CASES} open cases on the worklist of one area`);
  const seedStarted = performance.now();
  const cases: OpenCase[] = Array.from({ length: CASES }, (_, index) =>
    openCase(tenant, areaId, index, shapeOf(index), holders[Math.floor(index / 3) % 3], now),
  );
  await putAll(
    stack.table,
    cases.flatMap((one) => one.items),
  );
  const seededSeconds = (performance.now() - seedStarted) / 1000;

  const worklistPath = `/api/worklist?areaId=${areaId}&assignee=all`;
  const casePaths = cases.map((one) => `/api/referrals/${one.referralId}`);

  // Every seeded case is on the worklist: page through it all once.
  let listed = 0;
  let pages = 0;
  let cursor: string | undefined;
  do {
    const answer = await countedGet(
      stack,
      token,
      `${worklistPath}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (answer.status !== 200) throw new Error(`GET /worklist answered ${answer.status}`);
    listed += (answer.body.items as unknown[]).length;
    pages += 1;
    cursor = answer.body.nextCursor as string | undefined;
  } while (cursor && pages < 100);
  if (listed !== CASES) problems.push(`the worklist listed ${listed} cases, expected all ${CASES} seeded`);

  // What one request of each costs DynamoDB (the first worklist page; the counts are a request of their own).
  const worklistWork = await countedGet(stack, token, worklistPath);
  const worklistItems = (worklistWork.body.items as unknown[] | undefined)?.length ?? 0;
  if (worklistWork.status !== 200 || worklistItems !== PAGE) {
    problems.push(
      `GET /worklist answered ${worklistWork.status} with ${worklistItems} items, expected ${PAGE}`,
    );
  }
  const counts = (await countedGet(stack, token, worklistPath.replace('/worklist?', '/worklist/counts?')))
    .body as Record<string, number> | undefined;
  const caseWork = await countedGet(stack, token, casePaths[0] as string);
  if (caseWork.status !== 200) problems.push(`GET /referrals/{id} answered ${caseWork.status}`);

  const worklistSide = { token, paths: [worklistPath] };
  const caseSide = { token, paths: casePaths };
  log(`one request at a time: ${ALONE_ROUNDS} rounds of worklist, case read, case read, worklist`);
  const alone = await oneAtATime(stack, worklistSide, caseSide, ALONE_ROUNDS);
  if (alone.failed > 0) problems.push(`${alone.failed} requests made one at a time failed`);

  log('GET /api/worklist, then GET /api/referrals/{id}, then again reversed (A B B A)');
  const measured = await pairedGets(context, worklistSide, caseSide);
  const rows: GetRow[] = [
    {
      request: `\`GET /worklist?areaId=…&assignee=all\` (first page, ${PAGE})`,
      side: measured.a,
      alone: alone.a,
      work: worklistWork,
    },
    { request: '`GET /referrals/{id}`', side: measured.b, alone: alone.b, work: caseWork },
  ];
  problems.push(...rows.flatMap((row) => sideProblems(row.request, row.side)));
  const limit = p50Limit(
    `worklist with ${CASES} open cases`,
    { label: '`GET /worklist`', p50: measured.a.p50 },
    { label: '`GET /referrals/{id}`', p50: measured.b.p50 },
    LIMIT,
  );
  log(limit.line.replaceAll('`', ''));
  if (!limit.pass) problems.push(limit.line.replaceAll('`', ''));

  // Nothing of this partnership stays due for the sweeps of later benchmarks.
  await deleteAll(stack.table, keysOf(cases));

  const half = Number((context.durationSeconds / (2 * CYCLES)).toFixed(2));
  const markdown = `
The worklist against one case read, as a caseworker of an area with ${CASES} open cases, all on the worklist.

- ${limit.line}

${getTable(rows)}

- **Seeded** straight into the table (BatchWriteItem, ${seededSeconds.toFixed(1)} s), in a partnership of its own (\`${TENANT}\`) with one area and two caseworkers: ${CASES} continuity-of-care cases, each a person and a referral built with \`referralItem\` (the service's \`newReferralItem\` and \`derivedAttributes\`, so caseload, WorkIndex and due keys are the service's own). A third are awaiting release, expected 0 to 7 days ahead; the rest were released 0 to 20 days ago, not yet engaged, half of them with a first appointment booked 1 to 5 days after release (an appointment item too). Two in three have a release plan (accommodation, OST, naloxone varied, so risk flags vary); a third each are held by the caseworker, by a colleague and by nobody. Paging through the whole worklist once listed ${listed} cases in ${pages} pages; the first page's counts: ${
    counts
      ? Object.entries(counts)
          .map(([name, value]) => `${name} ${value}`)
          .join(', ')
      : 'none'
  }.
- **Worklist**: \`GET /api/worklist?areaId=<the area>&assignee=all\` (the "All" tab, default page of ${PAGE}), the same first page every time: one WorkIndex page, each person named from the case's own copy of its person (no person read), and the audit of the listing: one record a day per member and case, so the repeated page writes none after its first (a page the member has not listed yet today also writes its records, 25 a BatchWriteItem). The counts across the top are \`GET /worklist/counts\`, a request of their own.
- **Case read**: \`GET /api/referrals/{id}\`, cycling over the ${CASES} cases: the case query, the person and one audit record.
- **DynamoDB calls per request** and **items read** (a query's scanned items, a get's item, a batch get's items) were counted for one request of each on the stack's client while nothing else used it: worklist ${callList(worklistWork.calls)}; case read ${callList(caseWork.calls)}. Each call with the items it read, in the order they answered: worklist ${worklistWork.perCall.join(', ')}; case read ${caseWork.perCall.join(', ')} (writes read none).
- ${context.connections} autocannon connections (in their own process), each side ${context.durationSeconds} s in all, in ${2 * CYCLES} runs of ${half} s (each after a ${context.warmupSeconds} s warm-up): ${CYCLES} cycles in A B B A order (worklist, case read, case read, worklist), so drift weighs on both alike. Latencies are the response times of every 2xx response; p50s are nearest-rank medians. autocannon's own histograms said: worklist ${autocannonText(measured.a)}; case read ${autocannonText(measured.b)}.
- **One at a time**: before the load, ${ALONE_ROUNDS} rounds of one worklist request, two case reads and one worklist request again (A B B A), each sent only when the last had answered, timed to the last byte: medians ${ms(alone.a)} ms and ${ms(alone.b)} ms, ${ratioOf(alone.a, alone.b)}. Under the load the machine's CPUs (DynamoDB Local's above all) are the queue, so a loaded p50 follows the work a request makes; alone, it follows the chain of calls it waits on.
- Limit (issue 12, "Speed"): the worklist's p50 at most ${LIMIT}× the case read's, with ${CASES} open cases in the area. The seeded cases are deleted afterwards, so later sweeps find none of them due (the audit records the requests wrote stay).
`;
  return { title: `Worklist: ${CASES} open cases in an area, against one case read`, markdown, problems };
}

/** Issue 12, "Speed": `GET /worklist` against `GET /referrals/{id}` with 300 open cases in the area. */
export const worklist: Benchmark = { name: 'worklist', run };
