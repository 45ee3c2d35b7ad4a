import { defineFeature } from '../../../shared/http/route-def.ts';
import { Id } from '../../../shared/schemas/common.ts';
import { ReleaseImport, ReleaseTemplateCsv, UploadQuery } from '../../../shared/schemas/imports.ts';
import * as z from '../../../shared/schemas/zod.ts';

/** Release list uploads, checked whole and applied by the import worker. */
export const routes = defineFeature('imports', {
  createReleaseImport: {
    method: 'POST',
    path: '/imports/releases',
    roles: ['manager'],
    summary:
      'Upload a release list (text/csv); every row is checked before anything is added. With ?confirm=false it is only checked, to be applied later',
    query: UploadQuery,
    status: 202,
    idempotent: true,
    response: z.object({ importId: z.string() }),
    // The areas; the rows' prison-number locks and then their holders, in batches; the checked rows
    // in chunks and the import record; a clean file without ?confirm=false is queued on the bus.
    access: { table: ['Query', 'BatchGetItem', 'BatchWriteItem', 'PutItem'], publishes: true },
  },
  applyReleaseImport: {
    method: 'POST',
    path: '/imports/{importId}/apply',
    roles: ['manager'],
    summary: 'Apply a checked release list without errors (uploader only): queued for the import worker',
    params: z.object({ importId: Id }),
    status: 202,
    response: ReleaseImport,
    // The import; moved from checked to queued in one conditional write (back, if the bus refuses).
    access: { table: ['GetItem', 'UpdateItem'], publishes: true },
  },
  getReleaseTemplate: {
    method: 'GET',
    path: '/imports/releases/template.csv',
    roles: ['manager'],
    summary: 'A release list template: the header and one example row',
    response: ReleaseTemplateCsv,
    contentType: 'text/csv; charset=utf-8',
    access: { table: ['Query'] },
  },
  getReleaseImport: {
    method: 'GET',
    path: '/imports/{importId}',
    roles: ['manager'],
    summary: 'Status, progress and row errors of an import, and whom its rows match (uploader only)',
    params: z.object({ importId: Id }),
    response: ReleaseImport,
    access: { table: ['GetItem'] },
  },
});
