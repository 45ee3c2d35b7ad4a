import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/errors.ts';
import type { CreatePartnershipResult } from '../../api/types.ts';
import { useSession } from '../../auth/session-context.ts';
import { ButtonGroup, SubmitButton } from '../../components/Buttons.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Text.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { errorFor } from '../../forms/field-errors.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { useIdempotencyKey } from '../../forms/use-idempotency-key.ts';
import { NEW_PARTNERSHIP_FORM, newPartnershipBody } from './new-partnership-form.ts';

const TITLE = 'Add a partnership';

/** `/admin/partnerships/new`: the operator creates a partnership and invites its chair. */
export function NewPartnershipPage() {
  const [created, setCreated] = useState<CreatePartnershipResult>();
  return created ? <Created result={created} /> : <NewPartnershipForm onCreated={setCreated} />;
}

function NewPartnershipForm({ onCreated }: { onCreated: (result: CreatePartnershipResult) => void }) {
  const { api } = useSession();
  const idempotency = useIdempotencyKey();
  const form = useForm({ name: '', chairName: '', chairEmail: '' });
  const { values, field, errors } = form;
  usePageTitle(TITLE, errors.length > 0);

  const onSubmit = form.handleSubmit(async () => {
    const checked = newPartnershipBody(values);
    if (checked.errors) return checked.errors;
    try {
      const result = await api.createPartnership(checked.body, idempotency.keyFor(checked.body));
      idempotency.settle();
      onCreated(result);
      return undefined;
    } catch (error) {
      if (!(error instanceof ApiError && error.outcomeUnknown)) idempotency.settle();
      return submitErrors(error, NEW_PARTNERSHIP_FORM);
    }
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={form.failures} />
        <PageHeading>{TITLE}</PageHeading>
        <form noValidate onSubmit={onSubmit}>
          <TextInput
            id="name"
            label="Partnership name"
            hint="For example, Worcestershire and Herefordshire CDP"
            value={values.name}
            onChange={field('name')}
            autoComplete="off"
            error={errorFor(errors, 'name')}
          />
          <Fieldset legend="Chair">
            <p className="govuk-body">
              We invite the chair by email. They then add the partnership&rsquo;s areas and members.
            </p>
            <TextInput
              id="chair-name"
              label="Chair’s name"
              value={values.chairName}
              onChange={field('chairName')}
              autoComplete="off"
              spellCheck={false}
              error={errorFor(errors, 'chair-name')}
            />
            <TextInput
              id="chair-email"
              label="Chair’s email address"
              type="email"
              value={values.chairEmail}
              onChange={field('chairEmail')}
              autoComplete="off"
              spellCheck={false}
              error={errorFor(errors, 'chair-email')}
            />
          </Fieldset>
          <ButtonGroup>
            <SubmitButton busy={form.busy}>Add partnership</SubmitButton>
            <Link className="govuk-link" to="/admin/partnerships">
              Cancel
            </Link>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}

function Created({ result }: { result: CreatePartnershipResult }) {
  usePageTitle('Partnership added');
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('h1')?.focus();
  }, []);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds" ref={panel}>
        <Panel title="Partnership added">{result.partnership.name}</Panel>
        <p className="govuk-body">
          We have invited {result.chair.name} ({result.chair.email}) to be its chair. They will get an email
          telling them how to sign in.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/admin/partnerships">
            Go to partnerships
          </Link>
        </p>
      </div>
    </div>
  );
}
