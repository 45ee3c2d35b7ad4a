import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Area, MeInfo } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { programmeName } from '../../cases/labels.ts';
import { areaName, myAreas } from '../../cases/my-areas.ts';
import { loadCustodySuites, loadPrisonNamer } from '../../cases/registers.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { todayInLondon } from '../../format/dates.ts';
import type { FieldError } from '../../forms/field-errors.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { EstablishmentSection } from './EstablishmentSection.tsx';
import { MonthlyRates } from './MonthlyRates.tsx';
import { PathwaySection } from './PathwaySection.tsx';
import { ReportFiltersForm } from './ReportFiltersForm.tsx';
import {
  pathwayQuery,
  periodErrors,
  reportFiltersFrom,
  reportParams,
  reportQuery,
} from './report-filters.ts';
import { formatMonth, formatRate } from './report-format.ts';
import { TimeToEngagementSection } from './TimeToEngagementSection.tsx';

const TITLE = 'Continuity of care';
/** The drug strategy's ambition for the measure (DOMAIN.md). */
const NATIONAL_AMBITION = 0.75;

/** The areas a role reports on: a manager their own, a chair or analyst the whole partnership. */
function reportAreas(areas: readonly Area[], me: MeInfo | undefined): Area[] {
  return me?.role === 'manager' ? myAreas(areas, me) : [...areas];
}

/** What the measure is, and the target the chart's dashed line shows (once the report says what they are). */
function MeasureIntro({ windowDays, target }: { windowDays?: number; target?: number }) {
  return (
    <p className="govuk-body">
      The share of people released from prison with a treatment need who start community treatment within{' '}
      {windowDays ? `${windowDays} days of release` : 'the engagement window after release'}. It counts a
      recorded treatment start, not a booked appointment. The national ambition is{' '}
      {formatRate(NATIONAL_AMBITION)}
      {target === undefined
        ? '.'
        : target === NATIONAL_AMBITION
          ? ', and it is your partnership’s target.'
          : `; your partnership’s target is ${formatRate(target)}.`}
    </p>
  );
}

/**
 * `/reports`: the board's dashboard. The continuity-of-care rate by release month against the
 * target (chart and table), time to engagement, the rate by prison and the other pathways.
 */
export function ReportsPage() {
  const { api, me } = useSession();
  const [params, setParams] = useSearchParams();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failures, setFailures] = useState(0);
  usePageTitle(TITLE, errors.length > 0);
  const applied = reportFiltersFrom(params);
  const filters = reportQuery(applied);
  const pathwayFilters = pathwayQuery(applied);
  const loaded = useLoad(
    () =>
      Promise.all([
        api.continuityReport(filters),
        api.timeToEngagement(filters),
        api.establishmentReport(filters),
        api.pathwayReport(pathwayFilters),
        api.allAreas(),
        // For the filters and the prisons' names: the reports show without them.
        api.getPartnership().then(
          (partnership) => partnership.settings.programmes,
          () => [] as string[],
        ),
        loadCustodySuites(api),
        loadPrisonNamer(api),
      ]),
    [api, JSON.stringify(pathwayFilters)],
  );
  const wholeLabel = me?.role === 'manager' ? 'All your areas' : 'Whole partnership';
  return (
    <LoadFrame loaded={loaded} heading={TITLE} intro={<MeasureIntro />}>
      {([continuity, timing, establishments, pathways, allAreas, programmes, suites, prisonName]) => {
        const areas = reportAreas(allAreas, me);
        const thisMonth = todayInLondon().slice(0, 7);
        const latestMonth = [thisMonth, continuity.to].sort().at(-1) as string;
        const onApply = (values: typeof applied) => {
          const problems = periodErrors(values);
          setErrors(problems);
          if (problems.length > 0) {
            setFailures((count) => count + 1);
            return;
          }
          setParams(reportParams(values));
        };

        return (
          <>
            <ErrorSummary errors={errors} focusKey={failures} />
            <PageHeading>{TITLE}</PageHeading>
            <MeasureIntro windowDays={continuity.windowDays} target={continuity.target} />
            <ReportFiltersForm
              key={`${params.toString()}|${continuity.from}|${continuity.to}`}
              initial={{
                ...applied,
                from: applied.from || continuity.from,
                to: applied.to || continuity.to,
              }}
              areas={areas}
              programmes={programmes}
              suites={suites}
              wholeLabel={wholeLabel}
              latestMonth={latestMonth}
              errors={errors}
              onApply={onApply}
            />
            <p className="govuk-body govuk-!-font-weight-bold" aria-live="polite">
              People released from {formatMonth(continuity.from)} to {formatMonth(continuity.to)},{' '}
              {applied.areaId ? areaName(allAreas, applied.areaId) : wholeLabel.toLowerCase()}
              {applied.programme && `, on ${programmeName(applied.programme)}`}
            </p>
            <MonthlyRates
              report={continuity}
              areas={allAreas}
              areaId={applied.areaId}
              wholeLabel={wholeLabel}
              filters={filters}
            />
            <TimeToEngagementSection report={timing} target={continuity.target} />
            <EstablishmentSection report={establishments} prisonName={prisonName} />
            <PathwaySection
              report={pathways}
              suiteName={
                applied.custodySuiteId
                  ? (suites.find((suite) => suite.id === applied.custodySuiteId)?.name ??
                    'the custody suite chosen')
                  : undefined
              }
            />
          </>
        );
      }}
    </LoadFrame>
  );
}
