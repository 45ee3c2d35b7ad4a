import type { ReactNode } from 'react';
import { PERSON_FLAGS, SEXES, SUBSTANCE_GROUPS } from '../../../../shared/domain/values.ts';
import type { Area } from '../../api/types.ts';
import { choicesOf, FLAG_LABELS, SEX_LABELS, SUBSTANCE_GROUP_LABELS } from '../../cases/labels.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { Radios } from '../../components/Radios.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { errorFor, type FieldError } from '../../forms/field-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import type { PersonFormValues } from './person-form.ts';

/** The add and change person form; `submit` checks and saves, answering the errors to show. */
export function PersonForm({
  title,
  caption,
  submitText,
  initial,
  areas,
  cancelTo,
  submit,
  beforeSubmit,
}: {
  title: string;
  caption?: string;
  submitText: string;
  initial: PersonFormValues;
  /** The areas the user covers: a person is added in one of them. */
  areas: readonly Area[];
  cancelTo: string;
  submit: (values: PersonFormValues) => Promise<FieldError[] | undefined>;
  /** More of the form above its button (the possible-duplicate check), given each field's error. */
  beforeSubmit?: (errorOf: (id: string) => string | undefined) => ReactNode;
}) {
  const form = useForm(initial);
  const { values, field, bind, bindDate } = form;
  const onSubmit = form.handleSubmit(() => submit(values));

  return (
    <QuestionPage title={title} caption={caption} form={form}>
      <QuestionForm onSubmit={onSubmit} submitText={submitText} busy={form.busy} cancelTo={cancelTo}>
        <TextInput
          {...bind('givenName')}
          label="Given name"
          hint="Initials are enough if that is all you need to find and follow them"
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput {...bind('familyName')} label="Family name" autoComplete="off" spellCheck={false} />
        <DateInput {...bindDate('dateOfBirth')} legend="Date of birth" hint="For example, 27 3 1985" />
        <Radios
          {...bind('sex')}
          legend="Sex"
          items={choicesOf(SEXES, SEX_LABELS)}
          onChange={(value) => field('sex')(value as PersonFormValues['sex'])}
        />
        <TextInput
          {...bind('prisonNumber')}
          label="Prison number (optional)"
          hint="A letter, 4 numbers and 2 letters, for example A1234BC"
          autoComplete="off"
          spellCheck={false}
          widthClass="govuk-input--width-10"
        />
        <TextInput
          {...bind('nhsNumber')}
          label="NHS number (optional)"
          hint="10 digits, for example 943 476 5919"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          widthClass="govuk-input--width-10"
        />
        <Radios
          {...bind('areaId')}
          legend="Area"
          hint="The local authority area they live in, or will live in after release"
          items={areas.map((area) => ({ value: area.id, label: area.name }))}
        />
        <Radios
          {...bind('substanceGroup')}
          legend="Substance group"
          items={choicesOf(SUBSTANCE_GROUPS, SUBSTANCE_GROUP_LABELS)}
          onChange={(value) => field('substanceGroup')(value as PersonFormValues['substanceGroup'])}
        />
        <Checkboxes
          {...bind('flags')}
          legend="Other facts (optional)"
          hint="Treatment at release, naloxone and where they will live belong to a release: record them on the case’s release plan"
          items={choicesOf(PERSON_FLAGS, FLAG_LABELS)}
        />
        {beforeSubmit?.((id) => errorFor(form.errors, id))}
      </QuestionForm>
    </QuestionPage>
  );
}
