import type { ImportStatus } from '../data/imports-repo.ts';
import { answer } from './common.ts';
import * as z from './zod.ts';

/** Release list imports: `GET /imports/{importId}` and `GET /imports/releases/template.csv`. */

export const IMPORT_STATUSES = [
  'checked',
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

/** A row that matches a person already in Continuity (always one of the uploader's areas). */
export const ImportMatch = answer(() =>
  z.object({
    row: z.number().check(z.int()),
    personId: z.string(),
    name: z.string(),
  }),
);

/**
 * `GET /imports/{importId}`: status, progress and the bad rows of a failed file; for a checked
 * file, what applying it would do.
 */
export const ReleaseImport = answer(() =>
  z.object({
    id: z.string(),
    status: z.enum(IMPORT_STATUSES),
    total: z.number().check(z.int()),
    processed: z.number().check(z.int()),
    created: z.number().check(z.int()),
    /** Rows matched to a person already in Continuity: found by the check, then as applied. */
    matched: z.number().check(z.int()),
    /** Rows the check found would add a new person. */
    new: z.optional(z.number().check(z.int())),
    /** The first matched rows (up to a limit) and whom they match; `matched` counts them all. */
    matches: z.optional(z.array(ImportMatch)),
    /** Open referrals awaiting release whose expected release date the import changed. */
    updated: z.optional(z.number().check(z.int())),
    /** The first of those changes (up to a limit); `updated` counts them all. */
    updates: z.optional(
      z.array(
        z.object({
          row: z.number().check(z.int()),
          referralId: z.string(),
          reference: z.string(),
          from: z.nullable(z.string()),
          to: z.string(),
        }),
      ),
    ),
    /** The first bad rows (up to a limit); `errorCount` counts them all. */
    errors: z.array(ImportProblem),
    errorCount: z.number().check(z.int()),
    /** Why the worker stopped, when it failed while applying a clean file. */
    failure: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.object({ memberId: z.string(), name: z.string(), role: z.string() }),
    /** A checked import: it can be applied until then, after which its rows are deleted. */
    checkedUntil: z.optional(z.string()),
  }),
);
export type ReleaseImport = z.infer<typeof ReleaseImport>;

/** `POST /imports/releases?confirm=false` checks the file and writes nothing; without it, a clean file is applied. */
export const UploadQuery = z.object({
  confirm: z.optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
});

/** `GET /imports/releases/template.csv`: the header and one example row, as CSV text. */
export const ReleaseTemplateCsv = z.string();
