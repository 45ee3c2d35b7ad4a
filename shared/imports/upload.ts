import { IMPORT_EVENT_SOURCE, IMPORT_QUEUED } from '../../events/import-events.ts';
import type { Clock, EventPublisher } from '../adapters/ports.ts';
import type { MemberActor } from '../auth/area-access.ts';
import { listAreas } from '../data/areas-repo.ts';
import { newId } from '../data/ids.ts';
import { createImport, getImport, queueChecked, type ReleaseImport, unqueue } from '../data/imports-repo.ts';
import { holdersOfPrisonNumbers, identitiesOf } from '../data/people-lookup-repo.ts';
import type { Table } from '../data/table.ts';
import { londonDate } from '../domain/dates.ts';
import { Conflict, NotFound } from '../errors.ts';
import { ERROR_BYTES_KEPT, type Findings, KeptList, matchRow, tally } from './match-rows.ts';
import {
  checkReleaseCsv,
  type ImportError,
  MAX_ERRORS_KEPT,
  type ReleaseRow,
  releaseTemplate,
} from './release-csv.ts';

export interface UploadDeps {
  table: Table;
  clock: Clock;
  publisher: EventPublisher;
}

/** The partnership's areas (a handful), for matching a list's area column. */
const areasOf = async (table: Table, tenantId: string) =>
  (await listAreas(table, tenantId, { limit: 200 })).items;

/**
 * Looks every row's prison number up (in batches: a file may hold 10,000 rows) and judges each row
 * against the person holding it, for an uploader covering `areaIds`.
 */
async function findRows(
  table: Table,
  tenantId: string,
  rows: readonly ReleaseRow[],
  areaIds: readonly string[],
): Promise<Findings> {
  const holders = await holdersOfPrisonNumbers(
    table,
    tenantId,
    rows.map((row) => row.prisonNumber),
  );
  const people = await identitiesOf(table, tenantId, [...holders.values()]);
  return tally(
    rows.map((row) => {
      const personId = holders.get(row.prisonNumber);
      return matchRow(row, personId ? { personId, person: people.get(personId) } : undefined, areaIds);
    }),
    MAX_ERRORS_KEPT,
  );
}

/** Both lists of errors in row order (the file's own first), as many as the record keeps. */
function inRowOrder(first: readonly ImportError[], second: readonly ImportError[]): ImportError[] {
  const kept = new KeptList<ImportError>(MAX_ERRORS_KEPT, ERROR_BYTES_KEPT);
  const sorted = [...first, ...second]
    .map((error, index) => ({ error, index }))
    .sort((a, b) => a.error.row - b.error.row || a.index - b.index);
  for (const { error } of sorted) if (!kept.add(error)) break;
  return kept.items;
}

/**
 * Checks every row of a release list at once: its cells, then whether its prison number is new or
 * belongs to a person of the uploader's areas with the row's name and date of birth. With
 * `confirm` false the import is only `checked`: it records what applying would do and writes no
 * person or referral, waiting for `applyChecked`. Otherwise a file with any bad row is recorded as
 * failed with every error and creates nothing, and a clean one is queued on the bus for the import
 * worker. The rows of a clean file are stored in chunks either way. Answers the import's id.
 */
export async function uploadReleaseList(
  deps: UploadDeps,
  actor: MemberActor,
  csv: string,
  confirm = true,
): Promise<string> {
  const { tenantId, areaIds } = actor.principal;
  const now = deps.clock();
  const areas = (await areasOf(deps.table, tenantId)).filter((area) => areaIds.includes(area.id));
  const checked = checkReleaseCsv(csv, areas, londonDate(now));
  const found = await findRows(deps.table, tenantId, checked.rows, areaIds);
  const errorCount = checked.errorCount + found.errorCount;
  const importId = newId(now);
  const clean = errorCount === 0;
  await createImport(
    deps.table,
    tenantId,
    {
      id: importId,
      status: !confirm ? 'checked' : clean ? 'queued' : 'failed',
      total: checked.total,
      new: found.new,
      matched: found.matched,
      matches: found.matches,
      errors: inRowOrder(checked.errors, found.errors),
      errorCount,
      createdAt: now.toISOString(),
      createdBy: { memberId: actor.memberId, name: actor.name, role: actor.role },
    },
    clean ? checked.rows : [],
  );
  if (confirm && clean) await queue(deps, tenantId, importId);
  return importId;
}

