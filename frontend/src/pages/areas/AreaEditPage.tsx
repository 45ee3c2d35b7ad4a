import { useNavigate, useParams } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { AreaForm } from './AreaForm.tsx';
import { areaFormValues } from './area-form.ts';

const TITLE = 'Change area';

/** `/areas/:areaId/edit`: the chair changes an area. */
export function AreaEditPage() {
  const { areaId = '' } = useParams();
  const { api } = useSession();
  const navigate = useNavigate();
  const loaded = useLoad(() => api.getArea(areaId), [api, areaId]);
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {(area) => (
        <AreaForm
          title={TITLE}
          submitText="Save changes"
          initial={areaFormValues(area)}
          save={async (body) => {
            const saved = await api.updateArea(areaId, body, area.version);
            navigate('/areas', { state: { flash: `${saved.name} saved` } satisfies FlashState });
          }}
        />
      )}
    </LoadFrame>
  );
}
