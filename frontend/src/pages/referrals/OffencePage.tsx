import { formatDate } from '../../format/dates.ts';
import { DateActionPage } from './DateActionPage.tsx';

/** `/referrals/:referralId/offences`: a further offence, which pathways such as DIVERT are judged on. */
export function OffencePage() {
  return (
    <DateActionPage
      action={{
        title: 'Record a further offence',
        path: 'offendedOn',
        legend: 'Date of the offence',
        hint: 'For example, 14 3 2026',
        emptyMessage: 'Enter the date of the offence',
        submitText: 'Record offence',
        send: (api, record, offendedOn, write) => api.recordOffence(record.id, { offendedOn }, write),
        flash: (offendedOn) => `Further offence recorded: ${formatDate(offendedOn)}`,
      }}
    />
  );
}
