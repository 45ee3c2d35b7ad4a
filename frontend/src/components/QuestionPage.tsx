import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { FieldError } from '../forms/field-errors.ts';
import { ButtonGroup, SubmitButton } from './Buttons.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { PageHeading } from './PageHeading.tsx';
import { usePageTitle } from './use-page-title.ts';

/** What a question page shows of its form (from `useForm`): the errors of the last failed submit, and how many failed. */
export interface FormOutcome {
  errors: readonly FieldError[];
  failures: number;
}

/**
 * A page that asks something, two thirds wide: the error summary (focused on each failed
 * submit) over the heading, and the page's title marked "Error:" while it shows errors.
 */
export function QuestionPage({
  title,
  caption,
  heading = title,
  form,
  children,
}: {
  title: string;
  caption?: string;
  /** The h1, when it is more than the page's title (e.g. "Are you sure…?"). */
  heading?: ReactNode;
  form: FormOutcome;
  children: ReactNode;
}) {
  usePageTitle(title, form.errors.length > 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.failures} />
        <PageHeading caption={caption}>{heading}</PageHeading>
        {children}
      </div>
    </div>
  );
}

/** A form's questions, then its submit button and a "Cancel" link back; `warning` for a destructive action. */
export function QuestionForm({
  onSubmit,
  submitText,
  busy,
  warning,
  cancelTo,
  children,
}: {
  onSubmit: (event: FormEvent) => void;
  submitText: string;
  busy: boolean;
  warning?: boolean;
  cancelTo: string;
  children?: ReactNode;
}) {
  return (
    <form noValidate onSubmit={onSubmit}>
      {children}
      <ButtonGroup>
        <SubmitButton busy={busy} warning={warning}>
          {submitText}
        </SubmitButton>
        <Link className="govuk-link" to={cancelTo}>
          Cancel
        </Link>
      </ButtonGroup>
    </form>
  );
}
