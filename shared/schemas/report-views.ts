import { PATHWAYS } from '../domain/values.ts';
import { answer } from './common.ts';
import * as z from './zod.ts';

/**
 * The reports beside the continuity-of-care rate (shared/schemas/report.ts):
 * `GET /reports/time-to-engagement`, `/reports/by-establishment` and `/reports/pathways`.
 */

/** A count as published: the number, or "<5" when small numbers are hidden (shared/reports/suppression.ts). */
export const PublishedCount = z.union([z.number().check(z.int()), z.literal('<5')]);

/** A share from 0 to 1, or null when its denominator is 0 or a hidden count enters it. */
const Share = z.nullable(z.number());

/** What every report says about the period it covers. */
const period = {
  from: z.string(),
  to: z.string(),
  /** Small numbers were hidden for this caller. */
  suppressed: z.boolean(),
};

/** `GET /reports/time-to-engagement`: the cumulative share engaged by day after release, and medians. */
export const TimeToEngagementReport = answer(() =>
  z.object({
    ...period,
    windowDays: z.number().check(z.int()),
    /** Cases whose window has closed: the curve's denominator. */
    decided: PublishedCount,
    /** Day 0 (the release date) to day 28. */
    curve: z.array(z.object({ day: z.number().check(z.int()), engaged: PublishedCount, share: Share })),
    medianDaysToFirstAppointment: z.nullable(z.number()),
    medianDaysToTreatmentStart: z.nullable(z.number()),
  }),
);
export type TimeToEngagementReport = z.infer<typeof TimeToEngagementReport>;

/** `GET /reports/by-establishment`: the rate by releasing prison, largest cohort first. */
export const EstablishmentReport = answer(() =>
  z.object({
    ...period,
    rows: z.array(
      z.object({
        /** The prison's code, or "Not recorded". */
        establishment: z.string(),
        cohort: PublishedCount,
        engaged: PublishedCount,
        pending: PublishedCount,
        exits: PublishedCount,
        rate: Share,
      }),
    ),
  }),
);
export type EstablishmentReport = z.infer<typeof EstablishmentReport>;

/** The six-month measure: cases decided, those without a further offence, those still pending. */
const Reoffending = z.object({
  decided: PublishedCount,
  withoutFurtherOffence: PublishedCount,
  pending: PublishedCount,
  share: Share,
});

/**
 * `GET /reports/pathways`: the pathways other than the prison release, each with its own
 * measures, and the referrals by custody suite.
 */
export const PathwayReport = answer(() =>
  z.object({
    ...period,
    rows: z.array(
      z.object({
        pathway: z.enum(PATHWAYS),
        referrals: PublishedCount,
        /** DIVERT: attended a session; the others: a treatment start recorded. */
        engaged: PublishedCount,
        /** DIVERT and arrest referral: no further offence within six months of referral, among everyone referred. */
        reoffending: z.optional(Reoffending),
        /** The same among those engaged (DIVERT's own measure). */
        reoffendingEngaged: z.optional(Reoffending),
        /** Drug testing on arrest: cases that attended a required assessment. */
        assessed: z.optional(PublishedCount),
        /** Drug testing on arrest: cases closed as failed to attend. */
        failedToAttend: z.optional(PublishedCount),
        /** DIVERT: cases closed as completed the programme. */
        completedProgramme: z.optional(PublishedCount),
        /** DIVERT: cases closed as failed to engage. */
        failedToEngage: z.optional(PublishedCount),
        /** DRR and ATR: court review dates in the period's referrals still to come. */
        reviewsToCome: z.optional(PublishedCount),
      }),
    ),
    /** Referrals that name a custody suite (arrest referral, drug testing on arrest, DIVERT), by suite and pathway. */
    bySuite: z.array(
      z.object({
        custodySuiteId: z.string(),
        name: z.string(),
        pathway: z.enum(PATHWAYS),
        referrals: PublishedCount,
        engaged: PublishedCount,
        share: Share,
      }),
    ),
  }),
);
export type PathwayReport = z.infer<typeof PathwayReport>;

/** `GET /reports/continuity-of-care.csv`: the continuity-of-care rows as CSV text. */
export const ContinuityReportCsv = z.string();
