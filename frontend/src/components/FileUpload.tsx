import type { ReactNode } from 'react';
import { describedBy, ErrorMessage, FormGroup, Hint } from './FormGroup.tsx';

export interface FileUploadProps {
  id: string;
  label: string;
  onChange: (file: File | undefined) => void;
  hint?: ReactNode;
  error?: string;
  /** File types offered by the browser's picker, e.g. ".csv,text/csv". */
  accept?: string;
}

/** The GOV.UK file upload: one file, with label, hint and error message. */
export function FileUpload({ id, label, onChange, hint, error, accept }: FileUploadProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={error}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <input
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id={id}
        name={id}
        type="file"
        accept={accept}
        onChange={(event) => onChange(event.target.files?.[0])}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </FormGroup>
  );
}
