import { performance } from 'node:perf_hooks';
import { newId } from '../shared/data/ids.ts';
import { addDays, dateOf, daysBetween } from '../shared/domain/dates.ts';
import type { PartnershipSettings } from '../shared/schemas/partnership.ts';
import { createBenchTenant } from './bench-tenant.ts';
import type { BenchContext, Benchmark, Section } from './benchmark.ts';
import { putAll } from './bulk-write.ts';
import { personItem, type ReferralFields, referralItem } from './case-items.ts';
import { type DynamoWork, dynamoWorkOf } from './dynamo-reads.ts';
import { envIntegers, envNumber } from './env.ts';
import { ms } from './report.ts';
import { percentile } from './stats.ts';

const TENANT = 'bench-reports';
const CHAIR = `chair@${TENANT}.example.test`;
const AREAS = 3;
const SIZES = envIntegers('BENCH_REPORT_SIZES', [1_000, 20_000]).sort((a, b) => a - b);
/** Timed calls of the JSON report at each size (after one untimed, counted call). */
const CALLS = Math.max(1, Math.round(envNumber('BENCH_REPORT_CALLS', 7)));
const MONTHS = 12;
/** Steps of the golden ratio spread any number of releases evenly over the days. */
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** The last 12 months up to this one, as the report's `from` and `to`, and the first day. */
function period(today: string) {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - (MONTHS - 1);
  const from = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return { from, to: today.slice(0, 7), firstDay: `${from}-01` };
}

/**
 * The referral of release number `index`: released on a day spread evenly over the period
 * (by golden-ratio steps through the days, so any number of releases covers every month alike), and then,
 * by index: 55% engaged (some after the window), 10% exits (died, returned to custody, moved
 * away), 20% closed without engaging, 15% still open. A date that would fall after today
 * leaves the case open. Open cases are stored with their alerts settled, so the sweep never
 * finds them due.
 */
function releasedReferral(
  index: number,
  areaId: string,
  personId: string,
  window: { firstDay: string; today: string },
): ReferralFields {
  const days = daysBetween(window.firstDay, window.today) + 1;
  const releasedOn = addDays(window.firstDay, Math.floor(((index * GOLDEN) % 1) * days));
  const base: ReferralFields = {
    id: newId(),
    personId,
    pathway: 'continuity_of_care',
    areaId,
    source: 'HMP Hewell',
    referredOn: addDays(releasedOn, -(20 + (index % 30))),
    status: 'released',
    releasedOn,
    releaseType: 'licence',
    establishment: ['HEI', 'LWI', 'PBI', 'WRI'][index % 4] as string,
    offences: [],
  };
  const slot = index % 20;
  const after = (days: number) => addDays(releasedOn, days);
  const byToday = (date: string) => date <= window.today;
  if (slot < 11) {
    const engagedOn = after(index % 30);
    const firstAppointmentAt = `${after(1 + (index % 3))}T10:00:00.000Z`;
    return byToday(engagedOn) ? { ...base, status: 'engaged', engagedOn, firstAppointmentAt } : base;
  }
  if (slot < 13) {
    const closedOn = after(index % 15);
    const closeReason = (['died', 'returned_to_custody', 'moved_away'] as const)[index % 3];
    return byToday(closedOn) ? { ...base, status: 'closed', closedOn, closeReason } : base;
  }
  if (slot < 17) {
    const closedOn = after(10 + (index % 20));
    const closeReason = index % 2 ? 'declined' : 'lost_contact';
    return byToday(closedOn) ? { ...base, status: 'closed', closedOn, closeReason } : base;
  }
  return base;
}

