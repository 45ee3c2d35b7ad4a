import { assumedRoleTables } from '../../../shared/adapters/tenant-tables.ts';
import { featureFunction } from '../feature-function.ts';
import * as plans from '../handlers/plans.ts';
import { routes } from '../routes/plans.ts';

/** Release plans and contacts: the work before and after a release. */
export const handler = featureFunction(routes, plans, { tenantTables: assumedRoleTables });
