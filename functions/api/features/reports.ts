import { assumedRoleTables } from '../../../shared/adapters/tenant-tables.ts';
import { featureFunction } from '../feature-function.ts';
import * as reports from '../handlers/reports.ts';
import { routes } from '../routes/reports.ts';

/** The aggregated reports: continuity of care, time to engagement, establishments, pathways. */
export const handler = featureFunction(routes, reports, { tenantTables: assumedRoleTables });
