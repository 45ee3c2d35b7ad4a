import { useNavigate, useParams } from 'react-router-dom';
import { isPrisonPathway } from '../../../../shared/domain/pathways.ts';
import { PATHWAYS } from '../../../../shared/domain/values.ts';
import type { Area, Member, Person } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { PATHWAY_LABELS } from '../../cases/labels.ts';
import { myAreas } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { Radios } from '../../components/Radios.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { readableSubmitErrors } from '../../forms/api-form.ts';
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
  // Keyed to the person: the same referral for another person is another request.
  const idempotency = useIdempotencyKey(person.id);
  const startArea = areas.some((area) => area.id === person.areaId) ? person.areaId : '';
  const form = useForm<ReferralFormValues>(() => newReferralValues(startArea));
  const { values, bind, bindDate } = form;
  const personPage = `/people/${encodeURIComponent(person.id)}`;

  const onSubmit = form.handleSubmit(async () => {
    const checked = referralBody(values, me?.memberId);
    if (checked.errors) return checked.errors;
    try {
      const referral = await idempotency.send(checked.body, (key) =>
        api.createReferral(person.id, checked.body, key),
      );
      navigate(`/referrals/${encodeURIComponent(referral.id)}`, {
        state: { flash: `Referral added: ${PATHWAY_LABELS[referral.pathway]}` } satisfies FlashState,
      });
      return undefined;
    } catch (error) {
      return readableSubmitErrors(error, REFERRAL_FORM);
    }
  });

  const expectedRelease = (
    <DateInput
      {...bindDate('expectedReleaseOn')}
      legend="Expected release date (optional)"
      hint="If you know it. For example, 14 3 2026"
      small
    />
  );
  const assignable = (members ?? []).filter(
    (member) =>
      (member.role === 'caseworker' || member.role === 'manager') && member.areaIds.includes(values.areaId),
  );

  return (
    <QuestionPage title={TITLE} caption={fullName(person)} form={form}>
      <QuestionForm onSubmit={onSubmit} submitText="Add referral" busy={form.busy} cancelTo={personPage}>
        <Radios
          {...bind('pathway')}
          legend="Pathway"
          items={PATHWAYS.map((pathway) => ({
            value: pathway,
            label: PATHWAY_LABELS[pathway],
            conditional: isPrisonPathway(pathway) ? expectedRelease : undefined,
          }))}
        />
        <Radios
          {...bind('areaId')}
          legend="Area"
          hint="The area whose team will follow this case"
          items={areas.map((area) => ({ value: area.id, label: area.name }))}
        />
        <TextInput
          {...bind('source')}
          label="Referred from"
          hint="Prison (e.g. HMP Hewell), custody suite or court"
          autoComplete="off"
        />
        <DateInput
          {...bindDate('referredOn')}
          legend="Referral date"
          hint="The date the referral was received. For example, 27 3 2026"
        />
        {members ? (
          <Select
            {...bind('assignedTo')}
            label="Assigned to (optional)"
            hint="Caseworkers and managers who cover the area"
            items={[
              { value: '', label: 'Not assigned' },
              ...assignable.map((member) => ({ value: member.id, label: member.name })),
            ]}
          />
        ) : (
          <Checkboxes
            {...bind('assignToMe', 'assignedTo')}
            legend="Assigned to (optional)"
            items={[{ value: 'me', label: 'Assign this case to me' }]}
          />
        )}
      </QuestionForm>
    </QuestionPage>
  );
}
