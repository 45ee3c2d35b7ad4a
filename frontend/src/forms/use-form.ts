import { type FormEvent, useCallback, useRef, useState } from 'react';
import { dayFieldId } from './date-parts.ts';
import { errorFor, type FieldError } from './field-errors.ts';

/**
 * State of one form: the typed values (kept as typed whatever goes wrong), the errors of
 * the last failed submit, how many submits failed (so the error summary refocuses) and
 * whether a save is under way (so a double click does not send twice).
 */
export function useForm<V extends object>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failures, setFailures] = useState(0);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  /** A change handler for one field. */
  const field = useCallback(
    <K extends keyof V>(key: K) =>
      (value: V[K]) =>
        setValues((current) => ({ ...current, [key]: value })),
    [],
  );

  /** The props that tie an input to one value: its id (the value's name unless given), value, change handler and error. */
  const bind = <K extends keyof V & string>(key: K, id: string = key) => ({
    id,
    value: values[key],
    onChange: field(key),
    error: errorFor(errors, id),
  });

  /** The same for a date input, whose errors link to its day box. */
  const bindDate = <K extends keyof V & string>(key: K, id: string = key) => ({
    ...bind(key, id),
    error: errorFor(errors, dayFieldId(id)),
  });

  /** Wraps a submit action; the action answers the errors to show, or nothing when it succeeded. */
  const handleSubmit = (action: () => Promise<FieldError[] | undefined>) => async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const problems = await action();
      if (problems && problems.length > 0) {
        setErrors(problems);
        setFailures((count) => count + 1);
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return { values, field, bind, bindDate, errors, failures, busy, handleSubmit };
}
