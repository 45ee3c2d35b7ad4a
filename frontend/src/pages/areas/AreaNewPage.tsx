import { useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import type { FlashState } from '../../components/use-flash.ts';
import { useIdempotencyKey } from '../../forms/use-idempotency-key.ts';
import { AreaForm } from './AreaForm.tsx';
import { areaFormValues } from './area-form.ts';

/** `/areas/new`: the chair adds an area. */
export function AreaNewPage() {
  const { api } = useSession();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  return (
    <AreaForm
      title="Add an area"
      submitText="Add area"
      initial={areaFormValues()}
      save={async (body) => {
        const area = await idempotency.send(body, (key) => api.createArea(body, key));
        navigate('/areas', { state: { flash: `${area.name} added` } satisfies FlashState });
      }}
    />
  );
}