/** Person and referral items of releases number `from` to `to` (excluded). */
function releaseItems(
  tenantId: string,
  areaIds: readonly string[],
  settings: PartnershipSettings,
  from: number,
  to: number,
  now: Date,
): Record<string, unknown>[] {
  const today = dateOf(now);
  const { firstDay } = period(today);
  const items: Record<string, unknown>[] = [];
  for (let index = from; index < to; index++) {
    const areaId = areaIds[index % areaIds.length] as string;
    const personId = newId(now);
    const fields = releasedReferral(index, areaId, personId, { firstDay, today });
    items.push(
      personItem(tenantId, personId, areaId, index, [fields.id], now),
      referralItem(tenantId, fields, settings, now, { alertsSettled: true }),
    );
  }
  return items;
}

/** One GET, timed from the request until the whole body is in. */
async function timedGet(url: string, token: string): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, text };
}

interface Row {
  month: string;
  areaId: string | null;
  cohort: number | '<5';
}

/** One size: the timed report calls, the once-only routes and what one report cost DynamoDB. */
interface SizeResult {
  releases: number;
  seededSeconds: number;
  times: number[];
  csvMs: number;
  csvBytes: number;
  timeToEngagementMs: number;
  work: DynamoWork;
  rows: number;
  cohortTotal: number;
}

const median = (values: readonly number[]) => percentile(values, 50);

