import { cognitoIdentity } from '../../../shared/adapters/identity-cognito.ts';
import { featureFunction } from '../feature-function.ts';
import * as admin from '../handlers/admin.ts';
import { routes } from '../routes/admin.ts';

/** The operator's partnership administration: create, list, export, offboard, and its audit. */
export const handler = featureFunction(routes, admin, { identity: cognitoIdentity });
