import { isPrisonPathway } from '../../../../shared/domain/pathways.ts';
import { PATHWAYS } from '../../../../shared/domain/values.ts';
import { CreateReferralBody } from '../../../../shared/schemas/referral.ts';
import type { CreateReferralInput } from '../../api/types.ts';
import { todayInLondon } from '../../format/dates.ts';
import { apiFormSpec, inPageOrder } from '../../forms/api-form.ts';
import { type DateParts, EMPTY_DATE, readDate } from '../../forms/date-parts.ts';
import { type FieldError, type FormSpec, fieldErrors, zodMessages } from '../../forms/field-errors.ts';
import {
  emptyOrder,
  emptyTest,
  type OrderFormValues,
  orderFields,
  pathwayFields,
  readOrder,
  readTest,
  TEST_FIELDS,
  type TestFormValues,
  withPathwayAliases,
} from './pathway-form.ts';

/**
 * The pathways a new referral can be on. Through the Gate is kept for old records only: a new
 * one is a continuity-of-care referral on the Through the Gate programme.
 */
export const NEW_REFERRAL_PATHWAYS = PATHWAYS.filter((pathway) => pathway !== 'through_the_gate');

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
  programmes: string[];
  /** The pathway's own facts, asked under its radio. */
  test: TestFormValues;
  communityResolutionOn: DateParts;
  custodySuiteId: string;
  order: OrderFormValues;
}

/** Field ids (from the API's paths) and labels, in page order, for a form with `reviewCount` review dates. */
export function referralFormSpec(reviewCount: number): FormSpec {
  return withPathwayAliases(
    apiFormSpec([
      { path: 'pathway', label: 'Pathway' },
      { path: 'expectedReleaseOn', label: 'Expected release date', date: true },
      ...TEST_FIELDS,
      { path: 'communityResolutionOn', label: 'Date of the community resolution', date: true },
      { path: 'custodySuiteId', label: 'Custody suite' },
      ...orderFields(reviewCount),
      { path: 'areaId', label: 'Area' },
      { path: 'source', label: 'Referred from' },
      { path: 'referredOn', label: 'Referral date', date: true },
      { path: 'programmes', label: 'Programmes' },
      { path: 'assignedTo', label: 'Assigned to' },
    ]),
    reviewCount,
  );
}

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
    programmes: [],
    test: emptyTest(),
    communityResolutionOn: { ...EMPTY_DATE },
    custodySuiteId: '',
    order: emptyOrder(),
  };
}

/** The chosen pathway's own facts as the body takes them (only that pathway's), or their errors. */
function pathwayDetails(values: ReferralFormValues): {
  details: Partial<CreateReferralInput>;
  errors: FieldError[];
} {
  const { has, requires } = pathwayFields(values.pathway);
  const details: Partial<CreateReferralInput> = {};
  const errors: FieldError[] = [];
  if (has('test')) {
    const test = readTest(values.test, requires('test'));
    errors.push(...test.errors);
    if (test.value) details.test = test.value;
  }
  if (has('communityResolutionOn')) {
    const on = readDate(
      values.communityResolutionOn,
      {
        id: 'communityResolutionOn',
        label: 'Date of the community resolution',
        emptyMessage: 'Enter the date of the community resolution',
      },
      requires('communityResolutionOn'),
    );
    if (on.error) errors.push(on.error);
    if (on.value) details.communityResolutionOn = on.value;
  }
  if (has('custodySuiteId')) {
    if (values.custodySuiteId) details.custodySuiteId = values.custodySuiteId;
    else if (requires('custodySuiteId')) {
      errors.push({ field: 'custodySuiteId', message: 'Select the custody suite' });
    }
  }
  if (has('order')) {
    const order = readOrder(values.order);
    errors.push(...order.errors);
    if (order.value) details.order = order.value;
  }
  return { details, errors };
}

/** Checks the typed values and builds the `POST /people/{id}/referrals` body, or answers every problem. */
export function referralBody(
  values: ReferralFormValues,
  myMemberId: string | undefined,
  today: string = todayInLondon(),
): { body: CreateReferralInput; errors?: undefined } | { errors: FieldError[] } {
  const spec = referralFormSpec(values.order.reviewDates.length);
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
  const pathway = pathwayDetails(values);
  const assignedTo = values.assignToMe.length > 0 ? myMemberId : values.assignedTo || undefined;
  const candidate = {
    pathway: values.pathway,
    areaId: values.areaId,
    source: values.source,
    referredOn: referredOn.value ?? '',
    ...(expected.value ? { expectedReleaseOn: expected.value } : {}),
    ...(assignedTo ? { assignedTo } : {}),
    ...(values.programmes.length > 0 ? { programmes: values.programmes } : {}),
    ...pathway.details,
  };
  const parsed = CreateReferralBody.safeParse(candidate);
  const messages = parsed.success ? {} : zodMessages(parsed.error);
  delete messages.referredOn;
  if (values.pathway === '') messages.pathway = 'Select the pathway';
  if (values.areaId === '') messages.areaId = 'Select the area';
  if (values.source.trim() === '') messages.source = 'Enter where the referral came from';
  const errors = [...fieldErrors(messages, spec), ...pathway.errors];
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
  if (errors.length > 0 || !parsed.success) return { errors: inPageOrder(errors, spec) };
  return { body: parsed.data };
}
