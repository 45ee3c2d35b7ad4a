import { IMPORT_EVENT_SOURCE, IMPORT_QUEUED } from '../../events/import-events.ts';
import type { Clock, EventPublisher } from '../adapters/ports.ts';
import type { MemberActor } from '../auth/area-access.ts';
import { listAreas } from '../data/areas-repo.ts';
import { newId } from '../data/ids.ts';
import { createImport } from '../data/imports-repo.ts';
import type { Table } from '../data/table.ts';
import { londonDate } from '../domain/dates.ts';
import { checkReleaseCsv, releaseTemplate } from './release-csv.ts';

export interface UploadDeps {
  table: Table;
  clock: Clock;
  publisher: EventPublisher;
}

/** The partnership's areas (a handful), for matching a list's area column. */
const areasOf = async (table: Table, tenantId: string) =>
  (await listAreas(table, tenantId, { limit: 200 })).items;

/**
 * Checks every row of a release list at once. A file with any bad row is recorded as failed with
 * every error and creates nothing; a clean one is stored in chunks and queued on the bus for the
 * import worker, which adds the people and referrals. Answers the import's id either way.
 */
export async function uploadReleaseList(deps: UploadDeps, actor: MemberActor, csv: string): Promise<string> {
  const { tenantId, areaIds } = actor.principal;
  const now = deps.clock();
  const areas = (await areasOf(deps.table, tenantId)).filter((area) => areaIds.includes(area.id));
  const checked = checkReleaseCsv(csv, areas, londonDate(now));
  const importId = newId(now);
  const failed = checked.errorCount > 0;
  await createImport(
    deps.table,
    tenantId,
    {
      id: importId,
      status: failed ? 'failed' : 'queued',
      total: checked.total,
      errors: checked.errors,
      errorCount: checked.errorCount,
      createdAt: now.toISOString(),
      createdBy: { memberId: actor.memberId, name: actor.name, role: actor.role },
    },
    checked.rows,
  );
  if (!failed) {
    await deps.publisher.publish([
      { source: IMPORT_EVENT_SOURCE, detailType: IMPORT_QUEUED, detail: { tenantId, importId } },
    ]);
  }
  return importId;
}

/** The template offered to the member: the header and an example row naming one of their areas. */
export async function templateFor(table: Table, actor: MemberActor): Promise<string> {
  const areas = await areasOf(table, actor.principal.tenantId);
  const mine = areas.find((area) => actor.principal.areaIds.includes(area.id));
  return releaseTemplate(mine?.name ?? 'Your area');
}
