import { useEffect } from 'react';

export const SERVICE_NAME = 'Continuity';

/** Sets `<title>` to "Page – Continuity", prefixed "Error: " while a form shows errors. */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    const base = title === SERVICE_NAME ? SERVICE_NAME : `${title} – ${SERVICE_NAME}`;
    document.title = hasErrors ? `Error: ${base}` : base;
  }, [title, hasErrors]);
}
