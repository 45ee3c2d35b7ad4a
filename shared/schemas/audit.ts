import type { AuditAction, AuditedRecord } from '../data/audit-repo.ts';
import { answer, listOf } from './common.ts';
import * as z from './zod.ts';

/** `GET /audit?personId=`: who read or changed a person's records. */

export const AUDIT_ACTIONS = [
  'create',
  'read',
  'update',
  'search',
  'list',
] as const satisfies readonly AuditAction[];
export const AUDITED_RECORDS = [
  'person',
  'referral',
  'timeline',
  'appointment',
  'alert',
  'contact',
  'releasePlan',
] as const satisfies readonly AuditedRecord[];

/** One read or change of a person's records. */
export const AuditEvent = answer(() =>
  z.object({
    id: z.string(),
    at: z.string(),
    personId: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    record: z.enum(AUDITED_RECORDS),
    recordId: z.string(),
    /** A member, or the service itself (an HMPPS event: role `system`). */
    by: z.object({ memberId: z.string(), name: z.string(), role: z.string() }),
    sourceIp: z.string(),
    requestId: z.string(),
  }),
);
export type AuditEvent = z.infer<typeof AuditEvent>;

/** Oldest first. */
export const AuditTrail = answer(() => listOf(AuditEvent));
