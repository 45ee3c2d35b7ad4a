import { formatDate } from '../../format/dates.ts';
import { CaseActionPage } from './CaseActionPage.tsx';
import { DateActionForm } from './DateActionForm.tsx';

const TITLE = 'Record a further offence';

/** `/referrals/:referralId/offences`: a further offence, which pathways such as DIVERT are judged on. */
export function OffencePage() {
  return (
    <CaseActionPage
      title={TITLE}
      form={(record) => (
        <DateActionForm
          record={record}
          title={TITLE}
          path="offendedOn"
          legend="Date of the offence"
          hint="For example, 14 3 2026"
          emptyMessage="Enter the date of the offence"
          submitText="Record offence"
          send={(api, offendedOn, write) => api.recordOffence(record.id, { offendedOn }, write)}
          flash={(offendedOn) => `Further offence recorded: ${formatDate(offendedOn)}`}
        />
      )}
    />
  );
}
