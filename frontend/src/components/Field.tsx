import type { ReactNode } from 'react';
import { Fieldset } from './Fieldset.tsx';

/** What a field's control is given: its id and name, and the ids of the hint and error that describe it. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-describedby'?: string;
}

/**
 * The question a field asks: a label for one control (text input, select…), or the legend of
 * a fieldset around a group of controls (radios, checkboxes, a date's boxes).
 */
export type FieldQuestion =
  | { label: string }
  | {
      legend: string;
      /** A smaller legend, for a question inside a larger one (e.g. a revealed answer). */
      small?: boolean;
      /** `role="group"`, for boxes that answer one question together (the date input). */
      group?: boolean;
    };

/** What every field takes besides its question. */
export interface FieldCommonProps {
  /** The control's id; the hint and error message take `{id}-hint` and `{id}-error`. */
  id: string;
  hint?: ReactNode;
  error?: string;
}

/** A field's value and how it reports a change. */
export interface FieldValueProps<T> {
  value: T;
  onChange: (value: T) => void;
}

export type FieldProps = FieldQuestion &
  FieldCommonProps & { children: ReactNode | ((control: ControlProps) => ReactNode) };

/**
 * One GOV.UK form field: the form group (red-lined on error), the label or legend, the hint,
 * the error message and then the control, as GOV.UK Frontend's templates compose them.
 */
export function Field(props: FieldProps) {
  const { id, hint, error, children } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const body = (
    <>
      {hintId && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      {errorId && (
        <p id={errorId} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      {typeof children === 'function'
        ? children({ id, name: id, 'aria-describedby': describedBy })
        : children}
    </>
  );
  return (
    <div className={withError('govuk-form-group', error)}>
      {'label' in props ? (
        <>
          <label className="govuk-label" htmlFor={id}>
            {props.label}
          </label>
          {body}
        </>
      ) : (
        <Fieldset
          legend={props.legend}
          small={props.small}
          role={props.group ? 'group' : undefined}
          describedBy={describedBy}
        >
          {body}
        </Fieldset>
      )}
    </div>
  );
}

/** A control's GOV.UK classes: its block, any others, and the block's `--error` modifier while it has an error. */
export function withError(
  block: string,
  error: string | undefined,
  ...others: (string | undefined)[]
): string {
  return [block, ...others, error && `${block}--error`].filter(Boolean).join(' ');
}
