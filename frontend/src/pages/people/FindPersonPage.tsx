import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PeopleQuery } from '../../../../shared/schemas/person.ts';
import type { Area, FoundPerson } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { areaName } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { QuestionPage } from '../../components/QuestionPage.tsx';
import { Table } from '../../components/Table.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { formatDate } from '../../format/dates.ts';
import { errorFor, type FieldError } from '../../forms/field-errors.ts';
import { FilteredList } from '../FilteredList.tsx';

const TITLE = 'Find a person';
/** The shortest search the API takes (its schema's `minLength`). */
const MIN_LENGTH = PeopleQuery.shape.q._zod.bag.minimum ?? 2;

/** `/people/find?q=`: find a person in your areas by name, prison number, NHS number or case reference. */
export function FindPersonPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const cursor = params.get('cursor') ?? undefined;
  const [typed, setTyped] = useState(q);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failures, setFailures] = useState(0);
  const searching = q.trim().length >= MIN_LENGTH;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const query = typed.trim();
    if (query.length < MIN_LENGTH) {
      setErrors([
        {
          field: 'q',
          message:
            query === ''
              ? 'Enter a name, a number or a case reference'
              : `Enter at least ${MIN_LENGTH} characters of a name, a number or a case reference`,
        },
      ]);
      setFailures((count) => count + 1);
      return;
    }
    setErrors([]);
    setParams({ q: query });
  };

  // What was searched for (perhaps a name) stays out of the title, which browsers keep in their history.
  return (
    <>
      <QuestionPage title={TITLE} form={{ errors, failures }}>
        <form noValidate method="get" action="/people/find" onSubmit={onSubmit}>
          <TextInput
            id="q"
            label="Name, number or case reference"
            hint="A name, prison number, NHS number or case reference. For example, Sam Patel, A1234BC, 943 476 5919 or C-CMBWEK1X. You can type the start of a name."
            value={typed}
            onChange={setTyped}
            autoComplete="off"
            spellCheck={false}
            error={errorFor(errors, 'q')}
          />
          <SubmitButton>Search</SubmitButton>
        </form>
      </QuestionPage>
      {searching && <Results q={q.trim()} cursor={cursor} />}
    </>
  );
}

function Results({ q, cursor }: { q: string; cursor?: string }) {
  const { api } = useSession();
  const found = useLoad(() => Promise.all([api.findPeople(q, cursor), api.allAreas()]), [api, q, cursor]);
  return (
    <FilteredList
      loaded={found}
      pageOf={([page]) => page}
      summary={(page) => (
        <h2 className="govuk-heading-m" aria-live="polite">
          {page.items.length === 0
            ? `No one in your areas matches ‘${q}’`
            : `${page.items.length}${page.nextCursor ? ' or more' : ''} ${page.items.length === 1 ? 'person matches' : 'people match'} ‘${q}’`}
        </h2>
      )}
      empty={
        <>
          <p className="govuk-body">
            Check the spelling, or try the prison number, NHS number, case reference or fewer letters of the
            name.
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/people/new">
              Add a person
            </Link>{' '}
            if they are not in Continuity yet.
          </p>
        </>
      }
      keep={new URLSearchParams({ q })}
    >
      {(people, [, areas]) => <PeopleTable people={people} areas={areas} q={q} />}
    </FilteredList>
  );
}

function PeopleTable({
  people,
  areas,
  q,
}: {
  people: readonly FoundPerson[];
  areas: readonly Area[];
  q: string;
}) {
  return (
    <Table
      caption="People found"
      head={['Name', 'Date of birth', 'Prison number', 'Area']}
      rows={people.map((person) => ({
        key: person.id,
        cells: [
          <span key="name">
            {/* Found by a case reference: straight to the case it names. */}
            <Link
              className="govuk-link"
              to={
                person.referralId
                  ? `/referrals/${encodeURIComponent(person.referralId)}`
                  : `/people/${encodeURIComponent(person.id)}`
              }
            >
              {fullName(person)}
            </Link>
            {person.referralId && (
              <span className="govuk-body-s continuity-alert-history">Case {q.trim().toUpperCase()}</span>
            )}
          </span>,
          formatDate(person.dateOfBirth),
          <span className="continuity-nowrap" key="number">
            {person.prisonNumber ?? 'Not known'}
          </span>,
          areaName(areas, person.areaId),
        ],
      }))}
    />
  );
}
