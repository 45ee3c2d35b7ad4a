import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isPrisonPathway } from '../../../../shared/domain/pathways.ts';
import type { Area, CustodySuite, Member, Person } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { PATHWAY_LABELS, programmeName } from '../../cases/labels.ts';
import { myAreas } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import { loadCustodySuites } from '../../cases/registers.ts';
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
import { CustodySuiteSelect, OrderFields, TestFields } from './PathwayFields.tsx';
import { pathwayFields } from './pathway-form.ts';
import {
  NEW_REFERRAL_PATHWAYS,
  newReferralValues,
  type ReferralFormValues,
  referralBody,
  referralFormSpec,
} from './referral-form.ts';

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
        api.getPartnership(),
        loadCustodySuites(api),
      ]),
    [api, personId, manager],
  );
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {([person, areas, members, partnership, suites]) => (
        <ReferralForm
          person={person}
          areas={myAreas(areas, me)}
          members={members}
          programmes={partnership.settings.programmes}
          suites={suites}
        />
      )}
    </LoadFrame>
  );
}

function ReferralForm({
  person,
  areas,
  members,
  programmes,
  suites,
}: {
  person: Person;
  areas: readonly Area[];
  members?: readonly Member[];
  /** The programmes the partnership runs. */
  programmes: readonly string[];
  suites: readonly CustodySuite[];
}) {
  const { api, me } = useSession();
  const navigate = useNavigate();
  // Keyed to the person: the same referral for another person is another request.
  const idempotency = useIdempotencyKey(person.id);
  const startArea = areas.some((area) => area.id === person.areaId) ? person.areaId : '';
  const form = useForm<ReferralFormValues>(() => newReferralValues(startArea));
  const { values, field, bind, bindDate, errors } = form;
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
      return readableSubmitErrors(error, referralFormSpec(values.order.reviewDates.length));
    }
  });

  /** The questions a pathway asks of its own, revealed under its radio. */
  const revealed = (pathway: string): ReactNode => {
    if (isPrisonPathway(pathway)) {
      return (
        <DateInput
          {...bindDate('expectedReleaseOn')}
          legend="Expected release date (optional)"
          hint="If you know it. For example, 14 3 2026"
          small
        />
      );
    }
    const { has, requires } = pathwayFields(pathway);
    const parts: ReactNode[] = [];
    if (has('test')) {
      parts.push(
        <TestFields key="test" values={values.test} onChange={field('test')} errors={errors} small />,
      );
    }
    if (has('communityResolutionOn')) {
      parts.push(
        <DateInput
          key="resolution"
          {...bindDate('communityResolutionOn')}
          legend="Date of the community resolution"
          hint="The day the police gave the community resolution. For example, 14 3 2026"
          small
        />,
      );
    }
    if (has('custodySuiteId')) {
      parts.push(
        <CustodySuiteSelect
          key="suite"
          suites={suites}
          areaId={values.areaId}
          required={requires('custodySuiteId')}
          value={values.custodySuiteId}
          onChange={field('custodySuiteId')}
          errors={errors}
        />,
      );
    }
    if (has('order')) {
      parts.push(
        <OrderFields key="order" values={values.order} onChange={field('order')} errors={errors} small />,
      );
    }
    return parts.length > 0 ? parts : undefined;
  };

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
          items={NEW_REFERRAL_PATHWAYS.map((pathway) => ({
            value: pathway,
            label: PATHWAY_LABELS[pathway],
            conditional: revealed(pathway),
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
        {programmes.length > 0 && (
          <Checkboxes
            {...bind('programmes')}
            legend="Programmes (optional)"
            hint="Select any programmes your partnership runs that this case is on"
            items={programmes.map((code) => ({ value: code, label: programmeName(code) }))}
          />
        )}
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
