import { actorOf } from '../../../shared/auth/area-access.ts';
import { TooLarge, UnsupportedMediaType } from '../../../shared/errors.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { rawBody } from '../../../shared/http/read-body.ts';
import {
  applyChecked,
  templateFor,
  uploadersImport,
  uploadReleaseList,
} from '../../../shared/imports/upload.ts';
import { routes } from '../routes/imports.ts';

/** Largest release list accepted (about 20,000 rows of typical width). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel', 'text/plain'];

/**
 * `POST /imports/releases`: a release list, checked whole; a clean one is queued for the import
 * worker, unless `?confirm=false` asks only for the check. Answers 202 with the import's id either way.
 */
export const createReleaseImport = apiHandler(routes.createReleaseImport, async (request, deps) => {
  const actor = actorOf(request);
  const contentType = request.event.headers?.['content-type'];
  if (!CSV_TYPES.includes(contentType?.split(';')[0]?.trim().toLowerCase() ?? '')) {
    throw new UnsupportedMediaType('text/csv', contentType);
  }
  const bytes = rawBody(request.event);
  if (bytes.length > MAX_CSV_BYTES) throw new TooLarge(MAX_CSV_BYTES);
  const confirm = request.query.confirm !== 'false';
  const importId = await uploadReleaseList(deps, actor, bytes.toString('utf8'), confirm);
  return { body: { importId }, headers: { location: `/api/imports/${importId}` } };
});

/** `GET /imports/{importId}`: status and progress, every bad row, and whom rows match; the uploader's only. */
export const getReleaseImport = apiHandler(routes.getReleaseImport, async (request, deps) => ({
  body: await uploadersImport(deps.table, actorOf(request), request.params.importId),
}));

/** `POST /imports/{importId}/apply`: queues the uploader's checked import without errors; 409 otherwise. */
export const applyReleaseImport = apiHandler(routes.applyReleaseImport, async (request, deps) => ({
  body: await applyChecked(deps, actorOf(request), request.params.importId),
  headers: { location: `/api/imports/${request.params.importId}` },
}));

/** `GET /imports/releases/template.csv`: the header and one example row. */
export const getReleaseTemplate = apiHandler(routes.getReleaseTemplate, async (request, deps) => ({
  text: {
    contentType: 'text/csv; charset=utf-8',
    content: await templateFor(deps, actorOf(request)),
    filename: 'release-list-template.csv',
  },
}));
