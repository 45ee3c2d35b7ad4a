import { performance } from 'node:perf_hooks';
import type { EventPublisher } from '../shared/adapters/ports.ts';
import { runSweep, type SweepResult } from '../shared/alerts/sweep.ts';
import { newId } from '../shared/data/ids.ts';
import { DUE_SHARDS, type Key, keys } from '../shared/data/keys.ts';
import { alertIdOf } from '../shared/domain/alert-id.ts';
import { addDays, dateOf } from '../shared/domain/dates.ts';
import type { PartnershipSettings } from '../shared/schemas/partnership.ts';
import { createBenchTenant } from './bench-tenant.ts';
import type { BenchContext, Benchmark, Section } from './benchmark.ts';
import { deleteAll, putAll } from './bulk-write.ts';
import { personItem, type ReferralFields, referralItem } from './case-items.ts';
import { type DynamoWork, dynamoWorkOf } from './dynamo-reads.ts';
import { envIntegers, envNumber } from './env.ts';
import { type PrefixQueryCost, prefixQueryCost } from './prefix-query.ts';
import { ms } from './report.ts';
import { percentile } from './stats.ts';

const TENANT = 'bench-sweep';
/** Cases due at every measured sweep. */
const DUE = 50;
/** The rule the due cases are due for: released two days ago, no first appointment booked. */
const DUE_RULE = 'no_first_appointment';
const SIZES = envIntegers('BENCH_SWEEP_SIZES', [1_000, 50_000]).sort((a, b) => a - b);
const REPEATS = envNumber('BENCH_SWEEP_REPEATS', 5);
/** Sweeps of the 50 due cases run, untimed, before the measured ones at each size. */
const WARMUP_SWEEPS = 2;

/** A case of the sweep's tenant, and the items that make it. */
interface SeededCase {
  tenantId: string;
  referralId: string;
  items: Record<string, unknown>[];
}

/** Holds the events a sweep publishes, so their delivery (the alert mail) is timed apart. */
class HeldEvents implements EventPublisher {
  events: { source: string; detailType: string; detail: unknown }[] = [];

  async publish(events: readonly { source: string; detailType: string; detail: unknown }[]): Promise<void> {
    this.events.push(...events);
  }
}

/** One measured sweep. */
interface SweepRun {
  ms: number;
  /** From handing the held events to the local bus until every alert mail was sent. */
  deliveryMs: number;
  /** Alerts raised: the events the sweep published. */
  raised: number;
  result: SweepResult;
  work: DynamoWork;
}

/**
 * Runs the sweep as the stack does, timing it and counting its DynamoDB work, then hands the
 * events it published to the local bus and waits until their mail is sent.
 */
async function sweepOnce(stack: BenchContext['stack']): Promise<SweepRun> {
  const held = new HeldEvents();
  const { table } = stack;
  const started = performance.now();
  const counted = await dynamoWorkOf(table, () =>
    runSweep({ table, clock: stack.clock.now, publisher: held }),
  );
  const elapsed = performance.now() - started;
  const delivering = performance.now();
  await stack.bus.publish(held.events);
  await stack.bus.idle();
  return {
    ms: elapsed,
    deliveryMs: performance.now() - delivering,
    raised: held.events.length,
    result: counted.result,
    work: counted,
  };
}

/** One size: its seeding and its sweeps. */
interface SizeResult {
  open: number;
  seededSeconds: number;
  runs: SweepRun[];
  prefix: PrefixQueryCost;
}

type Kind = 'due' | 'awaiting_release' | 'released_today';

/**
 * A continuity-of-care case with its person. `due`: released two days ago with no first
 * appointment, so `no_first_appointment` (24 h after 09:00 UTC on the release day) is overdue and
 * nothing else is. `awaiting_release`: release expected in 30 days. `released_today`: its first
 * check falls due tomorrow at 09:00 UTC. The last two are open but not due for weeks or a day.
 */
function seededCase(
  tenantId: string,
  areaIds: readonly string[],
  settings: PartnershipSettings,
  index: number,
  kind: Kind,
  now: Date,
): SeededCase {
  const today = dateOf(now);
  const areaId = areaIds[index % areaIds.length] as string;
  const personId = newId(now);
  const referralId = newId(now);
  const common = {
    id: referralId,
    personId,
    pathway: 'continuity_of_care' as const,
    areaId,
    source: 'HMP Hewell',
    offences: [],
  };
  const fields: ReferralFields =
    kind === 'awaiting_release'
      ? {
          ...common,
          referredOn: addDays(today, -20),
          expectedReleaseOn: addDays(today, 30),
          status: 'referred',
        }
      : {
          ...common,
          referredOn: addDays(today, -40),
          status: 'released',
          releasedOn: kind === 'due' ? addDays(today, -2) : today,
          releaseType: 'licence',
          establishment: 'HEI',
        };
  return {
    tenantId,
    referralId,
    items: [
      personItem(tenantId, personId, areaId, index, [referralId], now),
      referralItem(tenantId, fields, settings, now),
    ],
  };
}

