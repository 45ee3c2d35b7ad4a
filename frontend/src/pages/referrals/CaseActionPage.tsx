import type { FormEvent, ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { CaseRecord } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { fullName } from '../../cases/names.ts';
import { ButtonGroup, SubmitButton } from '../../components/Buttons.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import type { FieldError } from '../../forms/field-errors.ts';
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
  errors,
  failures,
  busy,
  onSubmit,
  warning,
  children,
}: {
  record: CaseRecord;
  title: string;
  submitText: string;
  errors: readonly FieldError[];
  failures: number;
  busy: boolean;
  onSubmit: (event: FormEvent) => void;
  warning?: boolean;
  children: ReactNode;
}) {
  usePageTitle(title, errors.length > 0);
  const caption = record.person?.prisonNumber
    ? `${fullName(record.person)}, ${record.person.prisonNumber}`
    : fullName(record.person);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={failures} />
        <PageHeading caption={caption}>{title}</PageHeading>
        <form noValidate onSubmit={onSubmit}>
          {children}
          <ButtonGroup>
            <SubmitButton busy={busy} warning={warning}>
              {submitText}
            </SubmitButton>
            <Link className="govuk-link" to={casePath(record.id)}>
              Cancel
            </Link>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}
