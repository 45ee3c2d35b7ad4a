import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { parseAlertId } from '../../../../shared/domain/alert-id.ts';
import { ApiError } from '../../api/errors.ts';
import type { CaseAlert, CaseRecord } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { safeReturnTo } from '../../auth/return-to.ts';
import { useSession } from '../../auth/session-context.ts';
import { caseCaption } from '../../cases/names.ts';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/dates.ts';
import type { FieldError, FormSpec } from '../../forms/field-errors.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { LoadFrame } from '../LoadFrame.tsx';
import { AlertHistory, AlertStatusTag, alertName } from './AlertParts.tsx';

/** The API's longest note (shared/schemas/alert.ts). */
const MAX_NOTE = 500;

const ACTIONS = {
  acknowledge: {
    title: 'Acknowledge alert',
    submitText: 'Acknowledge alert',
    label: 'Note (optional)',
    hint: 'For example, who is dealing with it. Do not include health details.',
    done: 'Alert acknowledged',
  },
  resolve: {
    title: 'Resolve alert',
    submitText: 'Resolve alert',
    label: 'What was done',
    hint: 'For example, first appointment booked for Tuesday at 10am. Do not include health details.',
    done: 'Alert resolved',
  },
} as const;
export type AlertAction = keyof typeof ACTIONS;

const NOTE_FORM: FormSpec = { fields: [{ id: 'note', label: 'Note' }] };

/** Where to go after the action: the page the user came from, if it is one of this app's. */
function backTo(params: URLSearchParams): string {
  const next = params.get('next');
  return next && safeReturnTo(next) === next ? next : '/alerts';
}

/**
 * `/alerts/:alertId/acknowledge` and `/alerts/:alertId/resolve`: move an alert on, with a note
 * (required to resolve). The alert is read from its case, which lists the case's alerts.
 */
export function AlertActionPage({ action }: { action: AlertAction }) {
  const { alertId = '' } = useParams();
  const { api } = useSession();
  const referralId = parseAlertId(alertId)?.referralId;
  const loaded = useLoad(
    () => (referralId ? api.getCase(referralId) : Promise.reject(new ApiError(404, 'not_found', 'No alert'))),
    [api, referralId],
  );
  const { title } = ACTIONS[action];
  usePageTitle(title);
  return (
    <LoadFrame loaded={loaded} heading={title}>
      {(record) => {
        const alert = record.alerts.find((candidate) => candidate.id === alertId);
        if (!alert) return <NotFoundPage />;
        return <AlertActionForm key={action} action={action} alert={alert} record={record} />;
      }}
    </LoadFrame>
  );
}

function AlertActionForm({
  action,
  alert,
  record,
}: {
  action: AlertAction;
  alert: CaseAlert;
  record: CaseRecord;
}) {
  const { api } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const back = backTo(params);
  const words = ACTIONS[action];
  const form = useForm({ note: '' });
  const { values, bind } = form;
  const finished = action === 'acknowledge' ? alert.status !== 'open' : alert.status === 'resolved';

  const onSubmit = form.handleSubmit(async (): Promise<FieldError[] | undefined> => {
    const note = values.note.trim();
    if (action === 'resolve' && note === '')
      return [{ field: 'note', message: 'Enter what was done to resolve the alert' }];
    if (note.length > MAX_NOTE)
      return [{ field: 'note', message: `Note must be ${MAX_NOTE} characters or fewer` }];
    try {
      if (action === 'resolve') await api.resolveAlert(alert.id, { note });
      else await api.acknowledgeAlert(alert.id, note ? { note } : {});
    } catch (error) {
      return submitErrors(error, NOTE_FORM);
    }
    navigate(back, { state: { flash: `${words.done}: ${alertName(alert.rule)}` } satisfies FlashState });
    return undefined;
  });

  return (
    <QuestionPage title={words.title} caption={caseCaption(record)} form={form}>
      <SummaryList
        rows={[
          { key: 'Alert', value: alertName(alert.rule) },
          {
            key: 'Case',
            value: (
              <Link className="govuk-link" to={`/referrals/${encodeURIComponent(record.id)}`}>
                View the case
              </Link>
            ),
          },
          { key: 'Raised', value: formatDateTime(alert.raisedAt) },
          { key: 'Due', value: formatDateTime(alert.dueAt) },
          {
            key: 'Status',
            value: (
              <>
                <AlertStatusTag status={alert.status} />
                <AlertHistory alert={alert} />
              </>
            ),
          },
        ]}
      />
      {finished ? (
        <>
          <p className="govuk-body">
            This alert is already {alert.status}, so there is nothing more to do here.
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to={back}>
              Go back
            </Link>
          </p>
        </>
      ) : (
        <QuestionForm onSubmit={onSubmit} submitText={words.submitText} busy={form.busy} cancelTo={back}>
          <Textarea {...bind('note')} label={words.label} hint={words.hint} rows={4} />
        </QuestionForm>
      )}
    </QuestionPage>
  );
}
