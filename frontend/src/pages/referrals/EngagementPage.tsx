import { formatDate } from '../../format/dates.ts';
import { DateActionPage } from './DateActionPage.tsx';

/** `/referrals/:referralId/engagement`: the treatment start, which is what the continuity of care measure counts. */
export function EngagementPage() {
  return (
    <DateActionPage
      action={{
        title: 'Record treatment start',
        path: 'startedOn',
        legend: 'Date treatment started',
        hint: 'The date of the first structured treatment session, not the date it was booked. For example, 14 3 2026',
        emptyMessage: 'Enter the date treatment started',
        submitText: 'Record treatment start',
        intro: (record) =>
          record.releasedOn ? (
            <p className="govuk-body">Released on {formatDate(record.releasedOn)}.</p>
          ) : undefined,
        send: (api, record, startedOn, write) => api.recordEngagement(record.id, { startedOn }, write),
        flash: (startedOn) => `Treatment start recorded: ${formatDate(startedOn)}`,
      }}
    />
  );
}
