/**
 * Schedules, declared once and read by the CDK app (EventBridge Scheduler) and the local stack
 * (a timer).
 */
export interface ScheduleDef {
  name: string;
  /** Minutes between runs. */
  everyMinutes: number;
  /** The function folder under functions/ that runs, and its export. */
  module: string;
  handler: string;
}

export const schedules: readonly ScheduleDef[] = [
  { name: 'alert-sweep', everyMinutes: 5, module: 'sweep', handler: 'handler' },
  { name: 'retention-purge', everyMinutes: 1440, module: 'retention', handler: 'handler' },
];
