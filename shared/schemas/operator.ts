import type { OperatorAuditRecord } from '../data/operator-audit-repo.ts';
import { answer, listOf } from './common.ts';
import * as z from './zod.ts';

/** What the operator works with: a partnership's export and offboarding, and the record of both. */

/**
 * `GET /admin/partnerships/{partnershipId}/export`: one page of the partnership's items, an age
 * file encrypted to the partnership's export key and ASCII-armoured (`application/vnd.age`,
 * `-----BEGIN AGE ENCRYPTED FILE-----`); decrypted, JSON lines, one item a line, without the
 * table's keys. The `x-next-cursor` header names the next page.
 */
export const ExportPage = z.string();

/** `DELETE /admin/partnerships/{partnershipId}`: how far offboarding got; repeat until `complete`. */
export const OffboardResult = answer(() =>
  z.object({
    partnershipId: z.string(),
    /** Items deleted by this call. */
    deleted: z.number().check(z.int()),
    complete: z.boolean(),
  }),
);
export type OffboardResult = z.infer<typeof OffboardResult>;

export const OPERATOR_ACTIONS = [
  'export',
  'offboard',
  'purge',
] as const satisfies readonly OperatorAuditRecord['action'][];

/** One export page, offboarding call or retention purge of a partnership's data. */
export const OperatorAction = answer(() =>
  z.object({
    id: z.string(),
    at: z.string(),
    action: z.enum(OPERATOR_ACTIONS),
    partnershipId: z.string(),
    /** The operator, or the retention job (`retention-job`, no email). */
    by: z.object({ userId: z.string(), email: z.optional(z.string()) }),
    /** Items exported, deleted, or referrals purged. */
    items: z.number().check(z.int()),
    /** An export page's: the age recipient it was encrypted to. */
    recipient: z.optional(z.string()),
    sourceIp: z.string(),
    requestId: z.string(),
  }),
);
export type OperatorAction = z.infer<typeof OperatorAction>;

/** `GET /admin/audit`: oldest first. */
export const OperatorActions = answer(() => listOf(OperatorAction));
