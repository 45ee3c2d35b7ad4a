/**
 * Schedules, declared once and read by the CDK app (EventBridge Scheduler / rules) and the
 * local stack (a timer). The sweep arrives with the alerts issue.
 */
export interface ScheduleDef {
  name: string;
  /** Minutes between runs. */
  everyMinutes: number;
  /** The function folder under functions/ that runs, and its export. */
  module: string;
  handler: string;
}

export const schedules: readonly ScheduleDef[] = [];
