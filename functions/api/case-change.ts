import type { Deps } from '../../shared/adapters/deps.ts';
import { actorOf, requireAreaOf } from '../../shared/auth/area-access.ts';
import { type AuditedRecord, auditItem } from '../../shared/data/audit-repo.ts';
import { getPartnership } from '../../shared/data/partnerships-repo.ts';
import { type CaseRecord, commitCaseChange, loadCase } from '../../shared/data/referrals-repo.ts';
import { type TimelineKind, timelineItem } from '../../shared/data/timeline.ts';
import { VersionConflict } from '../../shared/errors.ts';
import type { ApiRequest } from '../../shared/http/api-types.ts';
import { parseIfMatch } from '../../shared/http/if-match.ts';
import type { PartnershipSettings } from '../../shared/schemas/partnership.ts';
import type { Appointment, Referral } from '../../shared/schemas/referral.ts';

/** What a case action decides, before anything is written. */
export interface CaseDecision {
  changes: Partial<Referral>;
  appointments?: Appointment[];
  event: { kind: TimelineKind; summary: string; details?: Record<string, unknown> };
  audited: { record: AuditedRecord; recordId: string };
  /** Further writes of the same transaction (an appointment put, say). */
  writes?: NonNullable<Parameters<typeof commitCaseChange>[6]>;
}

export interface CaseContext {
  tenantId: string;
  current: CaseRecord;
  settings: PartnershipSettings;
  now: Date;
}

/**
 * Runs one change to a case: reads it, checks the caller covers its area and (when sent) that
 * `If-Match` names its version, lets `decide` apply the domain rules, then writes the referral,
 * its timeline event and the audit record in one transaction, conditional on the version read.
 */
export async function changeCase(
  request: ApiRequest<{ referralId: string }>,
  deps: Deps,
  decide: (context: CaseContext) => CaseDecision,
  /** Whether `If-Match` names the referral's version (not, say, an appointment's). */
  ifMatchIsReferral = true,
): Promise<{ referral: Referral; current: CaseRecord; decision: CaseDecision }> {
  const actor = actorOf(request);
  const { tenantId } = actor.principal;
  const current = await loadCase(deps.table, tenantId, request.params.referralId);
  requireAreaOf(actor.principal, current.referral.areaId, 'referral');
  const ifMatch = request.event.headers?.['if-match'];
  if (ifMatchIsReferral && ifMatch !== undefined && parseIfMatch(ifMatch) !== current.referral.version) {
    throw new VersionConflict(current.referral.version);
  }
  const settings = (await getPartnership(deps.table, tenantId)).settings;
  const now = deps.clock();
  const decision = decide({ tenantId, current, settings, now });
  const { personId, id: referralId } = current.referral;
  const referral = await commitCaseChange(
    deps.table,
    tenantId,
    current,
    decision.changes,
    decision.appointments ?? current.appointments,
    settings,
    [
      ...(decision.writes ?? []),
      {
        Put: {
          TableName: deps.table.name,
          Item: timelineItem(
            tenantId,
            referralId,
            decision.event.kind,
            decision.event.summary,
            actor,
            now,
            decision.event.details,
          ),
        },
      },
      {
        Put: {
          TableName: deps.table.name,
          Item: auditItem(tenantId, { personId, action: 'update', ...decision.audited }, actor, now),
        },
      },
    ],
    now,
  );
  return { referral, current, decision };
}
