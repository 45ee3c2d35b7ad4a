import { type MemberActor, requireAreaOf, requireOwnArea } from '../auth/area-access.ts';
import { auditItem } from '../data/audit-repo.ts';
import { newId } from '../data/ids.ts';
import { keys } from '../data/keys.ts';
import { findMember } from '../data/members-repo.ts';
import { getPartnership } from '../data/partnerships-repo.ts';
import { createPerson, getPerson, type PersonFields } from '../data/people-repo.ts';
import { type StoredPersonSummary, storedSummaryOf } from '../data/person-summary.ts';
import {
  createReferral,
  type NewReferralFields,
  newReferralItem,
  toReferral,
} from '../data/referrals-repo.ts';
import { putItem, putNew } from '../data/table-io.ts';
import { timelineItem } from '../data/timeline.ts';
import type { Actor } from '../domain/actor.ts';
import { caseReference } from '../domain/case-reference.ts';
import { expectedReleaseProblem, notBefore, notInFuture } from '../domain/referral-rules.ts';
import { ValidationFailed } from '../errors.ts';
import type { PartnershipSettings } from '../schemas/partnership.ts';
import type { CreateReferralBody, Referral } from '../schemas/referral.ts';
import type * as z from '../schemas/zod.ts';
import type { CaseDeps } from './change-case.ts';
import { referenceProblems } from './pathway-references.ts';

/** A referral to add, from the form or from a release list. */
export interface NewReferral {
  tenantId: string;
  referral: NewReferralFields;
  /** The timeline's first event of the case: where the referral came from. */
  summary: string;
  actor: Actor;
  settings: PartnershipSettings;
  now: Date;
  /** A person added with the referral (an import's new prisoner), rather than one already held. */
  newPerson?: PersonFields;
  /** Who the person is, as the lists name them (the referral keeps a copy). */
  person: StoredPersonSummary;
}

/**
 * Adds a referral with its first timeline event and its audit records, in one transaction: to a
 * person already held (whose list of referrals it joins), or with a new person. The one way a
 * case begins, whether a member refers someone or a release list is applied.
 */
export async function addReferral(deps: CaseDeps, input: NewReferral): Promise<Referral> {
  const { tenantId, referral, actor, now, newPerson } = input;
  const { personId, id } = referral;
  const item = { ...newReferralItem(tenantId, referral, input.settings, now), personSummary: input.person };
  const audit = (record: 'person' | 'referral', recordId: string) =>
    putItem(auditItem(tenantId, { personId, action: 'create', record, recordId }, actor, now));
  const events = [
    putItem(timelineItem(tenantId, id, 'referred', input.summary, actor, now)),
    // Search finds the case by the reference its alerts name.
    putItem({
      ...keys.caseReference(tenantId, caseReference(id), id),
      type: 'caseReference',
      referralId: id,
      personId,
    }),
    ...(newPerson ? [audit('person', personId)] : []),
    audit('referral', id),
  ];
  if (!newPerson) return createReferral(deps.table, tenantId, item, events);
  await createPerson(deps.table, tenantId, personId, newPerson, now, [putNew(item), ...events], [id]);
  return toReferral(item);
}

/**
 * `POST /people/{personId}/referrals`: a member puts a person of their area on a pathway. Checks
 * the dates against the person and the pathway, and that an assignee covers the area.
 */
export async function referPerson(
  deps: CaseDeps,
  actor: MemberActor,
  personId: string,
  body: z.output<typeof CreateReferralBody>,
): Promise<Referral> {
  const { tenantId } = actor.principal;
  const now = deps.clock();
  const person = await getPerson(deps.table, tenantId, personId);
  requireAreaOf(actor.principal, person.areaId, 'person');
  requireOwnArea(actor.principal, body.areaId);
  notInFuture('referredOn', body.referredOn, now);
  notBefore('referredOn', body.referredOn, person.dateOfBirth, 'date of birth');
  if (body.expectedReleaseOn) {
    const problem = expectedReleaseProblem(body.pathway, body.expectedReleaseOn);
    if (problem)
      throw new ValidationFailed('Only prison pathways have a release.', { expectedReleaseOn: problem });
    notBefore('expectedReleaseOn', body.expectedReleaseOn, body.referredOn, 'referral date');
  }
  let assignedToName: string | undefined;
  if (body.assignedTo) {
    const member = await findMember(deps.table, tenantId, body.assignedTo);
    assignedToName = member?.name;
    const covers =
      member && ['caseworker', 'manager'].includes(member.role) && member.areaIds.includes(body.areaId);
    if (!covers) {
      throw new ValidationFailed('Assign the case to a caseworker or manager of its area.', {
        assignedTo: 'must be a caseworker or manager who covers the referral’s area',
      });
    }
  }
  const settings = (await getPartnership(deps.table, tenantId)).settings;
  const problems = await referenceProblems(deps.table, tenantId, body, settings.programmes);
  if (Object.keys(problems).length > 0) {
    throw new ValidationFailed('The referral names what the partnership does not have.', problems);
  }
  return addReferral(deps, {
    tenantId,
    referral: {
      id: newId(now),
      personId: person.id,
      ...body,
      ...(assignedToName ? { assignedToName } : {}),
      substanceGroup: person.substanceGroup,
      status: 'referred',
      offences: [],
    },
    summary: `Referred to the ${body.pathway.replaceAll('_', ' ')} pathway from ${body.source}`,
    person: storedSummaryOf(person),
    actor,
    settings,
    now,
  });
}
