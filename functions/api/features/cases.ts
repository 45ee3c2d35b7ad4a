import { eventBridgeBus } from '../../../shared/adapters/publisher-eventbridge.ts';
import { featureFunction } from '../feature-function.ts';
import * as audit from '../handlers/audit.ts';
import * as caseActions from '../handlers/case-actions.ts';
import * as people from '../handlers/people.ts';
import * as referrals from '../handlers/referrals.ts';
import { routes } from '../routes/cases.ts';

/** People, their cases and everything recorded on a case; a missed first appointment publishes its alert. */
export const handler = featureFunction(
  routes,
  { ...people, ...referrals, ...caseActions, ...audit },
  { publisher: eventBridgeBus },
);
