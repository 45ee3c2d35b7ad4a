import { useParams } from 'react-router-dom';
import type { Area, CaseRecord } from '../../../api/types.ts';
import { useLoad } from '../../../api/use-load.ts';
import { useSession } from '../../../auth/session-context.ts';
import { areaName, myAreas } from '../../../cases/my-areas.ts';
import { Radios } from '../../../components/Radios.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { apiFormSpec } from '../../../forms/api-form.ts';
import { useForm } from '../../../forms/use-form.ts';
import { LoadFrame } from '../../LoadFrame.tsx';
import { CaseActionForm } from '../CaseActionPage.tsx';
import { useReferralUpdate } from './use-referral-update.ts';

const TITLE = 'Move the case to another area';
const AREA_FORM = apiFormSpec([{ path: 'areaId', label: 'Area' }]);

/** `/referrals/:referralId/change/area`: moves the case to another of the user's areas. */
export function ChangeAreaPage() {
  const { referralId = '' } = useParams();
  const { api, me } = useSession();
  const loaded = useLoad(() => Promise.all([api.getCase(referralId), api.allAreas()]), [api, referralId]);
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {([record, areas]) => <AreaForm record={record} areas={myAreas(areas, me)} />}
    </LoadFrame>
  );
}

function AreaForm({ record, areas }: { record: CaseRecord; areas: readonly Area[] }) {
  const form = useForm({ areaId: record.areaId });
  const update = useReferralUpdate(record, AREA_FORM);
  const onSubmit = form.handleSubmit(async () => {
    const areaId = form.values.areaId;
    if (areaId === record.areaId) {
      return [{ field: 'areaId', message: 'Select another area, or cancel to keep the case where it is' }];
    }
    return update({ areaId }, `Case moved to ${areaName(areas, areaId)}`);
  });
  return (
    <CaseActionForm record={record} title={TITLE} submitText="Move case" form={form} onSubmit={onSubmit}>
      <Radios
        {...form.bind('areaId')}
        legend="Which area’s team should follow this case?"
        hint="If the person it is assigned to does not cover the new area, the case becomes unassigned."
        items={areas.map((area) => ({ value: area.id, label: area.name }))}
      />
    </CaseActionForm>
  );
}
