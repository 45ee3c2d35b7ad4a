import { useNavigate } from 'react-router-dom';
import type { CaseRecord } from '../../api/types.ts';
import { useSession } from '../../auth/session-context.ts';
import { choicesOf } from '../../cases/labels.ts';
import { ACCOMMODATION_LABELS, PLAN_ANSWER_LABELS } from '../../cases/release-labels.ts';
import { ACCOMMODATIONS, PLAN_ANSWERS } from '../../cases/release-values.ts';
import { Radios } from '../../components/Radios.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { readableSubmitErrors } from '../../forms/api-form.ts';
import { useForm } from '../../forms/use-form.ts';
import { CaseActionForm, CaseActionPage, casePath } from './CaseActionPage.tsx';
import {
  type AnswerChoice,
  RELEASE_PLAN_FORM,
  releasePlanBody,
  releasePlanValues,
} from './release-plan-form.ts';

const TITLE = 'Plan the release';

const ANSWER_CHOICES = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not_known', label: 'Not known' },
];

/** `/referrals/:referralId/release-plan`: where they will live, their medication and who meets them. */
export function ReleasePlanPage() {
  return <CaseActionPage title={TITLE} form={(record) => <ReleasePlanForm record={record} />} />;
}

function ReleasePlanForm({ record }: { record: CaseRecord }) {
  const { api } = useSession();
  const navigate = useNavigate();
  const plan = record.releasePlan;
  const form = useForm(() => releasePlanValues(plan));
  const { bind } = form;

  const onSubmit = form.handleSubmit(async () => {
    const checked = releasePlanBody(form.values);
    if (checked.errors) return checked.errors;
    try {
      // The plan has its own version: the first save needs none, every later one its If-Match.
      await api.saveReleasePlan(record.id, checked.body, plan?.version);
      navigate(casePath(record.id), { state: { flash: 'Release plan saved' } satisfies FlashState });
      return undefined;
    } catch (error) {
      return readableSubmitErrors(error, RELEASE_PLAN_FORM);
    }
  });

  return (
    <CaseActionForm
      record={record}
      title={TITLE}
      submitText="Save release plan"
      form={form}
      onSubmit={onSubmit}
    >
      <Radios
        {...bind('accommodation')}
        legend="Where will they live on release?"
        items={choicesOf(ACCOMMODATIONS, ACCOMMODATION_LABELS)}
      />
      {PLAN_ANSWERS.map((field) => (
        <Radios
          key={field}
          {...bind(field)}
          onChange={(value) => form.field(field)(value as AnswerChoice)}
          legend={PLAN_ANSWER_LABELS[field]}
          items={ANSWER_CHOICES}
          inline
        />
      ))}
      <h2 className="govuk-heading-m">Probation practitioner (optional)</h2>
      <TextInput
        {...bind('practitionerName', 'probationPractitioner-name')}
        label="Name"
        autoComplete="off"
      />
      <TextInput
        {...bind('practitionerEmail', 'probationPractitioner-email')}
        label="Email address"
        type="email"
        autoComplete="off"
        spellCheck={false}
      />
      <Textarea
        {...bind('notes')}
        label="Notes (optional)"
        hint="Anything the team needs to know for the day of release."
      />
    </CaseActionForm>
  );
}
