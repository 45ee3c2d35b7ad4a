import { type ReactNode, useEffect, useRef } from 'react';
import { hasChangedPage } from './route-focus.ts';

/** The page's h1; takes focus when it appears after a client-side page change. */
export function PageHeading({ children, caption }: { children: ReactNode; caption?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasChangedPage() && !document.querySelector('.govuk-error-summary')) ref.current?.focus();
  }, []);
  return (
    <>
      {caption && <span className="govuk-caption-l">{caption}</span>}
      <h1 className="govuk-heading-l" tabIndex={-1} ref={ref}>
        {children}
      </h1>
    </>
  );
}
