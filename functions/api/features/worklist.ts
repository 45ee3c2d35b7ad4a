import { assumedRoleTables } from '../../../shared/adapters/tenant-tables.ts';
import { featureFunction } from '../feature-function.ts';
import * as worklist from '../handlers/worklist.ts';
import { routes } from '../routes/worklist.ts';

/** The worklist and the caseload: the lists staff work from. */
export const handler = featureFunction(routes, worklist, { tenantTables: assumedRoleTables });
