import type { ReportFilters } from '../../api/types.ts';
import type { Choice } from '../../components/ChoiceList.tsx';
import type { FieldError } from '../../forms/field-errors.ts';
import { addMonths, formatMonth, monthSpan } from './report-format.ts';

/**
 * The dashboard's filters as they sit in the address (`?areaId=&from=&to=&programme=&custodySuiteId=`),
 * '' where none is set. The custody suite applies to the other pathways' tables only.
 */
export interface ReportFilterValues {
  areaId: string;
  from: string;
  to: string;
  programme: string;
  custodySuiteId: string;
}

const FILTER_NAMES = ['areaId', 'from', 'to', 'programme', 'custodySuiteId'] as const;

/** The longest period the API reports on at once (shared/reports/report-scope.ts). */
export const MAX_MONTHS = 36;
/** How far back the month choices go. */
const MONTHS_OFFERED = 72;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The filters in the address; a month that is not `YYYY-MM` is left out. */
export function reportFiltersFrom(params: URLSearchParams): ReportFilterValues {
  const month = (name: string) => {
    const value = params.get(name) ?? '';
    return MONTH.test(value) ? value : '';
  };
  return {
    areaId: params.get('areaId') ?? '',
    from: month('from'),
    to: month('to'),
    programme: params.get('programme') ?? '',
    custodySuiteId: params.get('custodySuiteId') ?? '',
  };
}

/** The address's query for the chosen filters (empty ones left out). */
export function reportParams(values: ReportFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (values[name]) params.set(name, values[name]);
  return params;
}

/**
 * The reports' API query for the chosen filters; without months the API reports the last 12. The
 * custody suite is left out: only the pathways report takes it (`pathwayQuery`).
 */
export function reportQuery(values: ReportFilterValues): ReportFilters {
  const query: ReportFilters = {};
  if (values.areaId) query.areaId = values.areaId;
  if (values.from) query.from = values.from;
  if (values.to) query.to = values.to;
  if (values.programme) query.programme = values.programme;
  return query;
}

/** The pathways report's query: the reports' own, and the custody suite. */
export function pathwayQuery(values: ReportFilterValues): ReportFilters {
  const query = reportQuery(values);
  if (values.custodySuiteId) query.custodySuiteId = values.custodySuiteId;
  return query;
}

/** Month choices, newest first, ending at `latest` (the later of this month and any chosen). */
export function monthChoices(latest: string): Choice[] {
  return Array.from({ length: MONTHS_OFFERED }, (_, index) => {
    const month = addMonths(latest, -index);
    return { value: month, label: formatMonth(month) };
  });
}

/** What is wrong with the chosen period, linked to the month to change. */
export function periodErrors(values: ReportFilterValues): FieldError[] {
  if (!values.from || !values.to) return [];
  if (values.from > values.to) {
    return [{ field: 'from', message: 'The first month must be the same as or before the last month' }];
  }
  if (monthSpan(values.from, values.to) > MAX_MONTHS) {
    return [{ field: 'from', message: `The period must be ${MAX_MONTHS} months or shorter` }];
  }
  return [];
}
