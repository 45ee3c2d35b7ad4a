/** Shown while a page's data loads. */
export function Loading() {
  return (
    <p className="govuk-body" aria-live="polite">
      Loading…
    </p>
  );
}
