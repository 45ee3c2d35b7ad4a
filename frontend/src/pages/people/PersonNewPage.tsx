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
import { newPersonValues, personBody, personSaveErrors } from './person-form.ts';

const TITLE = 'Add a person';

/** `/people/new`: a caseworker or manager adds a person in one of their areas. */
export function PersonNewPage() {
  const { api, me } = useSession();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const loaded = useLoad(() => api.allAreas(), [api]);
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
          submit={async (values) => {
            const checked = personBody(values);
            if (checked.errors) return checked.errors;
            try {
              const person = await idempotency.send(checked.body, (key) =>
                api.createPerson(checked.body, key),
              );
              navigate(`/people/${encodeURIComponent(person.id)}`, {
                state: { flash: `${fullName(person)} added` } satisfies FlashState,
              });
              return undefined;
            } catch (error) {
              return personSaveErrors(error, values.prisonNumber);
            }
          }}
        />
      )}
    </LoadFrame>
  );
}
