import { eventBridgeBus } from '../../../shared/adapters/publisher-eventbridge.ts';
import { assumedRoleTables } from '../../../shared/adapters/tenant-tables.ts';
import { featureFunction } from '../feature-function.ts';
import * as caseActions from '../handlers/case-actions.ts';
import * as referrals from '../handlers/referrals.ts';
import { routes } from '../routes/cases.ts';

/** Referrals, the caseload, a case and everything recorded on it; a missed first appointment publishes its alert. */
export const handler = featureFunction(
  routes,
  { ...referrals, ...caseActions },
  { publisher: eventBridgeBus, tenantTables: assumedRoleTables },
);
