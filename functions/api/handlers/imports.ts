import type { z } from 'zod';
import { IMPORT_EVENT_SOURCE, IMPORT_QUEUED } from '../../../events/import-events.ts';
import { actorOf } from '../../../shared/auth/area-access.ts';
import { listAreas } from '../../../shared/data/areas-repo.ts';
import { newId } from '../../../shared/data/ids.ts';
import { londonDate } from '../../../shared/domain/dates.ts';
import { TooLarge, UnsupportedMediaType } from '../../../shared/errors.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { rawBody } from '../../../shared/http/read-body.ts';
import { createImport, getImport } from '../../../shared/imports/import-repo.ts';
import { checkReleaseCsv, releaseTemplate } from '../../../shared/imports/release-csv.ts';
import type { Id } from '../../../shared/schemas/common.ts';
import { route } from '../routes.ts';

/** Largest release list accepted (about 20,000 rows of typical width). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel', 'text/plain'];

/**
 * `POST /imports/releases`: checks every row of the list at once. A file with any bad row is
 * recorded as failed with every error and creates nothing; a clean one is queued for the import
 * worker, which adds the people and referrals. Answers 202 with the import's id either way.
 */
export const createReleaseImport = apiHandler(route('createReleaseImport'), async (request, deps) => {
  const actor = actorOf(request);
  const { tenantId } = actor.principal;
  const contentType = request.event.headers?.['content-type'];
  if (!CSV_TYPES.includes(contentType?.split(';')[0]?.trim().toLowerCase() ?? '')) {
    throw new UnsupportedMediaType('text/csv', contentType);
  }
  const bytes = rawBody(request.event);
  if (bytes.length > MAX_CSV_BYTES) throw new TooLarge(MAX_CSV_BYTES);
  const now = deps.clock();
  const areas = (await listAreas(deps.table, tenantId, { limit: 200 })).items.filter((area) =>
    actor.principal.areaIds.includes(area.id),
  );
  const checked = checkReleaseCsv(bytes.toString('utf8'), areas, londonDate(now));
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
  return { status: 202, body: { importId }, headers: { location: `/api/imports/${importId}` } };
});

/** `GET /imports/{importId}`: status and progress, and every bad row of a failed file. */
export const getReleaseImport = apiHandler<{ importId: z.output<typeof Id> }>(
  route('getReleaseImport'),
  async (request, deps) => {
    const actor = actorOf(request);
    const record = await getImport(deps.table, actor.principal.tenantId, request.params.importId);
    return { body: record };
  },
);

/** `GET /imports/releases/template.csv`: the header and one example row. */
export const getReleaseTemplate = apiHandler(route('getReleaseTemplate'), async (request, deps) => {
  const actor = actorOf(request);
  const areas = (await listAreas(deps.table, actor.principal.tenantId, { limit: 200 })).items;
  const mine = areas.find((area) => actor.principal.areaIds.includes(area.id));
  return {
    text: {
      contentType: 'text/csv; charset=utf-8',
      content: releaseTemplate(mine?.name ?? 'Your area'),
      filename: 'release-list-template.csv',
    },
  };
});
