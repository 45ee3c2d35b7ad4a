import { defineFeature } from '../../../shared/http/route-def.ts';
import {
  AcknowledgeBody,
  AlertCounts,
  AlertId,
  AlertSchema,
  AlertsQuery,
  ResolveBody,
} from '../../../shared/schemas/alert.ts';
import { listOf } from '../../../shared/schemas/common.ts';
import * as z from '../../../shared/schemas/zod.ts';
import { AUDITED_READ, CASE_CHANGE, CASE_STAFF } from './common.ts';

const alertParams = z.object({ alertId: AlertId });

/** Alerts of the caller's areas: the list, the counts, acknowledging and resolving. */
export const routes = defineFeature('alerts', {
  listAlerts: {
    method: 'GET',
    path: '/alerts',
    roles: CASE_STAFF,
    summary: 'Alerts in your areas, open first',
    query: AlertsQuery,
    response: listOf(AlertSchema),
    // The alerts of each area are one GSI1 partition; the people (and, for older alerts, their
    // referrals) in batch reads; the audit records of the names read.
    access: { table: ['BatchGetItem', ...AUDITED_READ], indexes: ['GSI1'] },
  },
  getAlertCounts: {
    method: 'GET',
    path: '/alerts/counts',
    roles: CASE_STAFF,
    summary: 'Open and acknowledged alerts in your areas',
    response: AlertCounts,
    access: { indexes: ['GSI1'] },
  },
  acknowledgeAlert: {
    method: 'POST',
    path: '/alerts/{alertId}/acknowledge',
    roles: CASE_STAFF,
    summary: 'Acknowledge an alert',
    params: alertParams,
    body: AcknowledgeBody,
    response: AlertSchema,
    // The alert, its case and settings, then its update, timeline event and the case's refreshed
    // next action in one transaction.
    access: { table: CASE_CHANGE },
  },
  resolveAlert: {
    method: 'POST',
    path: '/alerts/{alertId}/resolve',
    roles: CASE_STAFF,
    summary: 'Resolve an alert with a note',
    params: alertParams,
    body: ResolveBody,
    response: AlertSchema,
    access: { table: CASE_CHANGE },
  },
});
