import { assumedRoleTables } from '../../../shared/adapters/tenant-tables.ts';
import { featureFunction } from '../feature-function.ts';
import * as registers from '../handlers/registers.ts';
import { routes } from '../routes/registers.ts';

/** The registers places are named from: the prisons of England and Wales, and the partnership's custody suites. */
export const handler = featureFunction(routes, registers, { tenantTables: assumedRoleTables });
