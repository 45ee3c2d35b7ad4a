import { z } from 'zod';
import { Id } from './common.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, like 2026-03');

/** `?from=YYYY-MM&to=YYYY-MM&areaId=`; without dates, the last 12 months. */
export const ReportQuery = z.object({ from: Month.optional(), to: Month.optional(), areaId: Id.optional() });

const Count = z.union([z.number().int(), z.literal('<5')]);

export const ContinuityReport = z.object({
  windowDays: z.number(),
  target: z.number(),
  from: z.string(),
  to: z.string(),
  suppressed: z.boolean(),
  rows: z.array(
    z.object({
      month: z.string(),
      areaId: z.string().nullable(),
      cohort: Count,
      engaged: Count,
      pending: Count,
      exits: Count,
      rate: z.number().nullable(),
      adjustedRate: z.number().nullable(),
    }),
  ),
});
