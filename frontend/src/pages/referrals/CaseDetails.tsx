import { engagesBySession, isPrisonPathway } from '../../../../shared/domain/pathways.ts';
import type { Area, CaseRecord } from '../../api/types.ts';
import {
  CLOSE_REASON_LABELS,
  labelFor,
  PATHWAY_LABELS,
  programmeName,
  RELEASE_TYPE_LABELS,
} from '../../cases/labels.ts';
import { areaName } from '../../cases/my-areas.ts';
import type { PrisonNamer } from '../../cases/registers.ts';
import { SummaryList, type SummaryRow } from '../../components/SummaryList.tsx';
import { formatDate, formatDateTime } from '../../format/dates.ts';
import { type ChangeFact, changePath } from './change/change-paths.ts';
import { NextAction } from './NextAction.tsx';

/** The case's recorded facts, each with a "Change" link while the case is open and the fact can change. */
export function CaseDetails({
  record,
  areas,
  myAreaCount,
  myMemberId,
  prisonName = (code) => code,
}: {
  record: CaseRecord;
  areas: readonly Area[];
  /** How many areas the user covers: moving the case needs another one. */
  myAreaCount: number;
  myMemberId: string | undefined;
  /** The releasing prison's name from its code. */
  prisonName?: PrisonNamer;
}) {
  const open = record.status !== 'closed';
  const prison = isPrisonPathway(record.pathway);
  const bySession = engagesBySession(record.pathway);
  const change = (fact: ChangeFact, hiddenText: string, allowed = true): SummaryRow['change'] =>
    open && allowed ? { to: changePath(record.id, fact), hiddenText } : undefined;
  const rows: SummaryRow[] = [
    { key: 'Case reference', value: <span className="continuity-nowrap">{record.reference}</span> },
    { key: 'Pathway', value: labelFor(PATHWAY_LABELS, record.pathway) },
    { key: 'Area', value: areaName(areas, record.areaId), change: change('area', 'area', myAreaCount > 1) },
    { key: 'Referred from', value: record.source, change: change('source', 'where the referral came from') },
    { key: 'Referred on', value: formatDate(record.referredOn) },
    {
      key: 'Assigned to',
      value: assigneeText(record, myMemberId),
      change: change('assignee', 'who the case is assigned to'),
    },
    {
      key: 'Programmes',
      value: record.programmes.length === 0 ? 'None' : record.programmes.map(programmeName).join(', '),
      change: change('programmes', 'programmes'),
    },
    ...(prison
      ? [
          {
            key: 'Expected release',
            value: record.expectedReleaseOn ? formatDate(record.expectedReleaseOn) : 'Not known',
            change: change('expected-release', 'expected release date', !record.releasedOn),
          },
          {
            key: 'Released',
            value: releasedText(record, prisonName),
            change: change('release-date', 'release date', Boolean(record.releasedOn)),
          },
        ]
      : []),
    // On DIVERT the sessions are the treatment: the first one attended is the engagement.
    ...(bySession
      ? [
          {
            key: 'Engaged',
            value: record.engagedOn
              ? `First session attended on ${formatDate(record.engagedOn)}`
              : 'No session attended yet',
          },
        ]
      : [
          {
            key: 'First appointment',
            value: record.firstAppointmentAt ? formatDateTime(record.firstAppointmentAt) : 'Not booked',
          },
          {
            key: 'Treatment start',
            value: record.engagedOn ? formatDate(record.engagedOn) : 'Not yet recorded',
            change: change('treatment-start', 'treatment start date', Boolean(record.engagedOn)),
          },
        ]),
    { key: 'Contacts', value: contactsText(record) },
    ...(record.closedOn
      ? [
          {
            key: 'Closed',
            value: `${formatDate(record.closedOn)}${record.closeReason ? `: ${labelFor(CLOSE_REASON_LABELS, record.closeReason).toLowerCase()}` : ''}`,
          },
        ]
      : []),
    ...(record.offences.length > 0
      ? [
          {
            key: 'Further offences',
            value: (
              <ul className="govuk-list">
                {record.offences.map((offence) => (
                  <li key={`${offence.offendedOn}-${offence.recordedAt}`}>
                    {formatDate(offence.offendedOn)}
                  </li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
    { key: 'Next action due', value: <NextAction record={record} /> },
  ];
  return <SummaryList rows={rows} />;
}

function assigneeText(record: CaseRecord, myMemberId: string | undefined): string {
  if (!record.assignedTo) return 'Not assigned';
  if (record.assignedTo === myMemberId) return 'You';
  return record.assignedToName ?? 'Another member of the area team';
}

function releasedText(record: CaseRecord, prisonName: PrisonNamer): string {
  if (!record.releasedOn) return 'Not yet released';
  return [
    formatDate(record.releasedOn),
    record.releaseType && labelFor(RELEASE_TYPE_LABELS, record.releaseType).toLowerCase(),
    record.establishment && `from ${prisonName(record.establishment)}`,
  ]
    .filter(Boolean)
    .join(', ');
}

function contactsText(record: CaseRecord): string {
  const counts = record.contactCounts;
  if (counts.preRelease + counts.postRelease === 0) return 'None recorded';
  const parts = [`${counts.preRelease} before release`, `${counts.postRelease} after release`];
  return record.lastContactAt
    ? `${parts.join(', ')}. Last on ${formatDateTime(record.lastContactAt)}`
    : parts.join(', ');
}
