import { useNavigate, useParams } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { myAreas } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { PersonForm } from './PersonForm.tsx';
import { personBody, personChanges, personFormValues, personSaveErrors } from './person-form.ts';

const TITLE = 'Change personal details';

/** `/people/:personId/edit`: change a person's details (sent with `If-Match`). */
export function PersonEditPage() {
  const { personId = '' } = useParams();
  const { api, me } = useSession();
  const navigate = useNavigate();
  const loaded = useLoad(() => Promise.all([api.getPerson(personId), api.allAreas()]), [api, personId]);
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {([person, areas]) => {
        const personPage = `/people/${encodeURIComponent(person.id)}`;
        return (
          <PersonForm
            title={TITLE}
            caption={fullName(person)}
            submitText="Save changes"
            initial={personFormValues(person)}
            areas={myAreas(areas, me)}
            cancelTo={personPage}
            submit={async (values) => {
              const checked = personBody(values);
              if (checked.errors) return checked.errors;
              const changes = personChanges(person, checked.body);
              if (Object.keys(changes).length === 0) {
                navigate(personPage);
                return undefined;
              }
              try {
                const saved = await api.updatePerson(person.id, changes, person.version);
                navigate(personPage, {
                  state: { flash: `Changes to ${fullName(saved)} saved` } satisfies FlashState,
                });
                return undefined;
              } catch (error) {
                return personSaveErrors(error, values.prisonNumber);
              }
            }}
          />
        );
      }}
    </LoadFrame>
  );
}
