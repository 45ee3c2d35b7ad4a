import { ALERT_RULES, PATHWAYS } from '../domain/values.ts';
import { RiskFlags } from './case-view.ts';
import { answer, listOf } from './common.ts';
import * as z from './zod.ts';

/** The worklist's answers (`GET /worklist`, `GET /worklist/counts`) and the assignment choices. */

/** One item of the worklist (`GET /worklist`), as API.md names its fields. */
export const WorklistItem = answer(() =>
  z.object({
    referralId: z.string(),
    reference: z.string(),
    person: z.nullable(
      z.object({ givenName: z.string(), familyName: z.string(), prisonNumber: z.optional(z.string()) }),
    ),
    areaId: z.string(),
    assignedTo: z.nullable(z.string()),
    assignedToName: z.nullable(z.string()),
    pathway: z.enum(PATHWAYS),
    releasedOn: z.nullable(z.string()),
    expectedReleaseOn: z.nullable(z.string()),
    daysSinceRelease: z.nullable(z.number().check(z.int())),
    windowClosesOn: z.nullable(z.string()),
    riskFlags: RiskFlags,
    nextAction: z.object({ rule: z.enum(ALERT_RULES), dueAt: z.string(), overdue: z.boolean() }),
    openAlerts: z.number().check(z.int()),
    priority: z.number().check(z.int()),
    why: z.array(z.string()),
  }),
);

/** `GET /worklist`: a page of the worklist, most urgent first. */
export const Worklist = answer(() => listOf(WorklistItem));

/** `GET /worklist/counts`: the counts across the top of the worklist, over all of it. */
export const WorklistCounts = answer(() =>
  z.object({
    releasingSoon: z.number().check(z.int()),
    firstDays: z.number().check(z.int()),
    overdue: z.number().check(z.int()),
    openAlerts: z.number().check(z.int()),
  }),
);

/** `GET /referrals/{referralId}/assignees`: who a case can be assigned to. */
export const Assignees = answer(() =>
  listOf(z.object({ id: z.string(), name: z.string(), role: z.enum(['caseworker', 'manager']) })),
);
