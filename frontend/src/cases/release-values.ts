/**
 * The release work's values as the web app offers them: the API's own lists (so a radio can
 * never offer what the API refuses), under the names the pages use.
 */

/** The programmes the service names for a partnership to choose from (API.md "Criminal-justice pathways"). */
export { KNOWN_PROGRAMMES } from '../../../shared/domain/values.ts';
export { RISK_FLAGS } from '../../../shared/domain/worklist.ts';
export { CONTACT_METHODS, CONTACT_OUTCOMES, CONTACT_STAGES } from '../../../shared/schemas/contact.ts';
/** The worklist's tabs and the caseload's "my cases" filter (`assignee=`). */
export { ASSIGNEE_FILTERS as WORKLIST_TABS } from '../../../shared/schemas/referral.ts';
export type { PlanFact as PlanAnswerField } from '../../../shared/schemas/release-plan.ts';
export {
  ACCOMMODATION as ACCOMMODATIONS,
  PLAN_FACTS as PLAN_ANSWERS,
} from '../../../shared/schemas/release-plan.ts';
