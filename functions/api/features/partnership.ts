import { cognitoIdentity } from '../../../shared/adapters/identity-cognito.ts';
import { assumedRoleTables } from '../../../shared/adapters/tenant-tables.ts';
import { featureFunction } from '../feature-function.ts';
import * as areas from '../handlers/areas.ts';
import * as members from '../handlers/members.ts';
import * as partnership from '../handlers/partnership.ts';
import { routes } from '../routes/partnership.ts';

/** The signed-in user, the partnership's settings, its areas and members (who are invited in Cognito). */
export const handler = featureFunction(
  routes,
  { ...partnership, ...areas, ...members },
  { identity: cognitoIdentity, tenantTables: assumedRoleTables },
);
