import type { ReactNode } from 'react';
import type { Endpoints } from '../../api/endpoints.ts';
import type { CaseRecord } from '../../api/types.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { apiFormSpec } from '../../forms/api-form.ts';
import { EMPTY_DATE, readDate } from '../../forms/date-parts.ts';
import { errorFor } from '../../forms/field-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { CaseActionForm } from './CaseActionPage.tsx';
import type { CaseWrite } from './use-case-write.ts';
import { useCaseWrite } from './use-case-write.ts';

/** A case action that asks one date (treatment start, further offence). */
export function DateActionForm({
  record,
  title,
  path,
  legend,
  hint,
  emptyMessage,
  submitText,
  intro,
  send,
  flash,
}: {
  record: CaseRecord;
  title: string;
  /** The body's field, e.g. `startedOn`. */
  path: string;
  legend: string;
  hint: string;
  emptyMessage: string;
  submitText: string;
  intro?: ReactNode;
  send: (api: Endpoints, date: string, write: CaseWrite) => Promise<unknown>;
  flash: (date: string) => string;
}) {
  const spec = apiFormSpec([{ path, label: legend, date: true }]);
  const form = useForm({ date: { ...EMPTY_DATE } });
  const { values, field, errors } = form;
  const write = useCaseWrite(record, spec);

  const onSubmit = form.handleSubmit(async () => {
    const date = readDate(values.date, { id: path, label: legend, emptyMessage });
    if (date.error || !date.value) return date.error ? [date.error] : [];
    const value = date.value;
    return write({ [path]: value }, (api, options) => send(api, value, options), flash(value));
  });

  return (
    <CaseActionForm
      record={record}
      title={title}
      submitText={submitText}
      errors={errors}
      failures={form.failures}
      busy={form.busy}
      onSubmit={onSubmit}
    >
      {intro}
      <DateInput
        id={path}
        legend={legend}
        hint={hint}
        value={values.date}
        onChange={field('date')}
        error={errorFor(errors, `${path}-day`)}
      />
    </CaseActionForm>
  );
}
