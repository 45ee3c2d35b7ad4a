import { Link, useParams } from 'react-router-dom';
import { isPrisonPathway } from '../../../../shared/domain/pathways.ts';
import type { CaseAlert, CaseRecord } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { caseActions } from '../../cases/case-rules.ts';
import { labelFor, PATHWAY_LABELS, STATUS_COLOURS, statusLabel } from '../../cases/labels.ts';
import { myAreas } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import { needsRebooking } from '../../cases/next-action.ts';
import { loadCustodySuites, loadPrisonNamer } from '../../cases/registers.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Tag } from '../../components/Tag.tsx';
import { useFlash } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/dates.ts';
import { AlertActionLinks, AlertHistory, AlertStatusTag, alertName } from '../alerts/AlertParts.tsx';
import { LoadFrame } from '../LoadFrame.tsx';
import { Appointments, bookingPath } from './Appointments.tsx';
import { CaseDetails } from './CaseDetails.tsx';
import { ContactLog } from './ContactLog.tsx';
import { DayCounter } from './DayCounter.tsx';
import { rebookPath } from './NextAction.tsx';
import { PathwayFacts } from './PathwayFacts.tsx';
import { ReleasePlanSection } from './ReleasePlanSection.tsx';
import { RiskTags } from './RiskTags.tsx';
import { Timeline } from './Timeline.tsx';

/**
 * `/referrals/:referralId`: a case, where it stands in its window and what is due next, its
 * facts (each correctable), release plan, contacts, appointments, alerts and timeline.
 */
export function CasePage() {
  const { referralId = '' } = useParams();
  const { api, me } = useSession();
  const flash = useFlash();
  const loaded = useLoad(
    () =>
      Promise.all([
        api.getCase(referralId),
        api.timeline(referralId),
        api.allAreas(),
        api.contacts(referralId),
        loadCustodySuites(api),
        loadPrisonNamer(api),
      ]),
    [api, referralId],
  );
  // Names stay out of the title, which browsers keep in their history.
  usePageTitle('Case');
  return (
    <LoadFrame loaded={loaded} heading="Case">
      {([record, timeline, areas, contacts, suites, prisonName]) => (
        <>
          {flash && <NotificationBanner type="success" heading={flash} />}
          <CaseHeading record={record} />
          <p className="govuk-body">
            <Tag colour={STATUS_COLOURS[record.status]}>{statusLabel(record)}</Tag>
          </p>
          <DayCounter record={record} />
          <RiskTags flags={record.riskFlags} />
          <CaseActionButtons record={record} />
          <h2 className="govuk-heading-m">Case details</h2>
          <CaseDetails
            record={record}
            areas={areas}
            myAreaCount={myAreas(areas, me).length}
            myMemberId={me?.memberId}
            prisonName={prisonName}
          />
          <PathwayFacts record={record} suites={suites} />
          {isPrisonPathway(record.pathway) && <ReleasePlanSection record={record} />}
          <ContactLog record={record} contacts={contacts} />
          <Appointments record={record} />
          <Alerts alerts={record.alerts} referralId={record.id} />
          <Timeline events={timeline} prisonName={prisonName} />
          {record.person && (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/people/${encodeURIComponent(record.person.id)}`}>
                {fullName(record.person)}&rsquo;s personal details and other referrals
              </Link>
            </p>
          )}
        </>
      )}
    </LoadFrame>
  );
}

function CaseHeading({ record }: { record: CaseRecord }) {
  return (
    <PageHeading
      caption={[labelFor(PATHWAY_LABELS, record.pathway), record.reference].filter(Boolean).join(' · ')}
    >
      {fullName(record.person)}
      {record.person?.prisonNumber && (
        <span className="govuk-caption-m continuity-heading-detail">
          Prison number {record.person.prisonNumber}
        </span>
      )}
    </PageHeading>
  );
}

function CaseActionButtons({ record }: { record: CaseRecord }) {
  const actions = caseActions(record);
  const base = `/referrals/${encodeURIComponent(record.id)}`;
  // After a missed first appointment, booking a new one is what the case needs next.
  const rebook = needsRebooking(record.nextAction?.rule ?? record.nextDueRule, record.riskFlags);
  const buttons = [
    actions.release && { to: `${base}/release`, text: 'Record release' },
    actions.appointment &&
      (rebook
        ? { to: rebookPath(record.id), text: 'Book a new first appointment' }
        : record.pathway === 'divert'
          ? { to: bookingPath(record.id, 'session'), text: 'Book a session' }
          : { to: bookingPath(record.id), text: 'Book appointment' }),
    actions.engagement && { to: `${base}/engagement`, text: 'Record treatment start' },
    actions.offence && { to: `${base}/offences`, text: 'Record further offence' },
    actions.close && { to: `${base}/close`, text: 'Close case' },
  ].filter((button): button is { to: string; text: string } => Boolean(button));
  return (
    <div className="govuk-button-group">
      {buttons.map((button, index) => (
        <ButtonLink key={button.to} to={button.to} secondary={index > 0}>
          {button.text}
        </ButtonLink>
      ))}
    </div>
  );
}

/** The case's alerts, newest first, each with its status, who acted on it and what may be done next. */
function Alerts({ alerts, referralId }: { alerts: readonly CaseAlert[]; referralId: string }) {
  const here = `/referrals/${encodeURIComponent(referralId)}`;
  return (
    <>
      <h2 className="govuk-heading-m">Alerts</h2>
      {alerts.length === 0 ? (
        <p className="govuk-body">No alerts</p>
      ) : (
        <ul className="govuk-list continuity-case-alerts">
          {[...alerts]
            .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt))
            .map((alert) => (
              <li key={alert.id} className="continuity-case-alerts__item">
                <AlertStatusTag status={alert.status} /> {alertName(alert.rule)}
                {alert.escalates && <> (escalating: {alertName(alert.escalates.rule).toLowerCase()})</>},
                raised {formatDateTime(alert.raisedAt)}
                <AlertHistory alert={alert} />
                <AlertActionLinks alert={alert} next={here} />
              </li>
            ))}
        </ul>
      )}
    </>
  );
}
