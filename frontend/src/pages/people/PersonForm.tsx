import { Link } from 'react-router-dom';
import { PERSON_FLAGS, SEXES, SUBSTANCE_GROUPS } from '../../../../shared/domain/values.ts';
import type { Area } from '../../api/types.ts';
import { FLAG_LABELS, SEX_LABELS, SUBSTANCE_GROUP_LABELS } from '../../cases/labels.ts';
import { ButtonGroup, SubmitButton } from '../../components/Buttons.tsx';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Radios } from '../../components/Radios.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
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
}: {
  title: string;
  caption?: string;
  submitText: string;
  initial: PersonFormValues;
  /** The areas the user covers: a person is added in one of them. */
  areas: readonly Area[];
  cancelTo: string;
  submit: (values: PersonFormValues) => Promise<FieldError[] | undefined>;
}) {
  const form = useForm(initial);
  const { values, field, errors } = form;
  usePageTitle(title, errors.length > 0);
  const onSubmit = form.handleSubmit(() => submit(values));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={form.failures} />
        <PageHeading caption={caption}>{title}</PageHeading>
        <form noValidate onSubmit={onSubmit}>
          <TextInput
            id="givenName"
            label="Given name"
            hint="Initials are enough if that is all you need to find and follow them"
            value={values.givenName}
            onChange={field('givenName')}
            autoComplete="off"
            spellCheck={false}
            error={errorFor(errors, 'givenName')}
          />
          <TextInput
            id="familyName"
            label="Family name"
            value={values.familyName}
            onChange={field('familyName')}
            autoComplete="off"
            spellCheck={false}
            error={errorFor(errors, 'familyName')}
          />
          <DateInput
            id="dateOfBirth"
            legend="Date of birth"
            hint="For example, 27 3 1985"
            value={values.dateOfBirth}
            onChange={field('dateOfBirth')}
            error={errorFor(errors, 'dateOfBirth-day')}
          />
          <Radios
            id="sex"
            legend="Sex"
            items={SEXES.map((value) => ({ value, label: SEX_LABELS[value] }))}
            value={values.sex}
            onChange={(value) => field('sex')(value as PersonFormValues['sex'])}
            error={errorFor(errors, 'sex')}
          />
          <TextInput
            id="prisonNumber"
            label="Prison number (optional)"
            hint="A letter, 4 numbers and 2 letters, for example A1234BC"
            value={values.prisonNumber}
            onChange={field('prisonNumber')}
            autoComplete="off"
            spellCheck={false}
            widthClass="govuk-input--width-10"
            error={errorFor(errors, 'prisonNumber')}
          />
          <TextInput
            id="nhsNumber"
            label="NHS number (optional)"
            hint="10 digits, for example 943 476 5919"
            value={values.nhsNumber}
            onChange={field('nhsNumber')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            widthClass="govuk-input--width-10"
            error={errorFor(errors, 'nhsNumber')}
          />
          <Radios
            id="areaId"
            legend="Area"
            hint="The local authority area they live in, or will live in after release"
            items={areas.map((area) => ({ value: area.id, label: area.name }))}
            value={values.areaId}
            onChange={field('areaId')}
            error={errorFor(errors, 'areaId')}
          />
          <Radios
            id="substanceGroup"
            legend="Substance group"
            items={SUBSTANCE_GROUPS.map((value) => ({ value, label: SUBSTANCE_GROUP_LABELS[value] }))}
            value={values.substanceGroup}
            onChange={(value) => field('substanceGroup')(value as PersonFormValues['substanceGroup'])}
            error={errorFor(errors, 'substanceGroup')}
          />
          <Checkboxes
            id="flags"
            legend="Risk flags"
            hint="Select all that apply"
            items={PERSON_FLAGS.map((value) => ({ value, label: FLAG_LABELS[value] }))}
            values={values.flags}
            onChange={field('flags')}
            error={errorFor(errors, 'flags')}
          />
          <ButtonGroup>
            <SubmitButton busy={form.busy}>{submitText}</SubmitButton>
            <Link className="govuk-link" to={cancelTo}>
              Cancel
            </Link>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}
