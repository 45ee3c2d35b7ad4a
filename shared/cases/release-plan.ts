import type { MemberActor } from '../auth/area-access.ts';
import { isPrisonPathway, requireOpen } from '../domain/referral-rules.ts';
import { Conflict, PreconditionRequired, VersionConflict } from '../errors.ts';
import { PLAN_FACTS, type ReleasePlan, type ReleasePlanBody } from '../schemas/release-plan.ts';
import type * as z from '../schemas/zod.ts';
import { type CaseDeps, changeCase } from './change-case.ts';

const words = (value: string) => value.replaceAll('_', ' ');
const FACT_WORDS: Record<(typeof PLAN_FACTS)[number], string> = {
  onOstAtRelease: 'on OST at release',
  bridgingPrescription: 'bridging prescription',
  naloxoneIssued: 'naloxone issued',
  gpRegistered: 'registered with a GP',
  housingReferralMade: 'housing referral made',
  metAtGate: 'met at the gate',
};
const answer = (value: boolean | null) => (value === null ? 'not known' : value ? 'yes' : 'no');

/** The timeline's line for a plan: what it says now, or what changed since the last one. */
function planSummary(plan: ReleasePlan, before: ReleasePlan | undefined): string {
  const facts = [
    ...(before?.accommodation !== plan.accommodation ? [`accommodation ${words(plan.accommodation)}`] : []),
    ...PLAN_FACTS.filter((fact) => before?.[fact] !== plan[fact]).map(
      (fact) => `${FACT_WORDS[fact]}: ${answer(plan[fact])}`,
    ),
    ...(JSON.stringify(before?.probationPractitioner ?? null) !== JSON.stringify(plan.probationPractitioner)
      ? [
          plan.probationPractitioner
            ? `probation practitioner ${plan.probationPractitioner.name}`
            : 'no probation practitioner',
        ]
      : []),
    ...((before?.notes ?? '') !== (plan.notes ?? '') ? ['notes changed'] : []),
  ];
  return `Release plan ${before ? 'updated' : 'recorded'}${facts.length ? `: ${facts.join('; ')}` : ''}`;
}

/**
 * `PUT /referrals/{referralId}/release-plan`: the whole plan for the release, replacing the last
 * one. The plan has its own version: once one exists, `ifMatch` must name it. The risk flags of
 * the release (OST, naloxone, no fixed abode) live here, and the worklist reads them.
 */
export async function saveReleasePlan(
  deps: CaseDeps,
  actor: MemberActor,
  referralId: string,
  body: z.output<typeof ReleasePlanBody>,
  ifMatch: number | undefined,
): Promise<ReleasePlan> {
  let saved: ReleasePlan | undefined;
  await changeCase(deps, actor, referralId, ({ current, now }) => {
    const { referral } = current;
    requireOpen(referral);
    if (!isPrisonPathway(referral.pathway)) {
      throw new Conflict('not_a_prison_pathway', `A ${referral.pathway} referral has no release to plan.`);
    }
    const before = referral.releasePlan;
    if (before && ifMatch === undefined) throw new PreconditionRequired();
    if (ifMatch !== undefined && ifMatch !== before?.version) throw new VersionConflict(before?.version);
    const plan: ReleasePlan = {
      accommodation: body.accommodation,
      ...(Object.fromEntries(PLAN_FACTS.map((fact) => [fact, body[fact] ?? null])) as Record<
        (typeof PLAN_FACTS)[number],
        boolean | null
      >),
      probationPractitioner: body.probationPractitioner ?? null,
      ...(body.notes ? { notes: body.notes } : {}),
      version: (before?.version ?? 0) + 1,
      updatedAt: now.toISOString(),
      updatedBy: { memberId: actor.memberId, name: actor.name },
    };
    saved = plan;
    return {
      changes: { releasePlan: plan },
      event: {
        kind: 'release_planned',
        summary: planSummary(plan, before),
        details: { version: plan.version },
      },
      audited: { record: 'releasePlan', recordId: referral.id },
    };
  });
  return saved as ReleasePlan;
}
