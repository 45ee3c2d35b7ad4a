import { Id } from './common.ts';
import { Programme } from './programme.ts';
import * as z from './zod.ts';

const Month = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, like 2026-03'));

/** `?from=YYYY-MM&to=YYYY-MM&areaId=`; without dates, the last 12 months. */
export const ReportQuery = z.object({
  from: z.optional(Month),
  to: z.optional(Month),
  areaId: z.optional(Id),
  /** Only referrals tagged with this programme. */
  programme: z.optional(Programme),
  /** Only referrals from this custody suite. */
  custodySuiteId: z.optional(Id),
});

const Count = z.union([z.number().check(z.int()), z.literal('<5')]);

export const ContinuityReport = z.object({
  windowDays: z.number(),
  target: z.number(),
  from: z.string(),
  to: z.string(),
  suppressed: z.boolean(),
  rows: z.array(
    z.object({
      month: z.string(),
      areaId: z.nullable(z.string()),
      cohort: Count,
      engaged: Count,
      pending: Count,
      exits: Count,
      rate: z.nullable(z.number()),
      adjustedRate: z.nullable(z.number()),
    }),
  ),
});
