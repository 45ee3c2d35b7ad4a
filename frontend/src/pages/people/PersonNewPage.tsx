import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { myAreas } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useIdempotencyKey } from '../../forms/use-idempotency-key.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { PersonForm } from './PersonForm.tsx';
import { PossibleDuplicates } from './PossibleDuplicates.tsx';
import { newPersonValues, personBody, personSaveErrors } from './person-form.ts';
import {
  type Candidate,
  duplicateCheckError,
  loadCandidates,
  NOT_DUPLICATE_ID,
  possibleDuplicatesOf,
  sameCandidates,
} from './possible-duplicates.ts';

const TITLE = 'Add a person';

/**
 * `/people/new`: a caseworker or manager adds a person in one of their areas. When the API
 * answers that someone in the partnership may be the same person, the page lists them and adds
 * the person only once the user confirms it is someone else (API.md "Trust").
 */
export function PersonNewPage() {
  const { api, me } = useSession();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const loaded = useLoad(() => api.allAreas(), [api]);
  const [candidates, setCandidates] = useState<readonly Candidate[]>([]);
  const [different, setDifferent] = useState(false);
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {(areas) => (
        <PersonForm
          title={TITLE}
          submitText="Add person"
          initial={newPersonValues(me?.areaIds ?? [])}
          areas={myAreas(areas, me)}
          cancelTo="/caseload"
          beforeSubmit={(errorOf) =>
            candidates.length > 0 && (
              <PossibleDuplicates
                candidates={candidates}
                areas={areas}
                confirmed={different}
                onConfirm={setDifferent}
                error={errorOf(NOT_DUPLICATE_ID)}
              />
            )
          }
          submit={async (values) => {
            const checked = personBody(values);
            if (checked.errors) return checked.errors;
            // Unconfirmed, the form is sent as it is: changed answers may match nobody now.
            const body =
              different && candidates.length > 0
                ? { ...checked.body, notDuplicateOf: candidates.map((candidate) => candidate.id) }
                : checked.body;
            try {
              const person = await idempotency.send(body, (key) => api.createPerson(body, key));
              navigate(`/people/${encodeURIComponent(person.id)}`, {
                state: { flash: `${fullName(person)} added` } satisfies FlashState,
              });
              return undefined;
            } catch (error) {
              const found = possibleDuplicatesOf(error);
              if (!found) return personSaveErrors(error, values.prisonNumber);
              if (candidates.length > 0 && sameCandidates(candidates, found)) {
                return [duplicateCheckError('unconfirmed')];
              }
              try {
                setCandidates(await loadCandidates(api.getPerson, found));
              } catch (readError) {
                return personSaveErrors(readError, values.prisonNumber);
              }
              // A confirmation covers only the people it was given for.
              setDifferent(false);
              return [duplicateCheckError(candidates.length > 0 ? 'changed' : 'found')];
            }
          }}
        />
      )}
    </LoadFrame>
  );
}
