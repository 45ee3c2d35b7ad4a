import { Link } from 'react-router-dom';
import { MEMBER_ROLES, type MemberRole } from '../../../../shared/domain/values.ts';
import type { Area } from '../../api/types.ts';
import { ROLE_HINTS, ROLE_LABELS } from '../../auth/roles.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { Radios } from '../../components/Radios.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FieldError } from '../../forms/field-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import type { MemberFormValues } from './member-form.ts';

/**
 * The invite and change member form. When inviting, the email address is asked; when
 * changing, it is shown as the caption, since it is how the member signs in.
 */
export function MemberForm({
  title,
  caption,
  submitText,
  inviting,
  initial,
  areas,
  submit,
}: {
  title: string;
  caption?: string;
  submitText: string;
  inviting: boolean;
  initial: MemberFormValues;
  areas: readonly Area[];
  submit: (values: MemberFormValues) => Promise<FieldError[] | undefined>;
}) {
  const form = useForm(initial);
  const { values, field, bind } = form;
  const onSubmit = form.handleSubmit(() => submit(values));

  return (
    <QuestionPage title={title} caption={caption} form={form}>
      <QuestionForm onSubmit={onSubmit} submitText={submitText} busy={form.busy} cancelTo="/members">
        {inviting && (
          <TextInput
            {...bind('email')}
            label="Email address"
            hint="They sign in with this address. We send the invitation to it."
            type="email"
            autoComplete="off"
            spellCheck={false}
          />
        )}
        <TextInput {...bind('name')} label="Name" autoComplete="off" spellCheck={false} />
        <Radios
          {...bind('role')}
          legend="Role"
          items={MEMBER_ROLES.map((role) => ({
            value: role,
            label: ROLE_LABELS[role],
            hint: ROLE_HINTS[role],
          }))}
          onChange={(value) => field('role')(value as MemberRole)}
        />
        {areas.length > 0 ? (
          <Checkboxes
            {...bind('areaIds')}
            legend="Areas"
            hint="Managers and caseworkers see only the people in the areas they cover. Chairs and analysts see the whole partnership and need no areas."
            items={areas.map((area) => ({ value: area.id, label: area.name }))}
          />
        ) : (
          <div className="govuk-inset-text">
            There are no areas yet, so only chairs and analysts can be invited.{' '}
            <Link className="govuk-link" to="/areas/new">
              Add an area
            </Link>{' '}
            first to invite managers and caseworkers.
          </div>
        )}
      </QuestionForm>
    </QuestionPage>
  );
}
