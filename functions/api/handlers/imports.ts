import { actorOf } from '../../../shared/auth/area-access.ts';
import { getImport } from '../../../shared/data/imports-repo.ts';
import { TooLarge, UnsupportedMediaType } from '../../../shared/errors.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { rawBody } from '../../../shared/http/read-body.ts';
import { templateFor, uploadReleaseList } from '../../../shared/imports/upload.ts';
import { routes } from '../routes/imports.ts';

/** Largest release list accepted (about 20,000 rows of typical width). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel', 'text/plain'];

/**
 * `POST /imports/releases`: a release list, checked whole; a clean one is queued for the import
 * worker. Answers 202 with the import's id either way.
 */
export const createReleaseImport = apiHandler(routes.createReleaseImport, async (request, deps) => {
  const actor = actorOf(request);
  const contentType = request.event.headers?.['content-type'];
  if (!CSV_TYPES.includes(contentType?.split(';')[0]?.trim().toLowerCase() ?? '')) {
    throw new UnsupportedMediaType('text/csv', contentType);
  }
  const bytes = rawBody(request.event);
  if (bytes.length > MAX_CSV_BYTES) throw new TooLarge(MAX_CSV_BYTES);
  const importId = await uploadReleaseList(deps, actor, bytes.toString('utf8'));
  return { body: { importId }, headers: { location: `/api/imports/${importId}` } };
});

/** `GET /imports/{importId}`: status and progress, and every bad row of a failed file. */
export const getReleaseImport = apiHandler(routes.getReleaseImport, async (request, deps) => ({
  body: await getImport(deps.table, actorOf(request).principal.tenantId, request.params.importId),
}));

/** `GET /imports/releases/template.csv`: the header and one example row. */
export const getReleaseTemplate = apiHandler(routes.getReleaseTemplate, async (request, deps) => ({
  text: {
    contentType: 'text/csv; charset=utf-8',
    content: await templateFor(deps.table, actorOf(request)),
    filename: 'release-list-template.csv',
  },
}));
