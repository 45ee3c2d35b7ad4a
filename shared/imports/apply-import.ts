import { logger } from '../adapters/logger.ts';
import type { Clock } from '../adapters/ports.ts';
import { applyCaseChange } from '../cases/change-case.ts';
import { addReferral, type NewReferral } from '../cases/create-referral.ts';
import { mapBounded } from '../concurrency/pool.ts';
import { failedConditions } from '../data/dynamo-errors.ts';
import {
  getImport,
  type ImportProgress,
  type ImportUpdate,
  importRows,
  MAX_UPDATES_KEPT,
  type ReleaseImport,
  recordProgress,
} from '../data/imports-repo.ts';
import { findMember } from '../data/members-repo.ts';
import { getPartnership } from '../data/partnerships-repo.ts';
import { findPerson, type PersonFields, personIdByPrisonNumber } from '../data/people-repo.ts';
import { storedSummaryOf } from '../data/person-summary.ts';
import { type CaseRecord, loadCase } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import type { Actor } from '../domain/actor.ts';
import { caseReference } from '../domain/case-reference.ts';
import { londonDate, longDate } from '../domain/dates.ts';
import { isPrisonPathway } from '../domain/referral-rules.ts';
import { NotFound } from '../errors.ts';
import { establishmentName } from '../reference/establishments.ts';
import type { PartnershipSettings } from '../schemas/partnership.ts';
import type { Person } from '../schemas/person.ts';
import { ERROR_BYTES_KEPT, KeptList, matchRow } from './match-rows.ts';
import { type ImportError, MAX_ERRORS_KEPT, type ReleaseRow } from './release-csv.ts';

export interface ImportDeps {
  table: Table;
  clock: Clock;
}

/** Rows applied at once: enough to keep DynamoDB busy, few enough to stay gentle. */
const PARALLEL = 8;
/** Progress is recorded after this many rows, for the progress bar. */
const PROGRESS_EVERY = 100;

interface RowContext {
  deps: ImportDeps;
  tenantId: string;
  record: ReleaseImport;
  settings: PartnershipSettings;
  actor: Actor;
  /** The areas the uploader covers now: a row outside them is never applied. */
  areaIds: readonly string[];
}

/**
 * What applying a row did: added a person, added a referral to one already held, matched a
 * referral awaiting release (changing its expected release date when the list moved it), or nothing.
 */
type RowOutcome = 'created' | 'matched' | { updated: ImportUpdate } | { errors: ImportError[] };

/**
 * The person's open prison-pathway case awaiting release in the row's area, if they have one: a
 * case moved to an area the uploader may not cover is never touched.
 */
async function awaitingRelease(
  context: RowContext,
  person: Person,
  areaId: string,
): Promise<CaseRecord | undefined> {
  for (const referralId of person.referralIds) {
    const found = await loadCase(context.deps.table, context.tenantId, referralId).catch(() => undefined);
    const referral = found?.referral;
    const waiting = referral && isPrisonPathway(referral.pathway) && referral.status === 'referred';
    if (waiting && referral.areaId === areaId && context.areaIds.includes(areaId)) return found;
  }
  return undefined;
}

/**
 * Moves a waiting case's expected release date to the one the list gives, on its timeline as the
 * uploader's change; the alerts follow (a `release_not_confirmed` for the old date is resolved).
 */
async function moveExpectedRelease(
  context: RowContext,
  current: CaseRecord,
  row: ReleaseRow,
): Promise<RowOutcome> {
  const { referral } = current;
  const from = referral.expectedReleaseOn ?? null;
  if (from === row.expectedReleaseOn) return 'matched';
  // As PATCH refuses it: a release cannot be expected before the case was referred.
  if (row.expectedReleaseOn < referral.referredOn) {
    return {
      errors: [
        {
          row: row.row,
          field: 'expected_release_date',
          message: `is before the referral date of the case it matches (${longDate(referral.referredOn)}): that case keeps its expected release date`,
        },
      ],
    };
  }
  const line = `the release list of ${establishmentName(row.establishment)} (row ${row.row + 1} of the list)`;
  await applyCaseChange(context.deps, context.tenantId, context.actor, current, () => ({
    changes: { expectedReleaseOn: row.expectedReleaseOn },
    event: {
      kind: 'referral_updated',
      summary: `Expected release date changed from ${from ? longDate(from) : 'none'} to ${longDate(row.expectedReleaseOn)} by ${line}`,
      details: {
        changes: [{ field: 'expectedReleaseOn', from, to: row.expectedReleaseOn }],
        importId: context.record.id,
      },
    },
    audited: { record: 'referral', recordId: referral.id },
  }));
  return {
    updated: {
      row: row.row,
      referralId: referral.id,
      reference: caseReference(referral.id),
      from,
      to: row.expectedReleaseOn,
    },
  };
}

/**
 * Applies one checked row. Ids come from the import and the row, and every write is
 * conditional, so applying a row twice (a retried delivery) changes nothing the second time.
 * A prison number the partnership already follows is matched, not duplicated: the person gets a
 * new referral unless one is already awaiting their release. The row is judged again as it is
 * applied, since people may have moved, been renamed or been added since the file was checked: a
 * holder outside the uploader's areas, or with another name or date of birth, is never attached.
 */
