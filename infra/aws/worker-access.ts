import type { RouteAccess } from './route-access.ts';

const NOTHING: RouteAccess = {
  data: false,
  cursorKey: false,
  identityAdmin: false,
  sendMail: false,
  publishEvents: false,
};

/**
 * What the functions run by schedules and bus rules (`functions/<module>/handler.ts`) may
 * touch, by module.
 */
const WORKER_ACCESS: Readonly<Record<string, RouteAccess>> = {
  // The only function that reads across tenants, and only through the DueIndex (partitions
  // DUE#0..3); it re-reads and writes each due case in its tenant and publishes the alerts.
  // Issue 7 narrows its table grant to that index.
  sweep: { ...NOTHING, data: true, publishEvents: true },
  // Reads the alert, its case and recipients, keeps its mail record, and sends one email.
  notify: { ...NOTHING, data: true, sendMail: true },
};

/** A worker module's access; a module not listed gets the table only. */
export function workerAccess(module: string): RouteAccess {
  return WORKER_ACCESS[module] ?? { ...NOTHING, data: true };
}
