import { defineFeature } from '../../../shared/http/route-def.ts';
import { Id } from '../../../shared/schemas/common.ts';
import { ReleaseImport, ReleaseTemplateCsv } from '../../../shared/schemas/imports.ts';
import * as z from '../../../shared/schemas/zod.ts';

/** Release list uploads, checked whole and applied by the import worker. */
export const routes = defineFeature('imports', {
  createReleaseImport: {
    method: 'POST',
    path: '/imports/releases',
    roles: ['manager'],
    summary: 'Upload a release list (text/csv); every row is checked before anything is added',
    status: 202,
    idempotent: true,
    response: z.object({ importId: z.string() }),
    // The areas, then the checked rows in chunks and the import record; queued for the import worker on the bus.
    access: { table: ['Query', 'BatchWriteItem', 'PutItem'], publishes: true },
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
    summary: 'Status, progress and row errors of an import',
    params: z.object({ importId: Id }),
    response: ReleaseImport,
    access: { table: ['GetItem'] },
  },
});