/** What the last sweep left of a due case: its alert and the alert's mail record. */
function raisedKeys(one: SeededCase): Key[] {
  return [
    keys.alert(one.tenantId, one.referralId, DUE_RULE),
    keys.alertMail(one.tenantId, alertIdOf(one.referralId, DUE_RULE)),
  ];
}

const median = (values: readonly number[]) => percentile(values, 50);

/** `Query 54, TransactWriteItems 50` from calls by command. */
const callList = (calls: Record<string, number>) =>
  Object.entries(calls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');

/** The same value in every run, or the range it took. */
function steady(values: readonly number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? String(low) : `${low}–${high}`;
}

/** A note when runSweep's own `raised` disagreed with the alerts it published. */
function undercount(sizes: readonly SizeResult[]): string {
  const runs = sizes.flatMap((size) => size.runs);
  const said = runs.map((one) => one.result.raised);
  if (runs.every((one) => one.result.raised === one.raised)) return '';
  return ` The sweep's own result said \`raised: ${steady(said)}\` for the same sweeps: it adds each case's count with \`result.raised += (await raiseDueAlerts(...)).length\` in parallel workers, which reads the total before the await and so loses the other workers' additions meanwhile (the same number \`POST /_local/sweep\` answers).`;
}

async function run(context: BenchContext): Promise<Section> {
  const { stack, log } = context;
  const { table } = stack;
  const problems: string[] = [];
  const tenant = await createBenchTenant(stack, {
    id: TENANT,
    name: 'Bench sweep partnership',
    areas: 2,
    members: [],
  });
  const now = stack.clock.now();
  const failedBefore = stack.bus.failedDeliveries().length;

  // Whatever earlier benchmarks left due (their cases age as they run) is swept now, untimed,
  // so the measured sweeps read only the cases seeded due here.
  const drained = await sweepOnce(stack);
  log(`an untimed sweep first raised ${drained.raised} alerts left due by earlier benchmarks`);

  const dueCases = Array.from({ length: DUE }, (_, index) =>
    seededCase(TENANT, tenant.areaIds, tenant.settings, index, 'due', now),
  );
  let notDue = 0;
  const sizes: SizeResult[] = [];
  for (const size of SIZES) {
    const target = Math.max(0, size - DUE);
    log(`seeding ${target - notDue} open cases not yet due (to ${size} open in all)`);
    const seedStarted = performance.now();
    const fresh = Array.from({ length: target - notDue }, (_, offset) =>
      seededCase(
        TENANT,
        tenant.areaIds,
        tenant.settings,
        DUE + notDue + offset,
        (notDue + offset) % 2 === 0 ? 'awaiting_release' : 'released_today',
        now,
      ),
    );
    await putAll(
      table,
      fresh.flatMap((one) => one.items),
      8,
    );
    notDue = target;
    const seededSeconds = (performance.now() - seedStarted) / 1000;
    log(`seeded in ${seededSeconds.toFixed(1)} s; sweeping ${REPEATS} times with ${DUE} cases due`);

    const runs: SweepRun[] = [];
    // The first sweeps are not counted: they warm up the raising code (DynamoDB Local's JIT too).
    for (let repeat = 0; repeat < WARMUP_SWEEPS + REPEATS; repeat++) {
      // The same 50 cases, due again: their alerts and mail records gone, their items as new.
      await deleteAll(table, dueCases.flatMap(raisedKeys));
      await putAll(
        table,
        dueCases.flatMap((one) => one.items),
      );
      const one = await sweepOnce(stack);
      if (repeat >= WARMUP_SWEEPS) runs.push(one);
      if (one.raised !== DUE || one.work.dueEntriesRead !== DUE) {
        problems.push(
          `sweep at ${size} open: read ${one.work.dueEntriesRead} due entries and raised ${one.raised} alerts, expected ${DUE} and ${DUE}`,
        );
      }
    }
    log(
      `median ${ms(median(runs.map((one) => one.ms)))} ms over ${runs.length} sweeps, each read ${steady(runs.map((one) => one.work.dueEntriesRead))} due entries`,
    );
    sizes.push({ open: size, seededSeconds, runs, prefix: await prefixQueryCost(table, TENANT) });
  }
  const failed = stack.bus.failedDeliveries().length - failedBefore;
  if (failed > 0) problems.push(`${failed} alert deliveries failed during the sweep benchmark`);

  const rows = sizes.map((size) => {
    const times = size.runs.map((one) => one.ms);
    return [
      size.open.toLocaleString('en-GB'),
      String(DUE),
      ms(median(times)),
      `${ms(Math.min(...times))}–${ms(Math.max(...times))}`,
      String(size.runs.length),
      steady(size.runs.map((one) => one.work.dueEntriesRead)),
      steady(size.runs.map((one) => one.work.itemsRead)),
      callList(size.runs[0]?.work.calls ?? {}),
      steady(size.runs.map((one) => one.raised)),
      ms(median(size.runs.map((one) => one.deliveryMs))),
      size.seededSeconds.toFixed(1),
    ];
  });
  const header = [
    'Open referrals',
    'Due',
    'Sweep median (ms)',
    'Sweep min–max (ms)',
    'Sweeps',
    'DueIndex entries read per sweep',
    'Items read per sweep',
    'DynamoDB calls per sweep (first)',
    'Alerts raised per sweep',
    'Alert mail after the sweep, median (ms)',
    'Seeding (s)',
  ];
  const sweepTable = [header, header.map(() => '---'), ...rows]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
  const first = sizes[0];
  const last = sizes.at(-1);
  const ratio =
    first && last && first !== last
      ? `${(median(last.runs.map((one) => one.ms)) / median(first.runs.map((one) => one.ms))).toFixed(2)}×`
      : 'n/a (one size only)';

  const markdown = `
The alert sweep (\`runSweep\`, as \`POST /_local/sweep\` and the schedule run it) with ${SIZES.map((size) => size.toLocaleString('en-GB')).join(' and then ')} open continuity-of-care referrals in a partnership of its own, ${DUE} of them due at the sweep's "now" (the stack's clock, not moved).

${sweepTable}

**Ratio ${last?.open.toLocaleString('en-GB')} ÷ ${first?.open.toLocaleString('en-GB')} open (median sweep time): ${ratio}.** The sweep reads only the due entries of the DueIndex, so the items it reads stay the same however many cases are open; only DynamoDB Local's own lookup in a larger index can move the time.

- Seeded straight into the table (BatchWriteItem, 8 batches of 25 in flight): each case is a person and a referral item built with \`newReferralItem\` (derived attributes and DueIndex keys included). The ${DUE} due cases were released two days ago with no first appointment, so \`no_first_appointment\` (24 h after 09:00 UTC on the release day) is overdue and no other rule is; of the others, half expect release in 30 days and half were released today (first check due tomorrow at 09:00 UTC). The larger size adds cases to the smaller one's.
- Before each sweep the ${DUE} due cases are made due again: their alerts and alert-mail records deleted and their items put back as first seeded. Each size is swept ${WARMUP_SWEEPS + REPEATS} times and the first ${WARMUP_SWEEPS} are not counted (they warm up the raising code, and DynamoDB Local's JIT, after the seeding); the table gives the median, the fastest and the slowest of the other ${REPEATS}.
- **Sweep** time is \`runSweep\` from call to return: the DueIndex queries (one per shard, ${DUE_SHARDS} shards), then per due case its case query, one conditional transaction (alert, derived-attribute refresh, timeline event) and the outbox update after publishing. The events it publishes are held and handed to the local bus after it returns, so the alert emails (the notify handler, a Lambda of its own in AWS but in this process locally) are neither timed as sweep nor counted as its reads; **alert mail after the sweep** is the time from handing them over until all ${DUE} were delivered to the local mail sink.
- **Alert mail** is not the sweep, but its growth with the open cases is worth a word: the notify handler lists the partnership's members with a \`begins_with(SK, ...)\` key condition, and DynamoDB Local answers that by going through the partnership's whole partition (every seeded case's person and referral are in it), where DynamoDB reads only the key range. Timed here on the sweep partnership, the same member listing took ${sizes.map((size) => `${ms(size.prefix.beginsWithMs)} ms with \`begins_with\` and ${ms(size.prefix.betweenMs)} ms as \`SK BETWEEN\` at ${size.open.toLocaleString('en-GB')} open`).join('; ')} (medians of 20). The members, areas, audit and timeline reads all ask this way.
- **Items read**: what DynamoDB reports it read for the sweep's calls (a query's scanned items, a get's item), counted on the stack's client while nothing else used it.
- **Alerts raised** counts the alert events each sweep published.${undercount(sizes)}
- An untimed sweep ran first and raised ${drained.raised} alerts that earlier benchmarks' cases had come due for, so each measured sweep found only the ${DUE} cases seeded due.
`;
  const sizesText = SIZES.map((size) => size.toLocaleString('en-GB')).join(' and ');
  return { title: `Sweep: ${DUE} due cases among ${sizesText} open referrals`, markdown, problems };
}

/** Item 8 of the alerts issue: sweep time with few and with many open referrals, same due. */
export const sweep: Benchmark = { name: 'sweep', run };
