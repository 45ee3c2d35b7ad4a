import { Link } from 'react-router-dom';
import type { Area } from '../../api/types.ts';
import { areaName } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { WarningText } from '../../components/Text.tsx';
import { formatDate } from '../../format/dates.ts';
import { nhsGroups } from './person-format.ts';
import { type Candidate, NOT_DUPLICATE_ID } from './possible-duplicates.ts';

const DIFFERENT = 'different';

/**
 * The people who may be the person being added, each linked to their record (one in another
 * area by words alone, since the user cannot open it), and the confirmation that this is
 * someone else, which the form needs before it adds them.
 */
export function PossibleDuplicates({
  candidates,
  areas,
  confirmed,
  onConfirm,
  error,
}: {
  candidates: readonly Candidate[];
  /** Every area of the partnership, to name a candidate's. */
  areas: readonly Area[];
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  error?: string;
}) {
  const one = candidates.length === 1;
  return (
    <>
      <h2 className="govuk-heading-m">
        {one ? 'This person may already be recorded' : 'These people may already be recorded'}
      </h2>
      <WarningText>
        {one ? 'Someone' : `${candidates.length} people`} in your partnership {one ? 'has' : 'have'} the same
        NHS number, or the same date of birth and family name. Check {one ? 'them' : 'each of them'} before
        you add this person.
      </WarningText>
      <dl className="govuk-summary-list">
        {candidates.map((candidate) => (
          <div className="govuk-summary-list__row" key={candidate.id}>
            {candidate.person ? (
              <>
                <dt className="govuk-summary-list__key">
                  <Link className="govuk-link" to={`/people/${encodeURIComponent(candidate.id)}`}>
                    {fullName(candidate.person)}
                  </Link>
                </dt>
                <dd className="govuk-summary-list__value">
                  <ul className="govuk-list">
                    <li>Born {formatDate(candidate.person.dateOfBirth)}</li>
                    {candidate.person.nhsNumber && (
                      <li>NHS number {nhsGroups(candidate.person.nhsNumber)}</li>
                    )}
                    {candidate.person.prisonNumber && <li>Prison number {candidate.person.prisonNumber}</li>}
                    <li>{areaName(areas, candidate.person.areaId)}</li>
                  </ul>
                </dd>
              </>
            ) : (
              <>
                <dt className="govuk-summary-list__key">A person in another area</dt>
                <dd className="govuk-summary-list__value">
                  You cannot see their record. Ask the manager of that area whether this is the same person.
                </dd>
              </>
            )}
          </div>
        ))}
      </dl>
      <Checkboxes
        id={NOT_DUPLICATE_ID}
        legend={
          one
            ? 'Is this a different person from the one listed?'
            : 'Is this a different person from those listed?'
        }
        hint="If it is the same person, go to their record instead of adding them again"
        items={[{ value: DIFFERENT, label: 'This is a different person' }]}
        value={confirmed ? [DIFFERENT] : []}
        onChange={(values) => onConfirm(values.includes(DIFFERENT))}
        error={error}
      />
    </>
  );
}
