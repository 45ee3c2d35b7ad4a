import { useNavigate } from 'react-router-dom';
import { ALERT_TIMINGS } from '../../../../shared/domain/alert-catalogue.ts';
import type { Partnership } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { Fieldset } from '../../components/Fieldset.tsx';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { Radios } from '../../components/Radios.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { errorFor } from '../../forms/field-errors.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import {
  PARTNERSHIP_FORM,
  partnershipBody,
  partnershipFormValues,
  WHOLE_NUMBER_FIELDS,
} from './partnership-form.ts';

const TITLE = 'Change partnership settings';

/** `/partnership/edit`: the chair changes the name and settings. */
export function PartnershipEditPage() {
  const { api } = useSession();
  const loaded = useLoad(() => api.getPartnership(), [api]);
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {(partnership) => <PartnershipForm partnership={partnership} />}
    </LoadFrame>
  );
}

function PartnershipForm({ partnership }: { partnership: Partnership }) {
  const { api, refreshMe } = useSession();
  const navigate = useNavigate();
  const form = useForm(() => partnershipFormValues(partnership));
  const { values, field, bind, errors } = form;

  const onSubmit = form.handleSubmit(async () => {
    const checked = partnershipBody(values);
    if (checked.errors) return checked.errors;
    try {
      await api.updatePartnership(checked.body, partnership.version);
    } catch (error) {
      return submitErrors(error, PARTNERSHIP_FORM);
    }
    await refreshMe();
    navigate('/partnership', { state: { flash: 'Partnership settings saved' } satisfies FlashState });
    return undefined;
  });

  const numberInput = (key: (typeof WHOLE_NUMBER_FIELDS)[number]['key'], hint: string, suffix?: string) => {
    const spec = WHOLE_NUMBER_FIELDS.find((candidate) => candidate.key === key)!;
    return (
      <TextInput
        key={spec.id}
        id={spec.id}
        label={spec.label}
        hint={hint}
        value={values[key]}
        onChange={field(key)}
        inputMode="numeric"
        spellCheck={false}
        widthClass="govuk-input--width-3"
        suffix={suffix}
        error={errorFor(errors, spec.id)}
      />
    );
  };

  return (
    <QuestionPage title={TITLE} form={form}>
      <QuestionForm onSubmit={onSubmit} submitText="Save settings" busy={form.busy} cancelTo="/partnership">
        <TextInput {...bind('name')} label="Partnership name" autoComplete="off" />
        {numberInput(
          'engagementWindowDays',
          'A treatment start within this many days of release counts as engaged. The national measure uses 21.',
          'days',
        )}
        <TextInput
          {...bind('targetPercent', 'settings-targetRate')}
          label="Target rate"
          hint="The share of people released who should start treatment within the window. The national ambition is 75%."
          inputMode="decimal"
          spellCheck={false}
          widthClass="govuk-input--width-4"
          suffix="%"
        />
        <Radios
          {...bind('suppressSmallNumbers', 'settings-suppressSmallNumbers')}
          legend="Hide small numbers in reports?"
          hint="Counts from 1 to 4 are shown as “<5” in reports for chairs and analysts. Managers always see exact figures."
          items={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          inline
          onChange={(value) => field('suppressSmallNumbers')(value as 'yes' | 'no')}
        />
        <Fieldset legend="Alert rules">
          <p className="govuk-body">
            When each alert is raised: for a prison release, a required assessment after drug testing on
            arrest, a DIVERT session and a court review. The engagement window missed alert is raised when the
            engagement window closes without a treatment start.
          </p>
          {ALERT_TIMINGS.map(({ setting, hint, suffix }) => numberInput(setting, hint, suffix))}
        </Fieldset>
      </QuestionForm>
    </QuestionPage>
  );
}
