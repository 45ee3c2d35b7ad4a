import { orderEndsOn } from '../../../../shared/domain/pathway-details.ts';
import type { CaseRecord, CustodySuite } from '../../api/types.ts';
import { labelFor, TEST_RESULT_LABELS } from '../../cases/labels.ts';
import { custodySuiteName } from '../../cases/registers.ts';
import { SummaryCard, type SummaryRow } from '../../components/SummaryList.tsx';
import { Tag } from '../../components/Tag.tsx';
import { formatDate, todayInLondon } from '../../format/dates.ts';
import { type ChangeFact, changePath } from './change/change-paths.ts';
import { nextReview, pathwayFields } from './pathway-form.ts';

/** The card's title for each pathway that has facts of its own. */
const TITLES: Record<string, string> = {
  drug_testing_on_arrest: 'Drug test on arrest',
  divert: 'DIVERT',
  arrest_referral: 'Arrest referral',
  drr: 'Court order',
  atr: 'Court order',
};

/**
 * The facts of the case's own pathway (the drug test, the community resolution, the custody
 * suite, the court order and its reviews), each with a "Change" link while the case is open;
 * nothing for a pathway without any.
 */
export function PathwayFacts({
  record,
  suites,
  today = todayInLondon(),
}: {
  record: CaseRecord;
  suites: readonly CustodySuite[];
  today?: string;
}) {
  const { has } = pathwayFields(record.pathway);
  const title = TITLES[record.pathway];
  if (!title) return null;
  const open = record.status !== 'closed';
  const change = (fact: ChangeFact, hiddenText: string): SummaryRow['change'] =>
    open ? { to: changePath(record.id, fact), hiddenText } : undefined;
  const rows: SummaryRow[] = [];
  if (has('test')) {
    rows.push(
      {
        key: 'Date of the test',
        value: record.test ? formatDate(record.test.testedOn) : 'Not recorded',
        change: change('test', 'drug test'),
      },
      {
        key: 'Positive for',
        value: record.test ? labelFor(TEST_RESULT_LABELS, record.test.result) : 'Not recorded',
      },
    );
  }
  if (has('communityResolutionOn')) {
    rows.push({
      key: 'Community resolution',
      value: record.communityResolutionOn ? formatDate(record.communityResolutionOn) : 'Not recorded',
      change: change('community-resolution', 'community resolution date'),
    });
  }
  if (has('custodySuiteId')) {
    rows.push({
      key: 'Custody suite',
      value: custodySuiteName(suites, record.custodySuiteId),
      change: suites.length > 0 ? change('custody-suite', 'custody suite') : undefined,
    });
  }
  if (has('order')) {
    const order = record.order;
    if (!order) {
      rows.push({ key: 'Order', value: 'Not recorded' });
    } else {
      const next = nextReview(order, today);
      rows.push(
        { key: 'Made on', value: formatDate(order.madeOn) },
        {
          key: 'Length',
          value: `${order.months} ${order.months === 1 ? 'month' : 'months'}, to ${formatDate(orderEndsOn(order.madeOn, order.months))}`,
        },
        { key: 'Court', value: order.court },
        {
          key: 'Court reviews',
          value:
            order.reviewDates.length === 0 ? (
              'None recorded'
            ) : (
              <ul className="govuk-list" aria-label="Court review dates">
                {[...order.reviewDates].sort().map((date) => (
                  <li key={date}>
                    {date === next ? (
                      <>
                        <strong>{formatDate(date)}</strong> <Tag colour="blue">Next review</Tag>
                      </>
                    ) : (
                      <>
                        {formatDate(date)}
                        {date < today && ' (past)'}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            ),
        },
      );
    }
  }
  // The order is changed as a whole, from the card's own "Change" link.
  const cardChange = has('order') ? change('order', 'court order') : undefined;
  return <SummaryCard title={title} rows={rows} change={cardChange} />;
}
