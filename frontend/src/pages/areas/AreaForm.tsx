import type { CreateAreaInput } from '../../api/types.ts';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FieldError } from '../../forms/field-errors.ts';
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
  const { values, bind } = form;

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
    <QuestionPage title={title} form={form}>
      <QuestionForm onSubmit={onSubmit} submitText={submitText} busy={form.busy} cancelTo="/areas">
        <TextInput
          {...bind('name')}
          label="Name"
          hint="The local authority’s name, for example Worcestershire"
          autoComplete="off"
        />
        <TextInput
          {...bind('onsCode')}
          label="ONS code"
          hint="The 9-character code of the local authority, for example E10000034 for Worcestershire"
          autoComplete="off"
          spellCheck={false}
          widthClass="govuk-input--width-10"
        />
        <Textarea
          {...bind('alertEmails')}
          label="Alert emails (optional)"
          hint="One email address per line. These addresses are told when an alert is raised in this area, for example a team’s shared inbox."
          spellCheck={false}
        />
      </QuestionForm>
    </QuestionPage>
  );
}
