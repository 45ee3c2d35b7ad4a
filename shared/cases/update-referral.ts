import { type MemberActor, requireAreaOf } from '../auth/area-access.ts';
import { findArea } from '../data/areas-repo.ts';
import { findCustodySuite } from '../data/custody-suites-repo.ts';
import { findMember } from '../data/members-repo.ts';
import { getPartnership } from '../data/partnerships-repo.ts';
import { loadCase } from '../data/referrals-repo.ts';
import { longDate } from '../domain/dates.ts';
import { establishmentProblem } from '../domain/establishment-rules.ts';
import { checkReferralEdit, type FieldChange, type ReferralEdit } from '../domain/referral-corrections.ts';
import { Forbidden, ValidationFailed, VersionConflict } from '../errors.ts';
import { establishmentName, findEstablishment } from '../reference/establishments.ts';
import type { Member } from '../schemas/member.ts';
import type { Referral, UpdateReferralBody } from '../schemas/referral.ts';
import type * as z from '../schemas/zod.ts';
import { applyCaseChange, type CaseDeps } from './change-case.ts';
import { contactCountsFor } from './contacts.ts';
import { referenceProblems } from './pathway-references.ts';

/** True when a member may hold a case of the area: a caseworker or manager who covers it. */
export const mayHold = (member: Pick<Member, 'role' | 'areaIds'> | undefined, areaId: string): boolean =>
  !!member && (member.role === 'caseworker' || member.role === 'manager') && member.areaIds.includes(areaId);

const LABEL: Record<FieldChange['field'], string> = {
  assignedTo: 'Assignee',
  assignedToName: 'Assignee',
  expectedReleaseOn: 'Expected release date',
  source: 'Source',
  areaId: 'Area',
  programmes: 'Programmes',
  releasedOn: 'Release date',
  engagedOn: 'Treatment start',
  establishment: 'Prison',
  test: 'Drug test',
  communityResolutionOn: 'Community resolution date',
  custodySuiteId: 'Custody suite',
  order: 'Court order',
  reason: 'Reason',
};

/** A changed value in words: dates written out, names for ids, lists joined. */
function shown(field: FieldChange['field'], value: unknown, names: Map<string, string>): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return 'none';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return longDate(value);
  if (Array.isArray(value)) return value.map((one) => String(one).replaceAll('_', ' ')).join(', ');
  if (field === 'areaId' || field === 'assignedTo' || field === 'custodySuiteId') {
    return names.get(String(value)) ?? String(value);
  }
  if (field === 'establishment') return establishmentName(String(value));
  if (field === 'test' && typeof value === 'object') {
    const test = value as NonNullable<Referral['test']>;
    return `${test.result} on ${longDate(test.testedOn)}`;
  }
  if (field === 'order' && typeof value === 'object') {
    const order = value as NonNullable<Referral['order']>;
    const reviews = order.reviewDates.map(longDate).join(', ') || 'none';
    return `${order.months} months from ${longDate(order.madeOn)} at ${order.court}, reviews ${reviews}`;
  }
  return String(value);
}

/** The timeline's line for an edit: each change, old and new, and the reason for a correction. */
function summaryOf(changes: readonly FieldChange[], reason: string | undefined, names: Map<string, string>) {
  const parts = changes.map((change) => {
    const corrected = change.field === 'releasedOn' || change.field === 'engagedOn';
    if (change.field === 'assignedTo') {
      return change.to ? `Assigned to ${shown('assignedTo', change.to, names)}` : 'Unassigned';
    }
    return `${LABEL[change.field]} ${corrected ? 'corrected' : 'changed'} from ${shown(change.field, change.from, names)} to ${shown(change.field, change.to, names)}`;
  });
  return `${parts.join('; ')}${reason ? ` (reason: ${reason})` : ''}`;
}

