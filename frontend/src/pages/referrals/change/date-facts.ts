import type { CaseRecord } from '../../../api/types.ts';
import { formatDate } from '../../../format/dates.ts';

/** A dated fact of a case that can be corrected, and what its page says. */
export interface DateFact {
  title: string;
  /** The `PATCH /referrals/{id}` field, and the date input's id. */
  path: 'expectedReleaseOn' | 'releasedOn' | 'engagedOn' | 'communityResolutionOn';
  legend: string;
  hint: string;
  /** A recorded fact asks why it is corrected: the timeline keeps the reason with both dates. */
  needsReason: boolean;
  /** Said when the date is left empty; without it, an empty date clears the fact (`null`). */
  emptyMessage?: string;
  current: (record: CaseRecord) => string | undefined;
  flash: (date: string | null) => string;
}

export const EXPECTED_RELEASE: DateFact = {
  title: 'Change expected release date',
  path: 'expectedReleaseOn',
  legend: 'Expected release date',
  hint: 'Leave it empty if the date is no longer known. For example, 14 3 2026',
  needsReason: false,
  current: (record) => record.expectedReleaseOn,
  flash: (date) =>
    date ? `Expected release date changed to ${formatDate(date)}` : 'Expected release date removed',
};

export const RELEASE_DATE: DateFact = {
  title: 'Correct the release date',
  path: 'releasedOn',
  legend: 'Date of release',
  hint: 'For example, 14 3 2026',
  needsReason: true,
  emptyMessage: 'Enter the date they were released',
  current: (record) => record.releasedOn,
  flash: (date) => `Release date corrected to ${formatDate(date ?? '')}`,
};

export const TREATMENT_START: DateFact = {
  title: 'Correct the treatment start',
  path: 'engagedOn',
  legend: 'Date treatment started',
  hint: 'The date of the first structured treatment session. For example, 14 3 2026',
  needsReason: true,
  emptyMessage: 'Enter the date treatment started',
  current: (record) => record.engagedOn,
  flash: (date) => `Treatment start corrected to ${formatDate(date ?? '')}`,
};

export const COMMUNITY_RESOLUTION: DateFact = {
  title: 'Change the community resolution date',
  path: 'communityResolutionOn',
  legend: 'Date of the community resolution',
  hint: 'The day the police gave the community resolution. For example, 14 3 2026',
  needsReason: false,
  emptyMessage: 'Enter the date of the community resolution',
  current: (record) => record.communityResolutionOn,
  flash: (date) => `Community resolution date changed to ${formatDate(date ?? '')}`,
};
