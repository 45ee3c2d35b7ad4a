import { Link } from 'react-router-dom';
import { MEMBER_ROLES, type MemberRole } from '../../../../shared/domain/values.ts';
import type { Area } from '../../api/types.ts';
import { ROLE_HINTS, ROLE_LABELS } from '../../auth/roles.ts';
import { ButtonGroup, SubmitButton } from '../../components/Buttons.tsx';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Radios } from '../../components/Radios.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { errorFor, type FieldError } from '../../forms/field-errors.ts';
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
  const { values, field, errors } = form;
  usePageTitle(title, errors.length > 0);
  const onSubmit = form.handleSubmit(() => submit(values));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={form.failures} />
        <PageHeading caption={caption}>{title}</PageHeading>
        <form noValidate onSubmit={onSubmit}>
          {inviting && (
            <TextInput
              id="email"
              label="Email address"
              hint="They sign in with this address. We send the invitation to it."
              type="email"
              value={values.email}
              onChange={field('email')}
              autoComplete="off"
              spellCheck={false}
              error={errorFor(errors, 'email')}
            />
          )}
          <TextInput
            id="name"
            label="Name"
            value={values.name}
            onChange={field('name')}
            autoComplete="off"
            spellCheck={false}
            error={errorFor(errors, 'name')}
          />
          <Radios
            id="role"
            legend="Role"
            items={MEMBER_ROLES.map((role) => ({
              value: role,
              label: ROLE_LABELS[role],
              hint: ROLE_HINTS[role],
            }))}
            value={values.role}
            onChange={(value) => field('role')(value as MemberRole)}
            error={errorFor(errors, 'role')}
          />
          {areas.length > 0 ? (
            <Checkboxes
              id="areaIds"
              legend="Areas"
              hint="Managers and caseworkers see only the people in the areas they cover. Chairs and analysts see the whole partnership and need no areas."
              items={areas.map((area) => ({ value: area.id, label: area.name }))}
              values={values.areaIds}
              onChange={field('areaIds')}
              error={errorFor(errors, 'areaIds')}
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
          <ButtonGroup>
            <SubmitButton busy={form.busy}>{submitText}</SubmitButton>
            <Link className="govuk-link" to="/members">
              Cancel
            </Link>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}