const queue = (deps: UploadDeps, tenantId: string, importId: string) =>
  deps.publisher.publish([
    { source: IMPORT_EVENT_SOURCE, detailType: IMPORT_QUEUED, detail: { tenantId, importId } },
  ]);

/**
 * An import, for its uploader only: it names the people its rows match, so another member of the
 * partnership (who may cover other areas) gets NotFound, as for another tenant's.
 */
export async function uploadersImport(
  table: Table,
  actor: MemberActor,
  importId: string,
): Promise<ReleaseImport> {
  const record = await getImport(table, actor.principal.tenantId, importId);
  if (record.createdBy.memberId !== actor.memberId) throw new NotFound('import');
  return record;
}

/** Why an import cannot be applied, or undefined when it can: a checked import without errors. */
export function whyNotApplicable(
  record: Pick<ReleaseImport, 'status' | 'errorCount' | 'checkedUntil'>,
  now: Date,
): Conflict | undefined {
  if (record.status === 'checked' && record.checkedUntil && record.checkedUntil <= now.toISOString()) {
    return new Conflict(
      'import_not_checked',
      'This check is too old to apply: its rows have been let go. Upload the file again to check it.',
    );
  }
  if (record.status === 'checked' && record.errorCount === 0) return undefined;
  if ((record.status === 'checked' || record.status === 'failed') && record.errorCount > 0) {
    const problems = record.errorCount === 1 ? '1 problem' : `${record.errorCount} problems`;
    return new Conflict(
      'import_has_errors',
      `This import has ${problems}, so nothing of it can be applied: fix each one in the file, then upload it again.`,
    );
  }
  const why =
    record.status === 'failed'
      ? 'it failed'
      : `it is already ${record.status === 'queued' ? 'queued to be applied' : record.status}`;
  return new Conflict(
    'import_not_checked',
    `Only a checked import can be applied, and ${why}. Upload a file with ?confirm=false to check it first.`,
  );
}

/**
 * Applies a checked import without errors, for its uploader: queues it for the import worker
 * exactly as a clean upload is queued (the worker checks each row again as it applies it).
 * Conflict when it is not checked, has errors, or is already applied.
 */
export async function applyChecked(
  deps: UploadDeps,
  actor: MemberActor,
  importId: string,
): Promise<ReleaseImport> {
  const { tenantId } = actor.principal;
  const record = await uploadersImport(deps.table, actor, importId);
  const refusal = whyNotApplicable(record, deps.clock());
  if (refusal) throw refusal;
  if (!(await queueChecked(deps.table, tenantId, importId, deps.clock()))) {
    // Applied by another request since it was read: say why as it is now.
    throw (
      whyNotApplicable(await getImport(deps.table, tenantId, importId), deps.clock()) ??
      new Conflict(
        'import_not_checked',
        'Another request is applying this import: read it again to see how it is going.',
      )
    );
  }
  try {
    await queue(deps, tenantId, importId);
  } catch (error) {
    // Not on the bus, so nothing will apply it: leave it checked, to be applied again.
    await unqueue(deps.table, tenantId, importId, deps.clock());
    throw error;
  }
  return { ...record, status: 'queued' };
}

/** The template offered to the member: the header and an example row naming one of their areas. */
export async function templateFor(
  deps: Pick<UploadDeps, 'table' | 'clock'>,
  actor: MemberActor,
): Promise<string> {
  const areas = await areasOf(deps.table, actor.principal.tenantId);
  const mine = areas.find((area) => actor.principal.areaIds.includes(area.id));
  return releaseTemplate(mine?.name ?? 'Your area', londonDate(deps.clock()));
}
