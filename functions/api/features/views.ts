import { assumedRoleTables } from '../../../shared/adapters/tenant-tables.ts';
import { featureFunction } from '../feature-function.ts';
import * as views from '../handlers/views.ts';
import { routes } from '../routes/views.ts';

/** What staff read cases through: the worklist, the caseload, a case and its timeline. */
export const handler = featureFunction(routes, views, { tenantTables: assumedRoleTables });
