import { type MouseEvent, useEffect, useRef } from 'react';
import type { FieldError } from '../forms/field-errors.ts';

/**
 * The GOV.UK error summary. It takes focus whenever `focusKey` changes (each failed submit),
 * and its links move focus to the field, scrolling its label or legend into view.
 */
export function ErrorSummary({ errors, focusKey }: { errors: readonly FieldError[]; focusKey?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus on every failed submit
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [focusKey, errors.length > 0]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat; order is stable
              <li key={index}>
                {error.href ? (
                  <a href={error.href}>{error.message}</a>
                ) : error.field ? (
                  <a href={`#${error.field}`} onClick={(event) => focusField(event, error.field!)}>
                    {error.message}
                  </a>
                ) : (
                  error.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const input = document.getElementById(id);
  if (!input) return;
  event.preventDefault();
  const legend = input.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (legend ?? label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}
