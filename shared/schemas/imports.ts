import type { ImportStatus } from '../data/imports-repo.ts';
import { answer } from './common.ts';
import * as z from './zod.ts';

/** Release list imports: `GET /imports/{importId}` and `GET /imports/releases/template.csv`. */

export const IMPORT_STATUSES = [
  'queued',
  'running',
  'completed',
  'failed',
] as const satisfies readonly ImportStatus[];

/** A bad row of a release list; rows count from 1 for the first line after the header. */
export const ImportProblem = answer(() =>
  z.object({
    row: z.number().check(z.int()),
    field: z.string(),
    message: z.string(),
  }),
);

/** `GET /imports/{importId}`: status, progress and the bad rows of a failed file. */
export const ReleaseImport = answer(() =>
  z.object({
    id: z.string(),
    status: z.enum(IMPORT_STATUSES),
    total: z.number().check(z.int()),
    processed: z.number().check(z.int()),
    created: z.number().check(z.int()),
    matched: z.number().check(z.int()),
    /** The first bad rows (up to a limit); `errorCount` counts them all. */
    errors: z.array(ImportProblem),
    errorCount: z.number().check(z.int()),
    /** Why the worker stopped, when it failed while applying a clean file. */
    failure: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.object({ memberId: z.string(), name: z.string(), role: z.string() }),
  }),
);
export type ReleaseImport = z.infer<typeof ReleaseImport>;

/** `GET /imports/releases/template.csv`: the header and one example row, as CSV text. */
export const ReleaseTemplateCsv = z.string();
