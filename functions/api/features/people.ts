import { assumedRoleTables } from '../../../shared/adapters/tenant-tables.ts';
import { featureFunction } from '../feature-function.ts';
import * as audit from '../handlers/audit.ts';
import * as people from '../handlers/people.ts';
import { routes } from '../routes/people.ts';

/** Finding, adding and changing people, and the audit of who read or changed their records. */
export const handler = featureFunction(routes, { ...people, ...audit }, { tenantTables: assumedRoleTables });
