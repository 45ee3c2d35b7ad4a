import { type FunctionAccess, NO_ACCESS } from './function-access.ts';
import { workerTableAccess } from './table-access.ts';

/**
 * What the functions run by schedules, bus rules and queues (`functions/<module>/handler.ts`)
 * may touch besides the table, by module. Their table access is in infra/aws/table-access.ts.
 */
const WORKER_EXTRAS: Readonly<Record<string, Partial<FunctionAccess>>> = {
  // Publishes the alerts it raises, and those whose earlier publish failed.
  sweep: { publishEvents: true },
  // Sends the one email of a raised alert.
  notify: { sendMail: true },
};

/**
 * A worker module's access: exactly its declared table access (a module without one fails the
 * synth) and the extras above; no worker reads the cursor key, administers users or may assume
 * the tenant-scoped role (each acts for the service, not for one signed-in member).
 */
export function workerAccess(module: string): FunctionAccess {
  return { ...NO_ACCESS, ...WORKER_EXTRAS[module], table: workerTableAccess(module) };
}
