import { type FormEvent, useCallback, useRef, useState } from 'react';
import type { FieldError } from './field-errors.ts';

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

  return { values, field, errors, failures, busy, handleSubmit };
}
