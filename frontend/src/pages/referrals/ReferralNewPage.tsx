import { Link, useNavigate, useParams } from 'react-router-dom';
import { isPrisonPathway } from '../../../../shared/domain/pathways.ts';
import { PATHWAYS } from '../../../../shared/domain/values.ts';
import { ApiError } from '../../api/errors.ts';
import type { Area, Member, Person } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { PATHWAY_LABELS } from '../../cases/labels.ts';
import { myAreas } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import { ButtonGroup, SubmitButton } from '../../components/Buttons.tsx';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Radios } from '../../components/Radios.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { readableSubmitErrors } from '../../forms/api-form.ts';
import { errorFor } from '../../forms/field-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { useIdempotencyKey } from '../../forms/use-idempotency-key.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { newReferralValues, REFERRAL_FORM, type ReferralFormValues, referralBody } from './referral-form.ts';

const TITLE = 'Add a referral';

/** `/people/:personId/referrals/new`: put a person on a pathway. */
export function ReferralNewPage() {
  const { personId = '' } = useParams();
  const { api, me } = useSession();
  const manager = me?.role === 'manager';
  // Only managers may list members; a caseworker can assign a case to themselves.
  const loaded = useLoad(
    () =>
      Promise.all([
        api.getPerson(personId),
        api.allAreas(),
        manager ? api.allMembers() : Promise.resolve(undefined),
      ]),
    [api, personId, manager],
  );
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {([person, areas, members]) => (
        <ReferralForm person={person} areas={myAreas(areas, me)} members={members} />
      )}
    </LoadFrame>
  );
}

function ReferralForm({
  person,
  areas,
  members,
}: {
  person: Person;
  areas: readonly Area[];
  members?: readonly Member[];
}) {
  const { api, me } = useSession();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const startArea = areas.some((area) => area.id === person.areaId) ? person.areaId : '';
  const form = useForm<ReferralFormValues>(() => newReferralValues(startArea));
  const { values, field, errors } = form;
  usePageTitle(TITLE, errors.length > 0);
  const personPage = `/people/${encodeURIComponent(person.id)}`;

  const onSubmit = form.handleSubmit(async () => {
    const checked = referralBody(values, me?.memberId);
    if (checked.errors) return checked.errors;
    try {
      const referral = await api.createReferral(person.id, checked.body, idempotency.keyFor(checked.body));
      idempotency.settle();
      navigate(`/referrals/${encodeURIComponent(referral.id)}`, {
        state: { flash: `Referral added: ${PATHWAY_LABELS[referral.pathway]}` } satisfies FlashState,
      });
      return undefined;
    } catch (error) {
      if (!(error instanceof ApiError && error.outcomeUnknown)) idempotency.settle();
      return readableSubmitErrors(error, REFERRAL_FORM);
    }
  });

  const expectedRelease = (
    <DateInput
      id="expectedReleaseOn"
      legend="Expected release date (optional)"
      hint="If you know it. For example, 14 3 2026"
      small
      value={values.expectedReleaseOn}
      onChange={field('expectedReleaseOn')}
      error={errorFor(errors, 'expectedReleaseOn-day')}
    />
  );
  const assignable = (members ?? []).filter(
    (member) =>
      (member.role === 'caseworker' || member.role === 'manager') && member.areaIds.includes(values.areaId),
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={form.failures} />
        <PageHeading caption={fullName(person)}>{TITLE}</PageHeading>
        <form noValidate onSubmit={onSubmit}>
          <Radios
            id="pathway"
            legend="Pathway"
            items={PATHWAYS.map((pathway) => ({
              value: pathway,
              label: PATHWAY_LABELS[pathway],
              conditional: isPrisonPathway(pathway) ? expectedRelease : undefined,
            }))}
            value={values.pathway}
            onChange={field('pathway')}
            error={errorFor(errors, 'pathway')}
          />
          <Radios
            id="areaId"
            legend="Area"
            hint="The area whose team will follow this case"
            items={areas.map((area) => ({ value: area.id, label: area.name }))}
            value={values.areaId}
            onChange={field('areaId')}
            error={errorFor(errors, 'areaId')}
          />
          <TextInput
            id="source"
            label="Referred from"
            hint="Prison (e.g. HMP Hewell), custody suite or court"
            value={values.source}
            onChange={field('source')}
            autoComplete="off"
            error={errorFor(errors, 'source')}
          />
          <DateInput
            id="referredOn"
            legend="Referral date"
            hint="The date the referral was received. For example, 27 3 2026"
            value={values.referredOn}
            onChange={field('referredOn')}
            error={errorFor(errors, 'referredOn-day')}
          />
          {members ? (
            <Select
              id="assignedTo"
              label="Assigned to (optional)"
              hint="Caseworkers and managers who cover the area"
              items={[
                { value: '', label: 'Not assigned' },
                ...assignable.map((member) => ({ value: member.id, label: member.name })),
              ]}
              value={values.assignedTo}
              onChange={field('assignedTo')}
              error={errorFor(errors, 'assignedTo')}
            />
          ) : (
            <Checkboxes
              id="assignedTo"
              legend="Assigned to (optional)"
              items={[{ value: 'me', label: 'Assign this case to me' }]}
              values={values.assignToMe}
              onChange={field('assignToMe')}
              error={errorFor(errors, 'assignedTo')}
            />
          )}
          <ButtonGroup>
            <SubmitButton busy={form.busy}>Add referral</SubmitButton>
            <Link className="govuk-link" to={personPage}>
              Cancel
            </Link>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}
