import { useNavigate, useParams } from 'react-router-dom';
import type { Area, CustodySuite } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { type CustodySuiteFormValues, custodySuiteBody, custodySuiteFormSpec } from './custody-suite-form.ts';

const TITLE = 'Change custody suite';

/** `/custody-suites/:custodySuiteId/edit`: the chair renames a suite, or changes its force or areas. */
export function CustodySuiteEditPage() {
  const { custodySuiteId = '' } = useParams();
  const { api } = useSession();
  const loaded = useLoad(
    () =>
      Promise.all([
        api.getCustodySuite(custodySuiteId),
        api.custodySuiteSuggestions().catch(() => ({ policeForces: [], items: [] })),
        api.allAreas(),
      ]),
    [api, custodySuiteId],
  );
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {([suite, register, areas]) => <EditForm suite={suite} forces={register.policeForces} areas={areas} />}
    </LoadFrame>
  );
}

function EditForm({
  suite,
  forces,
  areas,
}: {
  suite: CustodySuite;
  forces: readonly string[];
  areas: readonly Area[];
}) {
  const { api } = useSession();
  const navigate = useNavigate();
  const form = useForm<CustodySuiteFormValues>({
    policeForce: suite.policeForce,
    suggestion: '',
    name: suite.name,
    areaIds: [...suite.areaIds],
  });
  const { bind } = form;
  // A force the register no longer names stays choosable.
  const forceChoices = forces.includes(suite.policeForce) ? forces : [suite.policeForce, ...forces];

  const onSubmit = form.handleSubmit(async () => {
    const checked = custodySuiteBody(form.values, false);
    if (checked.errors) return checked.errors;
    try {
      const saved = await api.updateCustodySuite(suite.id, checked.body, suite.version);
      navigate('/custody-suites', { state: { flash: `${saved.name} saved` } satisfies FlashState });
      return undefined;
    } catch (error) {
      return submitErrors(error, custodySuiteFormSpec('name'));
    }
  });

  return (
    <QuestionPage title={TITLE} caption={suite.name} form={form}>
      <QuestionForm onSubmit={onSubmit} submitText="Save changes" busy={form.busy} cancelTo="/custody-suites">
        <Select
          {...bind('policeForce')}
          label="Police force"
          items={forceChoices.map((name) => ({ value: name, label: name }))}
        />
        <TextInput {...bind('name')} label="Name of the custody suite" autoComplete="off" />
        <Checkboxes
          {...bind('areaIds')}
          legend="Areas it serves"
          hint="The areas whose cases start at this suite"
          items={areas.map((area) => ({ value: area.id, label: area.name }))}
        />
      </QuestionForm>
    </QuestionPage>
  );
}
