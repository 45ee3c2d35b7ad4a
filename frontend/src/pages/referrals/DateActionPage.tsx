import type { ReactNode } from 'react';
import type { Endpoints } from '../../api/endpoints.ts';
import type { CaseRecord } from '../../api/types.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { apiFormSpec } from '../../forms/api-form.ts';
import { EMPTY_DATE, readDate } from '../../forms/date-parts.ts';
import { useForm } from '../../forms/use-form.ts';
import { CaseActionForm, CaseActionPage } from './CaseActionPage.tsx';
import { type CaseWrite, useCaseWrite } from './use-case-write.ts';

/** What a case action that asks one date says and sends. */
export interface DateAction {
  title: string;
  /** The body's field, e.g. `startedOn`. */
  path: string;
  legend: string;
  hint: string;
  emptyMessage: string;
  submitText: string;
  /** Said over the date, from the case. */
  intro?: (record: CaseRecord) => ReactNode;
  send: (api: Endpoints, record: CaseRecord, date: string, write: CaseWrite) => Promise<unknown>;
  /** The banner on the case page afterwards. */
  flash: (date: string) => string;
}

/** The page of a case action that asks one date (treatment start, further offence). */
export function DateActionPage({ action }: { action: DateAction }) {
  return (
    <CaseActionPage
      title={action.title}
      form={(record) => <DateActionForm record={record} action={action} />}
    />
  );
}

function DateActionForm({ record, action }: { record: CaseRecord; action: DateAction }) {
  const { path, legend, emptyMessage } = action;
  const spec = apiFormSpec([{ path, label: legend, date: true }]);
  const form = useForm({ date: { ...EMPTY_DATE } });
  const write = useCaseWrite(record, spec);

  const onSubmit = form.handleSubmit(async () => {
    const date = readDate(form.values.date, { id: path, label: legend, emptyMessage });
    if (date.error || !date.value) return date.error ? [date.error] : [];
    const value = date.value;
    return write(
      { [path]: value },
      (api, options) => action.send(api, record, value, options),
      action.flash(value),
    );
  });

  return (
    <CaseActionForm
      record={record}
      title={action.title}
      submitText={action.submitText}
      form={form}
      onSubmit={onSubmit}
    >
      {action.intro?.(record)}
      <DateInput {...form.bindDate('date', path)} legend={legend} hint={action.hint} />
    </CaseActionForm>
  );
}
