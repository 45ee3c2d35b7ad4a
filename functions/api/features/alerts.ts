import { assumedRoleTables } from '../../../shared/adapters/tenant-tables.ts';
import { featureFunction } from '../feature-function.ts';
import * as alerts from '../handlers/alerts.ts';
import { routes } from '../routes/alerts.ts';

/** Alerts of the caller's areas: the list, the counts, acknowledging and resolving. */
export const handler = featureFunction(routes, alerts, { tenantTables: assumedRoleTables });