async function run(context: BenchContext): Promise<Section> {
  const { stack, log } = context;
  const problems: string[] = [];
  const tenant = await createBenchTenant(stack, {
    id: TENANT,
    name: 'Bench reports partnership',
    areas: AREAS,
    members: [{ email: CHAIR, role: 'chair', areas: [] }],
  });
  const token = await stack.token(CHAIR);
  const now = stack.clock.now();
  const { from, to } = period(dateOf(now));
  const query = `from=${from}&to=${to}`;
  const report = `${stack.apiUrl}/reports/continuity-of-care?${query}`;

  const sizes: SizeResult[] = [];
  let seeded = 0;
  for (const releases of SIZES) {
    log(`seeding ${releases - seeded} releases (to ${releases} over ${from} to ${to})`);
    const seedStarted = performance.now();
    await putAll(stack.table, releaseItems(TENANT, tenant.areaIds, tenant.settings, seeded, releases, now));
    seeded = releases;
    const seededSeconds = (performance.now() - seedStarted) / 1000;

    // One untimed call first: it warms up, and counts what a report costs DynamoDB.
    const counted = await dynamoWorkOf(stack.table, () => timedGet(report, token));
    if (counted.result.status !== 200) {
      problems.push(`report at ${releases} releases answered ${counted.result.status}`);
      continue;
    }
    const rows = (JSON.parse(counted.result.text) as { rows: Row[] }).rows;
    const totals = rows.filter((row) => row.areaId === null);
    const cohortTotal = totals.reduce(
      (sum, row) => sum + (typeof row.cohort === 'number' ? row.cohort : 0),
      0,
    );
    // A month of 1 to 4 releases shows "<5": the count can then only be bounded.
    const hidden = totals.filter((row) => row.cohort === '<5').length;
    if (releases < cohortTotal + hidden || releases > cohortTotal + 4 * hidden) {
      problems.push(`report at ${releases} releases counted ${cohortTotal} in its whole-partnership rows`);
    }
    if (rows.length !== MONTHS * (AREAS + 1)) {
      problems.push(
        `report at ${releases} releases had ${rows.length} rows, expected ${MONTHS * (AREAS + 1)}`,
      );
    }

    log(`timing ${CALLS} calls of the report`);
    const times: number[] = [];
    for (let call = 0; call < CALLS; call++) {
      const answer = await timedGet(report, token);
      if (answer.status !== 200) problems.push(`report at ${releases} releases answered ${answer.status}`);
      else times.push(answer.ms);
    }
    const csv = await timedGet(`${stack.apiUrl}/reports/continuity-of-care.csv?${query}`, token);
    if (csv.status !== 200) problems.push(`CSV report at ${releases} releases answered ${csv.status}`);
    const engagement = await timedGet(`${stack.apiUrl}/reports/time-to-engagement?${query}`, token);
    if (engagement.status !== 200) {
      problems.push(`time-to-engagement at ${releases} releases answered ${engagement.status}`);
    }
    log(`median ${ms(median(times))} ms; CSV ${ms(csv.ms)} ms; time to engagement ${ms(engagement.ms)} ms`);
    sizes.push({
      releases,
      seededSeconds,
      times,
      csvMs: csv.ms,
      csvBytes: Buffer.byteLength(csv.text),
      timeToEngagementMs: engagement.ms,
      work: counted,
      rows: rows.length,
      cohortTotal,
    });
  }

  const header = [
    'Releases in the 12 months',
    'Report median (ms)',
    'Report min–max (ms)',
    'Calls',
    'CSV, one call (ms)',
    'Time to engagement, one call (ms)',
    'DynamoDB calls per report',
    'Items read per report',
    'Rows (cohort in the partnership rows)',
    'Seeding (s)',
  ];
  const lines = sizes.map((size) => [
    size.releases.toLocaleString('en-GB'),
    ms(median(size.times)),
    `${ms(Math.min(...size.times))}–${ms(Math.max(...size.times))}`,
    String(size.times.length),
    ms(size.csvMs),
    ms(size.timeToEngagementMs),
    Object.entries(size.work.calls)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, count]) => `${name} ${count}`)
      .join(', '),
    size.work.itemsRead.toLocaleString('en-GB'),
    `${size.rows} (${size.cohortTotal.toLocaleString('en-GB')})`,
    size.seededSeconds.toFixed(1),
  ]);
  const reportTable = [header, header.map(() => '---'), ...lines]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
  const first = sizes[0];
  const last = sizes.at(-1);
  const ratio =
    first && last && first !== last
      ? `${(median(last.times) / median(first.times)).toFixed(2)}×`
      : 'n/a (one size only)';
  const sizesText = SIZES.map((size) => size.toLocaleString('en-GB')).join(' and ');

  const markdown = `
\`GET /api/reports/continuity-of-care?from=${from}&to=${to}\` (the last 12 months) as the chair of a partnership of its own with ${AREAS} areas, with ${sizesText} continuity-of-care releases over those months.

${reportTable}

**Median report time: ${sizes.map((size) => `${ms(median(size.times))} ms with ${size.releases.toLocaleString('en-GB')} releases`).join(', ')}; ratio ${last?.releases.toLocaleString('en-GB')} ÷ ${first?.releases.toLocaleString('en-GB')}: ${ratio}.** A report reads every release of the months asked for from the cohort index (one query per month, in pages of 200), so its work grows with the releases in the period.

- Seeded straight into the table (BatchWriteItem, 8 batches of 25 in flight): a person and a referral (\`newReferralItem\`, so with its cohort keys) per release, released on days spread evenly over the 12 months and the ${AREAS} areas; 55% engaged (some after the 21-day window), 10% exits (died, returned to custody, moved away), 20% closed without engaging, 15% still open (stored with their alerts settled, so later sweeps find nothing due). The larger size adds releases to the smaller one's.
- Each size: one untimed call first (it warms up, and its DynamoDB work is counted in the table), then ${CALLS} calls one after another, each timed from request to the last byte over HTTP through the local gateway (chair token, so the whole partnership, small numbers suppressed as the partnership's setting says); then \`continuity-of-care.csv\` (${sizes.map((size) => `${size.csvBytes.toLocaleString('en-GB')} bytes`).join(' and ')}) and \`time-to-engagement\` once each, for the same period.
- Every report was checked: ${MONTHS} months × (${AREAS} areas + the whole partnership) rows, whose partnership rows count every release seeded.
`;
  return { title: `Reports: a 12-month report with ${sizesText} releases`, markdown, problems };
}

/** Item 5 of the reports issue: a 12-month report with few and with many releases. */
export const reports: Benchmark = { name: 'reports', run };
