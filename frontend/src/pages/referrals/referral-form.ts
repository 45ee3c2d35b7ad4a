import { isPrisonPathway } from '../../../../shared/domain/pathways.ts';
import { CreateReferralBody } from '../../../../shared/schemas/referral.ts';
import type { CreateReferralInput } from '../../api/types.ts';
import { todayInLondon } from '../../format/dates.ts';
import { apiFormSpec, inPageOrder } from '../../forms/api-form.ts';
import { type DateParts, EMPTY_DATE, readDate } from '../../forms/date-parts.ts';
import { type FieldError, fieldErrors, zodMessages } from '../../forms/field-errors.ts';

/** What staff choose and type for a new referral. */
export interface ReferralFormValues {
  pathway: string;
  areaId: string;
  source: string;
  referredOn: DateParts;
  expectedReleaseOn: DateParts;
  /** A manager picks a member; a caseworker may tick "assign to me" (their own member id). */
  assignedTo: string;
  assignToMe: string[];
}

/** Field ids (from the API's paths) and labels, in page order. */
export const REFERRAL_FORM = apiFormSpec([
  { path: 'pathway', label: 'Pathway' },
  { path: 'expectedReleaseOn', label: 'Expected release date', date: true },
  { path: 'areaId', label: 'Area' },
  { path: 'source', label: 'Referred from' },
  { path: 'referredOn', label: 'Referral date', date: true },
  { path: 'assignedTo', label: 'Assigned to' },
]);

/** Empty values, in the person's area when the user covers it. */
export function newReferralValues(areaId: string): ReferralFormValues {
  return {
    pathway: '',
    areaId,
    source: '',
    referredOn: { ...EMPTY_DATE },
    expectedReleaseOn: { ...EMPTY_DATE },
    assignedTo: '',
    assignToMe: [],
  };
}

/** Checks the typed values and builds the `POST /people/{id}/referrals` body, or answers every problem. */
export function referralBody(
  values: ReferralFormValues,
  myMemberId: string | undefined,
  today: string = todayInLondon(),
): { body: CreateReferralInput; errors?: undefined } | { errors: FieldError[] } {
  const prison = isPrisonPathway(values.pathway);
  const referredOn = readDate(values.referredOn, {
    id: 'referredOn',
    label: 'Referral date',
    emptyMessage: 'Enter the date of the referral',
  });
  const expected = prison
    ? readDate(
        values.expectedReleaseOn,
        {
          id: 'expectedReleaseOn',
          label: 'Expected release date',
          emptyMessage: 'Enter the expected release date',
        },
        false,
      )
    : {};
  const assignedTo = values.assignToMe.length > 0 ? myMemberId : values.assignedTo || undefined;
  const candidate = {
    pathway: values.pathway,
    areaId: values.areaId,
    source: values.source,
    referredOn: referredOn.value ?? '',
    ...(expected.value ? { expectedReleaseOn: expected.value } : {}),
    ...(assignedTo ? { assignedTo } : {}),
  };
  const parsed = CreateReferralBody.safeParse(candidate);
  const messages = parsed.success ? {} : zodMessages(parsed.error);
  delete messages.referredOn;
  if (values.pathway === '') messages.pathway = 'Select the pathway';
  if (values.areaId === '') messages.areaId = 'Select the area';
  if (values.source.trim() === '') messages.source = 'Enter where the referral came from';
  const errors = fieldErrors(messages, REFERRAL_FORM);
  if (referredOn.error) errors.push(referredOn.error);
  else if (referredOn.value && referredOn.value > today) {
    errors.push({ field: 'referredOn-day', message: 'Referral date must be today or in the past' });
  }
  if (expected.error) errors.push(expected.error);
  else if (expected.value && referredOn.value && expected.value < referredOn.value) {
    errors.push({
      field: 'expectedReleaseOn-day',
      message: 'Expected release date must be on or after the referral date',
    });
  }
  if (errors.length > 0 || !parsed.success) return { errors: inPageOrder(errors, REFERRAL_FORM) };
  return { body: parsed.data };
}
