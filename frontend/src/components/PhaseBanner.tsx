/** The "Alpha" phase banner. */
export function PhaseBanner() {
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">Alpha</strong>
        <span className="govuk-phase-banner__text">
          This is a new service. Tell your partnership&rsquo;s chair what works and what does not, to help us
          improve it.
        </span>
      </p>
    </div>
  );
}
