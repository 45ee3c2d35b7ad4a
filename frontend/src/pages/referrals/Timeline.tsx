import type { TimelineEvent } from '../../api/types.ts';
import type { PrisonNamer } from '../../cases/registers.ts';
import { formatDateTime } from '../../format/dates.ts';
import { timelineText } from './timeline-text.ts';

/** Every event of a case, newest first, with who did it and when. */
export function Timeline({
  events,
  prisonName,
}: {
  events: readonly TimelineEvent[];
  prisonName?: PrisonNamer;
}) {
  const newestFirst = [...events].reverse();
  return (
    <>
      <h2 className="govuk-heading-m">Timeline</h2>
      {newestFirst.length === 0 ? (
        <p className="govuk-body">Nothing has happened on this case yet.</p>
      ) : (
        <ol className="govuk-list continuity-timeline" reversed aria-label="Timeline, newest first">
          {newestFirst.map((event) => (
            <li className="continuity-timeline__item" key={event.id}>
              <h3 className="govuk-heading-s continuity-timeline__title">
                {timelineText(event, prisonName)}
              </h3>
              <p className="govuk-body-s continuity-timeline__meta">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time> by {event.by.name}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
