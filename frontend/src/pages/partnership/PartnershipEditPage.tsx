import { Link, useNavigate } from 'react-router-dom';
import type { Partnership } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { ButtonGroup, SubmitButton } from '../../components/Buttons.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
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
  const { values, field, errors } = form;
  usePageTitle(TITLE, errors.length > 0);

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
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={form.failures} />
        <PageHeading>{TITLE}</PageHeading>
        <form noValidate onSubmit={onSubmit}>
          <TextInput
            id="name"
            label="Partnership name"
            value={values.name}
            onChange={field('name')}
            autoComplete="off"
            error={errorFor(errors, 'name')}
          />
          {numberInput(
            'engagementWindowDays',
            'A treatment start within this many days of release counts as engaged. The national measure uses 21.',
            'days',
          )}
          <TextInput
            id="settings-targetRate"
            label="Target rate"
            hint="The share of people released who should start treatment within the window. The national ambition is 75%."
            value={values.targetPercent}
            onChange={field('targetPercent')}
            inputMode="decimal"
            spellCheck={false}
            widthClass="govuk-input--width-4"
            suffix="%"
            error={errorFor(errors, 'settings-targetRate')}
          />
          <Radios
            id="settings-suppressSmallNumbers"
            legend="Hide small numbers in reports?"
            hint="Counts from 1 to 4 are shown as “<5” in reports for chairs and analysts. Managers always see exact figures."
            items={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            inline
            value={values.suppressSmallNumbers}
            onChange={(value) => field('suppressSmallNumbers')(value as 'yes' | 'no')}
            error={errorFor(errors, 'settings-suppressSmallNumbers')}
          />
          <Fieldset legend="Alert rules">
            <p className="govuk-body">
              When each alert is raised for a release. The engagement window missed alert is raised when the
              engagement window closes without a treatment start.
            </p>
            {numberInput(
              'noFirstAppointmentHours',
              'Hours after release with no first appointment booked before the area team is alerted.',
              'hours',
            )}
            {numberInput(
              'firstAppointmentGraceHours',
              'Hours after a first appointment’s time, still not marked attended, before it is treated as missed.',
              'hours',
            )}
            {numberInput(
              'engagementAtRiskDay',
              'The day after release on which the area’s managers are warned if treatment has not started. It must come before the end of the engagement window.',
            )}
            {numberInput(
              'releaseNotConfirmedDays',
              'Days after the expected release date with no release recorded before the area team is alerted.',
              'days',
            )}
          </Fieldset>
          <ButtonGroup>
            <SubmitButton busy={form.busy}>Save settings</SubmitButton>
            <Link className="govuk-link" to="/partnership">
              Cancel
            </Link>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}
