import { Link } from 'react-router-dom';
import type { CreateAreaInput } from '../../api/types.ts';
import { ButtonGroup, SubmitButton } from '../../components/Buttons.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import type { FieldError } from '../../forms/field-errors.ts';
import { errorFor } from '../../forms/field-errors.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { type AreaFormValues, alertEmailLines, areaBody, areaFormSpec } from './area-form.ts';

/** The add and change area form; `save` sends the body and throws the API's error if refused. */
export function AreaForm({
  title,
  submitText,
  initial,
  save,
}: {
  title: string;
  submitText: string;
  initial: AreaFormValues;
  save: (body: CreateAreaInput) => Promise<void>;
}) {
  const form = useForm(initial);
  const { values, field, errors } = form;
  usePageTitle(title, errors.length > 0);

  const onSubmit = form.handleSubmit(async (): Promise<FieldError[] | undefined> => {
    const checked = areaBody(values);
    if (checked.errors) return checked.errors;
    try {
      await save(checked.body);
      return undefined;
    } catch (error) {
      return submitErrors(error, areaFormSpec(alertEmailLines(values.alertEmails)));
    }
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={form.failures} />
        <PageHeading>{title}</PageHeading>
        <form noValidate onSubmit={onSubmit}>
          <TextInput
            id="name"
            label="Name"
            hint="The local authority’s name, for example Worcestershire"
            value={values.name}
            onChange={field('name')}
            autoComplete="off"
            error={errorFor(errors, 'name')}
          />
          <TextInput
            id="onsCode"
            label="ONS code"
            hint="The 9-character code of the local authority, for example E10000034 for Worcestershire"
            value={values.onsCode}
            onChange={field('onsCode')}
            autoComplete="off"
            spellCheck={false}
            widthClass="govuk-input--width-10"
            error={errorFor(errors, 'onsCode')}
          />
          <Textarea
            id="alertEmails"
            label="Alert emails (optional)"
            hint="One email address per line. These addresses are told when an alert is raised in this area, for example a team’s shared inbox."
            value={values.alertEmails}
            onChange={field('alertEmails')}
            spellCheck={false}
            error={errorFor(errors, 'alertEmails')}
          />
          <ButtonGroup>
            <SubmitButton busy={form.busy}>{submitText}</SubmitButton>
            <Link className="govuk-link" to="/areas">
              Cancel
            </Link>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}
