import { Link } from 'react-router-dom';
import type { WorklistItem } from '../../api/types.ts';
import { labelFor, PATHWAY_LABELS } from '../../cases/labels.ts';
import { fullName } from '../../cases/names.ts';
import { formatDayMonth } from '../../format/dates.ts';
import { NextDue } from '../referrals/NextDue.tsx';
import { RiskTags } from '../referrals/RiskTags.tsx';

/** The worklist's cases, most urgent first, each saying why it is there. */
export function WorklistItems({
  items,
  myMemberId,
}: {
  items: readonly WorklistItem[];
  myMemberId?: string;
}) {
  return (
    <ol className="govuk-list continuity-worklist" aria-label="Cases, most urgent first">
      {items.map((item) => (
        <li className="continuity-worklist__item" key={item.referralId}>
          <h3 className="govuk-heading-s continuity-worklist__name">
            <Link className="govuk-link" to={`/referrals/${encodeURIComponent(item.referralId)}`}>
              {fullName(item.person ?? undefined)}
            </Link>
          </h3>
          <p className="govuk-body-s continuity-worklist__meta">{metaLine(item)}</p>
          <RiskTags flags={item.riskFlags} />
          <p className="govuk-body govuk-!-margin-bottom-1">
            <strong>Next action:</strong>{' '}
            <NextDue
              rule={item.nextAction.rule}
              at={item.nextAction.dueAt}
              overdue={item.nextAction.overdue}
              risks={item.riskFlags}
            />
          </p>
          <p className="govuk-body govuk-!-margin-bottom-1">
            <strong>Assigned to:</strong> {assigneeOf(item, myMemberId)}
          </p>
          {item.why.length > 0 && (
            <ul
              className="govuk-list govuk-list--bullet continuity-worklist__why"
              aria-label="Why it is on the list"
            >
              {item.why.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

function metaLine(item: WorklistItem): string {
  return [
    item.reference,
    item.person?.prisonNumber && `Prison number ${item.person.prisonNumber}`,
    labelFor(PATHWAY_LABELS, item.pathway),
    item.daysSinceRelease !== null && item.windowClosesOn
      ? `Day ${item.daysSinceRelease}, window closes ${formatDayMonth(item.windowClosesOn)}`
      : item.expectedReleaseOn && !item.releasedOn
        ? `Expected release ${formatDayMonth(item.expectedReleaseOn)}`
        : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

function assigneeOf(item: WorklistItem, myMemberId: string | undefined): string {
  if (!item.assignedTo) return 'Nobody';
  if (item.assignedTo === myMemberId) return 'You';
  return item.assignedToName ?? 'Another member of the area team';
}
