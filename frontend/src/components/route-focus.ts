/**
 * Tracks client-side page changes. On the first page of a visit the browser's own focus
 * order (skip link first) is kept; after the router moves to another page, focus goes to
 * the new page's heading, so a screen reader starts reading there as after a page load.
 */
let firstPath: string | undefined;
let changed = false;

/** Records the router's current path; the first one seen is the page the visit started on. */
export function notePath(pathname: string): void {
  if (firstPath === undefined) firstPath = pathname;
  else if (pathname !== firstPath) changed = true;
}

/** True once the user has moved between pages inside the app. */
export function hasChangedPage(): boolean {
  return changed;
}
