import { useNavigate } from 'react-router-dom';
import type { Area, CustodySuite } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { Radios } from '../../components/Radios.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { useIdempotencyKey } from '../../forms/use-idempotency-key.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import {
  ANOTHER_SUITE,
  type CustodySuiteFormValues,
  custodySuiteBody,
  custodySuiteFormSpec,
  sameName,
} from './custody-suite-form.ts';

const TITLE = 'Add a custody suite';

/** `/custody-suites/new`: the chair adds a suite, choosing from the public register's suites of a force. */
export function CustodySuiteNewPage() {
  const { api } = useSession();
  const loaded = useLoad(
    () => Promise.all([api.custodySuiteSuggestions(), api.allAreas(), api.allCustodySuites()]),
    [api],
  );
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {([register, areas, suites]) => (
        <CustodySuiteForm forces={register.policeForces} areas={areas} suites={suites} />
      )}
    </LoadFrame>
  );
}

function CustodySuiteForm({
  forces,
  areas,
  suites,
}: {
  forces: readonly string[];
  areas: readonly Area[];
  /** The partnership's suites already: not suggested again. */
  suites: readonly CustodySuite[];
}) {
  const { api } = useSession();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const form = useForm<CustodySuiteFormValues>({
    policeForce: '',
    suggestion: '',
    name: '',
    areaIds: areas.length === 1 ? [areas[0]?.id as string] : [],
  });
  const { values, field, bind } = form;
  const force = values.policeForce;
  // The register's suites of the chosen force, less those the partnership has already.
  const suggestions = useLoad(
    () =>
      force
        ? api
            .custodySuiteSuggestions(force)
            .then((answer) =>
              answer.items
                .map((item) => item.name)
                .filter((name) => !suites.some((suite) => sameName(suite.name, name))),
            )
        : Promise.resolve([]),
    [api, force],
  );
  const suggested = suggestions.state === 'ok' && suggestions.data.length > 0;
  const typing = !suggested || values.suggestion === ANOTHER_SUITE;

  const onSubmit = form.handleSubmit(async () => {
    const checked = custodySuiteBody(values, suggested);
    if (checked.errors) return checked.errors;
    try {
      const suite = await idempotency.send(checked.body, (key) => api.createCustodySuite(checked.body, key));
      navigate('/custody-suites', { state: { flash: `${suite.name} added` } satisfies FlashState });
      return undefined;
    } catch (error) {
      return submitErrors(error, custodySuiteFormSpec(typing ? 'name' : 'suggestion'));
    }
  });

  const nameInput = (
    <TextInput
      {...bind('name')}
      label="Name of the custody suite"
      hint={suggested ? undefined : 'For example, Kidderminster Police Station'}
      autoComplete="off"
    />
  );

  return (
    <QuestionPage title={TITLE} form={form}>
      <QuestionForm
        onSubmit={onSubmit}
        submitText="Add custody suite"
        busy={form.busy}
        cancelTo="/custody-suites"
      >
        <Select
          {...bind('policeForce')}
          label="Police force"
          hint="The force whose custody suite it is. Its suites in the public register are then offered."
          items={[
            { value: '', label: 'Select a police force' },
            ...forces.map((name) => ({ value: name, label: name })),
          ]}
          onChange={(value) => {
            field('policeForce')(value);
            field('suggestion')('');
          }}
        />
        {force &&
          (suggestions.state === 'loading' ? (
            <Loading />
          ) : suggested ? (
            <Radios
              {...bind('suggestion')}
              legend="Which custody suite?"
              hint={`The suites of ${force} in the public register that your partnership has not added yet`}
              items={[
                ...suggestions.data.map((name) => ({ value: name, label: name })),
                { value: ANOTHER_SUITE, label: 'Another custody suite', conditional: nameInput },
              ]}
            />
          ) : (
            nameInput
          ))}
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
