import { assumedRoleTables } from '../../../shared/adapters/tenant-tables.ts';
import { featureFunction } from '../feature-function.ts';
import * as casework from '../handlers/casework.ts';
import { routes } from '../routes/casework.ts';

/** Work on a case: assigning, correcting, moving, planning the release and logging contacts. */
export const handler = featureFunction(routes, casework, { tenantTables: assumedRoleTables });
