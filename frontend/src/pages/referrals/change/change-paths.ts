import { casePath } from '../CaseActionPage.tsx';

/** The facts of a case that can be corrected, each by its own question page. */
export const CHANGE_FACTS = [
  'source',
  'assignee',
  'expected-release',
  'area',
  'programmes',
  'release-date',
  'treatment-start',
  'test',
  'community-resolution',
  'custody-suite',
  'order',
] as const;
export type ChangeFact = (typeof CHANGE_FACTS)[number];

/** The address of the page that changes one fact of a case. */
export const changePath = (referralId: string, fact: ChangeFact): string =>
  `${casePath(referralId)}/change/${fact}`;