async function applyRow(context: RowContext, row: ReleaseRow): Promise<RowOutcome> {
  const { deps, tenantId, record, settings, actor, areaIds } = context;
  const now = deps.clock();
  const personId = `${record.id}p${row.row}`;
  const referralId = `${record.id}f${row.row}`;
  const referral = (person: string, newPerson?: PersonFields): NewReferral => ({
    tenantId,
    referral: {
      id: referralId,
      personId: person,
      pathway: 'continuity_of_care',
      areaId: row.areaId,
      source: establishmentName(row.establishment),
      establishment: row.establishment,
      referredOn: londonDate(now),
      expectedReleaseOn: row.expectedReleaseOn,
      substanceGroup: row.substanceGroup,
      status: 'referred',
      offences: [],
    },
    // The spreadsheet's row (the header is row 1), as the import pages number them.
    summary: `Referred from the release list of ${establishmentName(row.establishment)} (row ${row.row + 1} of the list)`,
    actor,
    settings,
    now,
    person: storedSummaryOf({ id: person, ...(newPerson ?? row) }),
    ...(newPerson ? { newPerson } : {}),
  });

  const holder = await personIdByPrisonNumber(deps.table, tenantId, row.prisonNumber);
  if (holder === personId) return 'created';
  const person = holder ? await findPerson(deps.table, tenantId, holder) : undefined;
  const finding = matchRow(row, holder ? { personId: holder, person } : undefined, areaIds);
  if (finding.kind === 'refused') return { errors: finding.errors };
  if (holder && person) {
    const waiting = await awaitingRelease(context, person, row.areaId);
    if (waiting) return moveExpectedRelease(context, waiting, row);
    try {
      await addReferral(deps, referral(holder));
    } catch (error) {
      // Already added by an earlier delivery of this import.
      if (!failedConditions(error)?.includes(0)) throw error;
    }
    return 'matched';
  }
  try {
    await addReferral(
      deps,
      referral(personId, {
        givenName: row.givenName,
        familyName: row.familyName,
        dateOfBirth: row.dateOfBirth,
        sex: row.sex,
        prisonNumber: row.prisonNumber,
        areaId: row.areaId,
        substanceGroup: row.substanceGroup,
        flags: [],
      }),
    );
    return 'created';
  } catch (error) {
    // Someone added this prison number since the file was checked: match it instead.
    if ((error as { code?: string }).code === 'duplicate') return applyRow(context, row);
    if (failedConditions(error)?.includes(0)) return 'created';
    throw error;
  }
}

/**
 * Applies a checked release list (the target of the `apply-release-import` rule): adds each
 * person and referral, recording progress as it goes, and any row it may no longer apply as a row
 * error. Only an import queued by a clean upload or by its uploader's apply is applied; a
 * `checked` one waits for the apply. Safe to run again after a failure.
 */
export async function applyImport(
  deps: ImportDeps,
  tenantId: string,
  importId: string,
): Promise<ReleaseImport | undefined> {
  let record: ReleaseImport;
  try {
    record = await getImport(deps.table, tenantId, importId);
  } catch (error) {
    if (error instanceof NotFound) return undefined;
    throw error;
  }
  if (record.status !== 'queued' && record.status !== 'running') return record;
  const uploader = await findMember(deps.table, tenantId, record.createdBy.memberId);
  if (!uploader) {
    await recordProgress(
      deps.table,
      tenantId,
      importId,
      {
        status: 'failed',
        failure: 'The member who uploaded the list has left the partnership: nothing was added.',
      },
      deps.clock(),
    );
    logger.info('release list not applied: its uploader has left', { tenantId, importId });
    return getImport(deps.table, tenantId, importId);
  }
  const settings = (await getPartnership(deps.table, tenantId)).settings;
  const rows = await importRows(deps.table, tenantId, importId);
  // A retried run starts again from the first row; rows already applied change nothing, and the
  // counts and row errors restart so they stay true.
  await recordProgress(
    deps.table,
    tenantId,
    importId,
    {
      status: 'running',
      processed: -record.processed,
      created: -record.created,
      matched: -record.matched,
      errorCount: -record.errorCount,
      updated: -(record.updated ?? 0),
      clearErrors: true,
    },
    deps.clock(),
  );
  const context: RowContext = {
    deps,
    tenantId,
    record,
    settings,
    actor: { ...record.createdBy, requestId: `import-${importId}`, sourceIp: 'import' },
    areaIds: uploader.areaIds,
  };
  const empty = (): Required<
    Pick<ImportProgress, 'processed' | 'created' | 'matched' | 'errorCount' | 'updated'>
  > & {
    errors: ImportError[];
    updates: ImportUpdate[];
  } => ({ processed: 0, created: 0, matched: 0, errorCount: 0, updated: 0, errors: [], updates: [] });
  let updatesKept = 0;
  let pending = empty();
  /** Row errors appended so far: the record keeps no more than an upload's check would. */
  const kept = new KeptList<ImportError>(MAX_ERRORS_KEPT, ERROR_BYTES_KEPT);
  const flush = async () => {
    const batch = pending;
    pending = empty();
    if (batch.processed) await recordProgress(deps.table, tenantId, importId, batch, deps.clock());
  };
  await mapBounded(rows, PARALLEL, async (row) => {
    const outcome = await applyRow(context, row);
    pending.processed += 1;
    if (typeof outcome === 'string') pending[outcome] += 1;
    else if ('updated' in outcome) {
      pending.matched += 1;
      pending.updated += 1;
      if (updatesKept < MAX_UPDATES_KEPT) {
        updatesKept += 1;
        pending.updates.push(outcome.updated);
      }
    } else {
      pending.errorCount += outcome.errors.length;
      for (const error of outcome.errors) if (kept.add(error)) pending.errors.push(error);
    }
    if (pending.processed >= PROGRESS_EVERY) await flush();
  });
  await flush();
  await recordProgress(deps.table, tenantId, importId, { status: 'completed' }, deps.clock());
  logger.info('release list applied', { tenantId, importId, rows: rows.length });
  return getImport(deps.table, tenantId, importId);
}
