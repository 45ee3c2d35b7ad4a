import { eventBridgeBus } from '../../../shared/adapters/publisher-eventbridge.ts';
import { assumedRoleTables } from '../../../shared/adapters/tenant-tables.ts';
import { featureFunction } from '../feature-function.ts';
import * as imports from '../handlers/imports.ts';
import { routes } from '../routes/imports.ts';

/** Release list uploads, checked whole and queued on the bus for the import worker. */
export const handler = featureFunction(routes, imports, {
  publisher: eventBridgeBus,
  tenantTables: assumedRoleTables,
});
