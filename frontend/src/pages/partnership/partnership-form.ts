import {
  ALERT_TIMINGS,
  type AlertTimingSetting,
  byTimingSetting,
} from '../../../../shared/domain/alert-catalogue.ts';
import { PartnershipName, SETTING_BOUNDS } from '../../../../shared/schemas/partnership.ts';
import type { Partnership, UpdatePartnershipInput } from '../../api/types.ts';
import type { FieldError, FormSpec } from '../../forms/field-errors.ts';
import { parseDecimal, parseWholeNumber } from '../../forms/numbers.ts';
import { plural } from './describe-settings.ts';

/** What the chair types; numbers stay text until submitted so nothing typed is lost. */
export type PartnershipFormValues = {
  name: string;
  engagementWindowDays: string;
  targetPercent: string;
  suppressSmallNumbers: '' | 'yes' | 'no';
} & Record<AlertTimingSetting, string>;

interface WholeNumberField {
  key: keyof PartnershipFormValues;
  id: string;
  label: string;
  unit: string;
  /** The range the API's schema allows. */
  bounds: { min: number; max: number };
}

/** The whole-number settings, with the bounds the API's schema sets. */
export const WHOLE_NUMBER_FIELDS: readonly WholeNumberField[] = [
  {
    key: 'engagementWindowDays',
    id: 'settings-engagementWindowDays',
    label: 'Engagement window',
    unit: 'day',
    bounds: SETTING_BOUNDS.engagementWindowDays,
  },
  // Each alert rule's timing, as the alert catalogue names and bounds it.
  ...ALERT_TIMINGS.map(({ setting, label, unit }) => ({
    key: setting,
    id: `settings-alertRules-${setting}`,
    label,
    unit,
    bounds: SETTING_BOUNDS[setting],
  })),
];

const TARGET_MESSAGE = 'Target rate must be a percentage from 0 to 100, like 75';

function wholeNumberMessage(field: WholeNumberField): string {
  const { min, max } = field.bounds;
  return `${field.label} must be a whole number of ${plural(2, field.unit)} from ${min} to ${max}`;
}

/** The engagement-at-risk warning must come before the window closes, or it could never fire first. */
function atRiskMessage(windowDays: number | undefined): string {
  return `Engagement at risk on day must be before the end of the engagement window${windowDays ? ` (day ${windowDays})` : ''}`;
}

/** Field ids and labels in page order; server messages about numbers are reworded to the form's units. */
export const PARTNERSHIP_FORM: FormSpec = {
  fields: [
    { id: 'name', label: 'Partnership name' },
    { id: 'settings-engagementWindowDays', label: 'Engagement window' },
    { id: 'settings-targetRate', label: 'Target rate' },
    { id: 'settings-suppressSmallNumbers', label: 'Small-number suppression' },
    ...WHOLE_NUMBER_FIELDS.filter((field) => field.key !== 'engagementWindowDays').map(({ id, label }) => ({
      id,
      label,
    })),
  ],
  describe: (path, message) => {
    if (path === 'settings.targetRate') return TARGET_MESSAGE;
    // The API also checks the day against the window (shared/domain/partnership-rules.ts).
    if (path === 'settings.alertRules.engagementAtRiskDay' && /engagement window/.test(message)) {
      const window = /window of (\d+)/.exec(message)?.[1];
      return atRiskMessage(window ? Number(window) : undefined);
    }
    const field = WHOLE_NUMBER_FIELDS.find((candidate) => candidate.id === path.replaceAll('.', '-'));
    return field ? wholeNumberMessage(field) : undefined;
  },
};

/** The form's starting values from the stored partnership. */
export function partnershipFormValues(partnership: Partnership): PartnershipFormValues {
  const { settings } = partnership;
  return {
    name: partnership.name,
    engagementWindowDays: String(settings.engagementWindowDays),
    targetPercent: String(Number((settings.targetRate * 100).toFixed(2))),
    suppressSmallNumbers: settings.suppressSmallNumbers ? 'yes' : 'no',
    ...byTimingSetting(({ setting }) => String(settings.alertRules[setting])),
  };
}

/** Checks the typed values and builds the `PATCH /partnership` body, or answers the errors. */
export function partnershipBody(
  values: PartnershipFormValues,
): { body: UpdatePartnershipInput; errors?: undefined } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = PartnershipName.safeParse(values.name);
  if (!name.success) {
    errors.push({
      field: 'name',
      message:
        values.name.trim() === ''
          ? 'Enter the partnership name'
          : `Partnership name ${name.error.issues[0]?.message}`,
    });
  }
  const numbers: Partial<Record<keyof PartnershipFormValues, number>> = {};
  for (const field of WHOLE_NUMBER_FIELDS) {
    const value = parseWholeNumber(values[field.key]);
    if (value === undefined || value < field.bounds.min || value > field.bounds.max) {
      errors.push({ field: field.id, message: wholeNumberMessage(field) });
    } else {
      numbers[field.key] = value;
    }
  }
  const { engagementAtRiskDay, engagementWindowDays } = numbers;
  if (
    engagementAtRiskDay !== undefined &&
    engagementWindowDays !== undefined &&
    engagementAtRiskDay >= engagementWindowDays
  ) {
    errors.push({
      field: 'settings-alertRules-engagementAtRiskDay',
      message: atRiskMessage(engagementWindowDays),
    });
  }
  const percent = parseDecimal(values.targetPercent);
  if (percent === undefined || percent > 100)
    errors.push({ field: 'settings-targetRate', message: TARGET_MESSAGE });
  if (values.suppressSmallNumbers === '') {
    errors.push({
      field: 'settings-suppressSmallNumbers',
      message: 'Select whether to hide small numbers in reports',
    });
  }
  if (errors.length > 0) {
    const order = PARTNERSHIP_FORM.fields.map((field) => field.id);
    return { errors: errors.sort((a, b) => order.indexOf(a.field ?? '') - order.indexOf(b.field ?? '')) };
  }
  return {
    body: {
      name: values.name.trim(),
      settings: {
        engagementWindowDays: numbers.engagementWindowDays,
        targetRate: Number(((percent ?? 0) / 100).toFixed(4)),
        suppressSmallNumbers: values.suppressSmallNumbers === 'yes',
        alertRules: byTimingSetting(({ setting }) => numbers[setting]),
      },
    },
  };
}
