import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CreatePartnershipResult } from '../../api/types.ts';
import { useSession } from '../../auth/session-context.ts';
import { Fieldset } from '../../components/Fieldset.tsx';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { Panel } from '../../components/Text.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
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
  const { values, bind } = form;

  const onSubmit = form.handleSubmit(async () => {
    const checked = newPartnershipBody(values);
    if (checked.errors) return checked.errors;
    try {
      const result = await idempotency.send(checked.body, (key) => api.createPartnership(checked.body, key));
      onCreated(result);
      return undefined;
    } catch (error) {
      return submitErrors(error, NEW_PARTNERSHIP_FORM);
    }
  });

  return (
    <QuestionPage title={TITLE} form={form}>
      <QuestionForm
        onSubmit={onSubmit}
        submitText="Add partnership"
        busy={form.busy}
        cancelTo="/admin/partnerships"
      >
        <TextInput
          {...bind('name')}
          label="Partnership name"
          hint="For example, Worcestershire and Herefordshire CDP"
          autoComplete="off"
        />
        <Fieldset legend="Chair">
          <p className="govuk-body">
            We invite the chair by email. They then add the partnership&rsquo;s areas and members.
          </p>
          <TextInput
            {...bind('chairName', 'chair-name')}
            label="Chair’s name"
            autoComplete="off"
            spellCheck={false}
          />
          <TextInput
            {...bind('chairEmail', 'chair-email')}
            label="Chair’s email address"
            type="email"
            autoComplete="off"
            spellCheck={false}
          />
        </Fieldset>
      </QuestionForm>
    </QuestionPage>
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
        <Panel title="Partnership added">{result.name}</Panel>
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
