import { FIELDS_OF_PATHWAY, type PathwayField } from '../../../../shared/domain/pathways.ts';
import type { Pathway } from '../../../../shared/domain/values.ts';
import type { TEST_RESULTS } from '../../../../shared/schemas/referral.ts';
import type { Referral } from '../../api/types.ts';
import type { FormField } from '../../forms/api-form.ts';
import { type DateParts, datePartsOf, EMPTY_DATE, readDate } from '../../forms/date-parts.ts';
import type { FieldError, FormSpec } from '../../forms/field-errors.ts';
import { parseWholeNumber } from '../../forms/numbers.ts';

/**
 * The facts of one pathway or a few (shared/domain/pathways.ts): the drug test on arrest, the
 * community resolution, the custody suite and the court order, as the referral form and the
 * case's change pages ask for them. Input ids follow the API's paths (`test.testedOn` →
 * `test-testedOn-day`, `order.reviewDates.0` → `order-reviewDates-0-day`), so the server's
 * field errors land on them.
 */

export type TestResult = (typeof TEST_RESULTS)[number];
export type CourtOrderBody = NonNullable<Referral['order']>;

/** The most review dates an order holds (shared/schemas/referral.ts). */
export const MAX_REVIEW_DATES = 36;
/** The id of the "Add another review date" button: an error about the list as a whole links to it. */
export const ADD_REVIEW_DATE_ID = 'order-reviewDates-add';

/** What is typed for a court order: numbers stay text, review dates one date input each. */
export interface OrderFormValues {
  madeOn: DateParts;
  months: string;
  court: string;
  reviewDates: DateParts[];
}

export interface TestFormValues {
  testedOn: DateParts;
  result: string;
}

/** The pathway fields a pathway has, and whether it must give each. */
export function pathwayFields(pathway: string): {
  has: (field: PathwayField) => boolean;
  requires: (field: PathwayField) => boolean;
} {
  const fields = FIELDS_OF_PATHWAY[pathway as Pathway];
  return {
    has: (field) => fields?.allowed.includes(field) ?? false,
    requires: (field) => fields?.required.includes(field) ?? false,
  };
}

export function emptyOrder(): OrderFormValues {
  return { madeOn: { ...EMPTY_DATE }, months: '', court: '', reviewDates: [] };
}

export function orderValuesOf(order: CourtOrderBody | undefined): OrderFormValues {
  if (!order) return emptyOrder();
  return {
    madeOn: datePartsOf(order.madeOn),
    months: String(order.months),
    court: order.court,
    reviewDates: order.reviewDates.map((date) => datePartsOf(date)),
  };
}

export function emptyTest(): TestFormValues {
  return { testedOn: { ...EMPTY_DATE }, result: '' };
}

export function testValuesOf(test: Referral['test']): TestFormValues {
  return test ? { testedOn: datePartsOf(test.testedOn), result: test.result } : emptyTest();
}

/** The label of review date `index` (from 0), as its legend and its errors name it. */
export const reviewDateLabel = (index: number): string => `Review date ${index + 1}`;

/** The form fields of the drug test, in page order. */
export const TEST_FIELDS: readonly FormField[] = [
  { path: 'test.testedOn', label: 'Date of the test', date: true },
  { path: 'test.result', label: 'Test result' },
];

/** The form fields of a court order with `reviewCount` review dates, in page order. */
export function orderFields(reviewCount: number): FormField[] {
  return [
    { path: 'order.madeOn', label: 'Date the order was made', date: true },
    { path: 'order.months', label: 'Length of the order' },
    { path: 'order.court', label: 'Court' },
    ...Array.from({ length: reviewCount }, (_, index) => ({
      path: `order.reviewDates.${index}`,
      label: reviewDateLabel(index),
      date: true,
    })),
  ];
}

/**
 * Adds the links of errors about a pathway fact as a whole (`test`, `order`, the list of review
 * dates) to a form's spec: each goes to the fact's first input.
 */
export function withPathwayAliases(spec: FormSpec, reviewCount: number): FormSpec {
  return {
    ...spec,
    aliases: {
      ...spec.aliases,
      test: 'test-testedOn-day',
      order: 'order-madeOn-day',
      'order.reviewDates': reviewCount > 0 ? 'order-reviewDates-0-day' : ADD_REVIEW_DATE_ID,
    },
  };
}

/** Reads the drug test; when `required`, an empty test is an error. */
export function readTest(
  values: TestFormValues,
  required: boolean,
): { value?: { testedOn: string; result: TestResult }; errors: FieldError[] } {
  const empty =
    values.result === '' && !`${values.testedOn.day}${values.testedOn.month}${values.testedOn.year}`.trim();
  if (empty && !required) return { errors: [] };
  const errors: FieldError[] = [];
  const testedOn = readDate(values.testedOn, {
    id: 'test-testedOn',
    label: 'Date of the test',
    emptyMessage: 'Enter the date of the drug test',
  });
  if (testedOn.error) errors.push(testedOn.error);
  if (values.result === '')
    errors.push({ field: 'test-result', message: 'Select what the test was positive for' });
  if (errors.length > 0 || !testedOn.value) return { errors };
  return { value: { testedOn: testedOn.value, result: values.result as TestResult }, errors };
}

/** Reads the court order: its date, length and court, and each review date typed (empty ones left out). */
export function readOrder(values: OrderFormValues): { value?: CourtOrderBody; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const madeOn = readDate(values.madeOn, {
    id: 'order-madeOn',
    label: 'Date the order was made',
    emptyMessage: 'Enter the date the order was made',
  });
  if (madeOn.error) errors.push(madeOn.error);
  const months = parseWholeNumber(values.months);
  if (values.months.trim() === '') {
    errors.push({ field: 'order-months', message: 'Enter the length of the order in months' });
  } else if (months === undefined || months < 1 || months > 36) {
    errors.push({
      field: 'order-months',
      message: 'Length of the order must be a whole number of months from 1 to 36',
    });
  }
  const court = values.court.trim();
  if (court === '') errors.push({ field: 'order-court', message: 'Enter the court that made the order' });
  else if (court.length > 120) {
    errors.push({ field: 'order-court', message: 'Court must be 120 characters or fewer' });
  }
  // Sent in the order typed, each one, so the server's `order.reviewDates.N` is the Nth date input.
  const reviewDates: string[] = [];
  values.reviewDates.forEach((parts, index) => {
    const label = reviewDateLabel(index);
    const read = readDate(parts, {
      id: `order-reviewDates-${index}`,
      label,
      emptyMessage: `Enter ${label.toLowerCase()}, or remove it`,
    });
    const field = `order-reviewDates-${index}-day`;
    if (read.error) errors.push(read.error);
    else if (read.value && reviewDates.includes(read.value)) {
      errors.push({ field, message: `${label} is the same as another review date` });
    } else if (read.value && madeOn.value && read.value < madeOn.value) {
      errors.push({ field, message: `${label} must be on or after the date the order was made` });
    }
    reviewDates.push(read.value ?? '');
  });
  if (errors.length > 0 || !madeOn.value || months === undefined) return { errors };
  return { value: { madeOn: madeOn.value, months, court, reviewDates }, errors };
}

/** The next court review on or after `today`, if any. */
export function nextReview(order: CourtOrderBody, today: string): string | undefined {
  return [...order.reviewDates].sort().find((date) => date >= today);
}