/**
 * `PATCH /referrals/{referralId}`: assigns the case, changes its planning facts, moves it to
 * another area, or corrects its release date or treatment start (with a reason), at the version
 * `ifMatch` names. Alerts follow at once: the case's next action is recomputed, and alerts whose
 * condition no longer holds are resolved by the service (shared/cases/change-case.ts).
 */
export async function updateReferral(
  deps: CaseDeps,
  actor: MemberActor,
  referralId: string,
  body: z.output<typeof UpdateReferralBody>,
  ifMatch: number,
): Promise<Referral> {
  const { tenantId } = actor.principal;
  const current = await loadCase(deps.table, tenantId, referralId);
  const { referral } = current;
  requireAreaOf(actor.principal, referral.areaId, 'referral');
  if (ifMatch !== referral.version) throw new VersionConflict(referral.version);
  const problems: Record<string, string> = {};
  const names = new Map<string, string>();
  const areaId = body.areaId ?? referral.areaId;
  if (areaId !== referral.areaId) {
    const [from, to] = await Promise.all([
      findArea(deps.table, tenantId, referral.areaId),
      findArea(deps.table, tenantId, areaId),
    ]);
    if (!to) problems.areaId = `is not an area of this partnership, got "${areaId}"`;
    else if (!actor.principal.areaIds.includes(areaId)) {
      throw new Forbidden('You can move a case only between areas you cover.');
    } else names.set(to.id, to.name);
    if (from) names.set(from.id, from.name);
  }
  const { establishment: typed, ...fields } = body;
  const edit: ReferralEdit = { ...fields };
  if (typed !== undefined) {
    const found = findEstablishment(typed);
    if (found) edit.establishment = found.code;
    else problems.establishment = establishmentProblem(typed) as string;
  }
  if (body.custodySuiteId !== undefined || body.programmes !== undefined) {
    const { settings } = await getPartnership(deps.table, tenantId);
    Object.assign(
      problems,
      await referenceProblems(deps.table, tenantId, body, settings.programmes, referral.programmes),
    );
    if (body.custodySuiteId && !problems.custodySuiteId) {
      const suite = await findCustodySuite(deps.table, tenantId, body.custodySuiteId);
      if (suite) names.set(suite.id, suite.name);
    }
  }
  if (body.assignedTo) {
    const member = await findMember(deps.table, tenantId, body.assignedTo);
    if (!mayHold(member, areaId)) {
      problems.assignedTo = 'must be a caseworker or manager who covers the case’s area';
    } else {
      edit.assignedToName = member?.name;
      names.set(body.assignedTo, member?.name ?? body.assignedTo);
    }
  } else if (body.assignedTo === null) {
    edit.assignedToName = null;
  } else if (areaId !== referral.areaId && referral.assignedTo) {
    // A move leaves the case with its assignee only if they cover the new area too.
    const member = await findMember(deps.table, tenantId, referral.assignedTo);
    if (!mayHold(member, areaId)) Object.assign(edit, { assignedTo: null, assignedToName: null });
  }
  let changes: FieldChange[] = [];
  try {
    changes = checkReferralEdit(referral, edit, deps.clock());
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    Object.assign(problems, error.fields);
  }
  if (Object.keys(problems).length) throw new ValidationFailed('Some changes cannot be made.', problems);
  if (changes.length === 0) return referral;
  const set: Record<string, unknown> = Object.fromEntries(changes.map((change) => [change.field, change.to]));
  if ('releasedOn' in set) {
    set.contactCounts = await contactCountsFor(deps.table, tenantId, referral.id, String(set.releasedOn));
  }
  if ('assignedTo' in set) set.assignedToName = edit.assignedToName ?? null;
  const changed = await applyCaseChange(deps, tenantId, actor, current, () => ({
    changes: set as Partial<Referral>,
    event: {
      kind: 'referral_updated',
      summary: summaryOf(changes, body.reason, names),
      details: { changes, ...(body.reason ? { reason: body.reason } : {}) },
    },
    audited: { record: 'referral', recordId: referral.id },
  }));
  return changed.referral;
}
