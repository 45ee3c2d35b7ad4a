import { Link, useParams } from 'react-router-dom';
import type { Area, CaseRecord, Person } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import {
  FLAG_LABELS,
  labelFor,
  PATHWAY_LABELS,
  SEX_LABELS,
  STATUS_COLOURS,
  STATUS_LABELS,
  SUBSTANCE_GROUP_LABELS,
} from '../../cases/labels.ts';
import { areaName } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SummaryCard } from '../../components/SummaryList.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { useFlash } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDate } from '../../format/dates.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { nhsGroups } from './person-format.ts';

/** `/people/:personId`: a person's details and their referrals. */
export function PersonPage() {
  const { personId = '' } = useParams();
  const { api, me } = useSession();
  const flash = useFlash();
  const loaded = useLoad(async () => {
    const person = await api.getPerson(personId);
    const [areas, cases] = await Promise.all([
      api.allAreas(),
      Promise.all(person.referralIds.map((referralId) => api.getCase(referralId))),
    ]);
    return { person, areas, cases };
  }, [api, personId]);
  // Names stay out of the title, which browsers keep in their history.
  usePageTitle('Person');
  return (
    <LoadFrame loaded={loaded} heading="Person">
      {({ person, areas, cases }) => {
        const id = encodeURIComponent(person.id);
        return (
          <>
            {flash && <NotificationBanner type="success" heading={flash} />}
            <PageHeading caption="Person">{fullName(person)}</PageHeading>
            <SummaryCard
              title="Personal details"
              rows={personRows(person, areas)}
              change={{ to: `/people/${id}/edit`, hiddenText: 'personal details' }}
            />
            <h2 className="govuk-heading-m">Referrals</h2>
            {cases.length === 0 ? (
              <p className="govuk-body">There are no referrals for {fullName(person)} yet.</p>
            ) : (
              <ReferralsTable cases={cases} />
            )}
            <ButtonLink to={`/people/${id}/referrals/new`}>Add a referral</ButtonLink>
            {me?.role === 'manager' && (
              <p className="govuk-body">
                <Link className="govuk-link" to={`/people/${id}/audit`}>
                  Who has seen this record
                </Link>
              </p>
            )}
          </>
        );
      }}
    </LoadFrame>
  );
}

function personRows(person: Person, areas: readonly Area[]) {
  return [
    { key: 'Name', value: fullName(person) },
    { key: 'Date of birth', value: formatDate(person.dateOfBirth) },
    { key: 'Sex', value: labelFor(SEX_LABELS, person.sex) },
    { key: 'Prison number', value: person.prisonNumber ?? 'Not known' },
    { key: 'NHS number', value: person.nhsNumber ? nhsGroups(person.nhsNumber) : 'Not known' },
    { key: 'Area', value: areaName(areas, person.areaId) },
    { key: 'Substance group', value: labelFor(SUBSTANCE_GROUP_LABELS, person.substanceGroup) },
    {
      key: 'Other facts',
      value:
        person.flags.length === 0 ? (
          'None'
        ) : (
          <ul className="govuk-list">
            {person.flags.map((flag) => (
              <li key={flag}>{labelFor(FLAG_LABELS, flag)}</li>
            ))}
          </ul>
        ),
    },
  ];
}

function ReferralsTable({ cases }: { cases: readonly CaseRecord[] }) {
  return (
    <Table
      caption="Referrals"
      head={['Pathway', 'Status', 'Referred on', <VisuallyHidden key="a">Actions</VisuallyHidden>]}
      rows={cases.map((record) => ({
        key: record.id,
        cells: [
          labelFor(PATHWAY_LABELS, record.pathway),
          <Tag key="status" colour={STATUS_COLOURS[record.status]}>
            {labelFor(STATUS_LABELS, record.status)}
          </Tag>,
          formatDate(record.referredOn),
          <Link className="govuk-link" to={`/referrals/${encodeURIComponent(record.id)}`} key="view">
            View case
            <VisuallyHidden>
              : {labelFor(PATHWAY_LABELS, record.pathway)}, referred on {formatDate(record.referredOn)}
            </VisuallyHidden>
          </Link>,
        ],
      }))}
    />
  );
}
