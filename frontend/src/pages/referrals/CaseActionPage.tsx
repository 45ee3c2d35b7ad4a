import type { FormEvent, ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import type { CaseRecord } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { caseCaption } from '../../cases/names.ts';
import { type FormOutcome, QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { LoadFrame } from '../LoadFrame.tsx';

/** The address of a case's page. */
export const casePath = (referralId: string): string => `/referrals/${encodeURIComponent(referralId)}`;

/**
 * A page of one case action (record release, book appointment…): loads the case, for its
 * version and the person's name, then shows the action's form.
 */
export function CaseActionPage({ title, form }: { title: string; form: (record: CaseRecord) => ReactNode }) {
  const { referralId = '' } = useParams();
  const { api } = useSession();
  const loaded = useLoad(() => api.getCase(referralId), [api, referralId]);
  usePageTitle(title);
  return (
    <LoadFrame loaded={loaded} heading={title}>
      {(record) => form(record)}
    </LoadFrame>
  );
}

/** The frame of a case action's form: error summary, heading with the person's name, buttons. */
export function CaseActionForm({
  record,
  title,
  submitText,
  form,
  onSubmit,
  warning,
  children,
}: {
  record: CaseRecord;
  title: string;
  submitText: string;
  /** The form's state (from `useForm`). */
  form: FormOutcome & { busy: boolean };
  onSubmit: (event: FormEvent) => void;
  warning?: boolean;
  children: ReactNode;
}) {
  return (
    <QuestionPage title={title} caption={caseCaption(record)} form={form}>
      <QuestionForm
        onSubmit={onSubmit}
        submitText={submitText}
        busy={form.busy}
        warning={warning}
        cancelTo={casePath(record.id)}
      >
        {children}
      </QuestionForm>
    </QuestionPage>
  );
}
