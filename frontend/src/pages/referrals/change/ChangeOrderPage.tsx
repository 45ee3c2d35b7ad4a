import type { CaseRecord } from '../../../api/types.ts';
import { apiFormSpec, inPageOrder } from '../../../forms/api-form.ts';
import { useForm } from '../../../forms/use-form.ts';
import { CaseActionForm, CaseActionPage } from '../CaseActionPage.tsx';
import { OrderFields } from '../PathwayFields.tsx';
import { orderFields, orderValuesOf, readOrder, withPathwayAliases } from '../pathway-form.ts';
import { useReferralUpdate } from './use-referral-update.ts';

const TITLE = 'Change the court order';

/** The order form's spec, with as many review dates as are on the page. */
const orderForm = (reviewCount: number) =>
  withPathwayAliases(apiFormSpec(orderFields(reviewCount)), reviewCount);

/** `/referrals/:referralId/change/order`: a DRR's or ATR's order, its length, court and review dates. */
export function ChangeOrderPage() {
  return <CaseActionPage title={TITLE} form={(record) => <OrderForm record={record} />} />;
}

function OrderForm({ record }: { record: CaseRecord }) {
  const form = useForm({ order: orderValuesOf(record.order) });
  const spec = orderForm(form.values.order.reviewDates.length);
  const update = useReferralUpdate(record, spec);
  const onSubmit = form.handleSubmit(async () => {
    const order = readOrder(form.values.order);
    if (!order.value) return inPageOrder(order.errors, spec);
    return update({ order: order.value }, 'Court order saved');
  });
  return (
    <CaseActionForm record={record} title={TITLE} submitText="Save" form={form} onSubmit={onSubmit}>
      <OrderFields values={form.values.order} onChange={form.field('order')} errors={form.errors} />
    </CaseActionForm>
  );
}
