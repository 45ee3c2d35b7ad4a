import { useNavigate, useParams } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { LoadFailed } from '../errors/LoadFailed.tsx';
import { AreaForm } from './AreaForm.tsx';
import { areaFormValues } from './area-form.ts';

const TITLE = 'Change area';

/** `/areas/:areaId/edit`: the chair changes an area. */
export function AreaEditPage() {
  const { areaId = '' } = useParams();
  const { api } = useSession();
  const navigate = useNavigate();
  const area = useLoad(() => api.getArea(areaId), [api, areaId]);
  usePageTitle(TITLE);
  if (area.state === 'error') return <LoadFailed error={area.error} onRetry={area.reload} />;
  if (area.state === 'loading') {
    return (
      <>
        <PageHeading>{TITLE}</PageHeading>
        <Loading />
      </>
    );
  }
  return (
    <AreaForm
      title={TITLE}
      submitText="Save changes"
      initial={areaFormValues(area.data)}
      save={async (body) => {
        const saved = await api.updateArea(areaId, body, area.data.version);
        navigate('/areas', { state: { flash: `${saved.name} saved` } satisfies FlashState });
      }}
    />
  );
}
