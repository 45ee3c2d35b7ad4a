import * as z from '../shared/schemas/zod.ts';

export const IMPORT_EVENT_SOURCE = 'continuity.imports';
export const IMPORT_QUEUED = 'ImportQueued';

/** `ImportQueued` detail: a checked release list waiting to be applied. */
export const ImportQueuedDetail = z.strictObject({
  tenantId: z.string().check(z.minLength(1)),
  importId: z.string().check(z.minLength(1)),
});
export type ImportQueuedDetail = z.infer<typeof ImportQueuedDetail>;
