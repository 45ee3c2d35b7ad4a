import { Field, type FieldCommonProps, withError } from './Field.tsx';

export interface FileUploadProps extends FieldCommonProps {
  label: string;
  onChange: (file: File | undefined) => void;
  /** File types offered by the browser's picker, e.g. ".csv,text/csv". */
  accept?: string;
}

/** The GOV.UK file upload: one file, with label, hint and error message. */
export function FileUpload({ onChange, accept, ...field }: FileUploadProps) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          className={withError('govuk-file-upload', field.error)}
          type="file"
          accept={accept}
          onChange={(event) => onChange(event.target.files?.[0])}
        />
      )}
    </Field>
  );
}
