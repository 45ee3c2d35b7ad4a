import type { Clock } from '../adapters/ports.ts';
import { type Resolution, resolvedAs, SERVICE_ACTOR, withdrawalWrites } from '../alerts/withdraw-alerts.ts';
import { type MemberPrincipal, requireAreaOf } from '../auth/area-access.ts';
import { type Alert as AlertRecord, alertAreaMove, alertMoveWrite } from '../data/alerts-repo.ts';
import { type AuditedRecord, auditItem } from '../data/audit-repo.ts';
import { getPartnership } from '../data/partnerships-repo.ts';
import { type CaseRecord, commitCaseChange, loadCase } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import { putItem, type TransactItem } from '../data/table-io.ts';
import { type TimelineKind, timelineItem } from '../data/timeline.ts';
import type { Actor } from '../domain/actor.ts';
import { alertsNoLongerHolding } from '../domain/alert-rules.ts';
import { VersionConflict } from '../errors.ts';
import type { PartnershipSettings } from '../schemas/partnership.ts';
import type { Appointment, Referral } from '../schemas/referral.ts';

export interface CaseDeps {
  table: Table;
  clock: Clock;
}

/** What a case action decides, before anything is written. */
export interface CaseDecision {
  changes: Partial<Referral>;
  appointments?: Appointment[];
  event: { kind: TimelineKind; summary: string; details?: Record<string, unknown> };
  audited: { record: AuditedRecord; recordId: string };
  /** Further writes of the same transaction (an appointment put, say), after the referral's update. */
  writes?: TransactItem[];
  /**
   * Who resolves the alerts the change clears, and the note they get: by default the service,
   * noting the change that cleared them.
   */
  alertResolution?: Resolution;
}

/**
 * The writes that keep a case's alerts true to the change: every unresolved alert whose
 * condition no longer holds is resolved (with its timeline event), and on a move to another area
 * every alert goes to that area's list; one write per alert. Answers the alerts as they will be.
 */
function alertsAfterChange(
  context: CaseContext,
  decision: CaseDecision,
  after: Referral,
): { alerts: AlertRecord[]; writes: TransactItem[] } {
  const { tenantId, current, settings, now } = context;
  const appointments = decision.appointments ?? current.appointments;
  const cleared = alertsNoLongerHolding(after, appointments, settings, current.alerts, now);
  const moved = after.areaId !== current.referral.areaId;
  const resolution = decision.alertResolution ?? {
    by: SERVICE_ACTOR,
    note: `No longer applies: ${decision.event.summary}`,
  };
  const area = (alert: AlertRecord) => (moved ? alertAreaMove(tenantId, alert, after.areaId) : {});
  const writes = [
    ...withdrawalWrites(tenantId, cleared, resolution, now, area),
    ...(moved
      ? current.alerts
          .filter((alert) => !cleared.includes(alert))
          .map((alert) => alertMoveWrite(tenantId, alert, area(alert), now))
      : []),
  ];
  const alerts = current.alerts.map((alert) => ({
    ...alert,
    ...(cleared.includes(alert) ? resolvedAs(resolution, now) : {}),
    areaId: after.areaId,
  }));
  return { alerts, writes };
}

export interface CaseContext {
  tenantId: string;
  current: CaseRecord;
  settings: PartnershipSettings;
  now: Date;
}

/** The referral version a request's optional `If-Match` names, read when it is needed. */
export type IfMatch = () => number | undefined;

export interface CaseChanged {
  referral: Referral;
  current: CaseRecord;
  decision: CaseDecision;
}

/**
 * Applies one decided change to a case already read: reads the partnership's settings, lets
 * `decide` apply the domain rules, then writes the referral (conditional on the version read),
 * the decision's own writes, its timeline event and the audit record in one transaction. The API's
 * case actions and the HMPPS event ingestion both change cases through this.
 */
export async function applyCaseChange(
  deps: CaseDeps,
  tenantId: string,
  actor: Actor,
  current: CaseRecord,
  decide: (context: CaseContext) => CaseDecision,
): Promise<CaseChanged> {
  const settings = (await getPartnership(deps.table, tenantId)).settings;
  const now = deps.clock();
  const context = { tenantId, current, settings, now };
  const decision = decide(context);
  const { personId, id: referralId } = current.referral;
  const { kind, summary, details } = decision.event;
  const alertsAfter = alertsAfterChange(context, decision, { ...current.referral, ...decision.changes });
  const referral = await commitCaseChange(
    deps.table,
    tenantId,
    current,
    decision.changes,
    decision.appointments ?? current.appointments,
    alertsAfter.alerts,
    settings,
    [
      ...(decision.writes ?? []),
      ...alertsAfter.writes,
      putItem(timelineItem(tenantId, referralId, kind, summary, actor, now, details)),
      putItem(auditItem(tenantId, { personId, action: 'update', ...decision.audited }, actor, now)),
    ],
    now,
  );
  return { referral, current, decision };
}

/**
 * A member's change to a case: reads it, checks the member covers its area and (when sent) that
 * `ifMatch` names the referral's version, then applies the change. `ifMatch` is read only once
 * the case is known to be the member's, so another area's case answers 404 whatever was sent.
 */
export async function changeCase(
  deps: CaseDeps,
  actor: Actor & { principal: MemberPrincipal },
  referralId: string,
  decide: (context: CaseContext) => CaseDecision,
  ifMatch?: IfMatch,
): Promise<CaseChanged> {
  const { tenantId } = actor.principal;
  const current = await loadCase(deps.table, tenantId, referralId);
  requireAreaOf(actor.principal, current.referral.areaId, 'referral');
  const expected = ifMatch?.();
  if (expected !== undefined && expected !== current.referral.version) {
    throw new VersionConflict(current.referral.version);
  }
  return applyCaseChange(deps, tenantId, actor, current, decide);
}
