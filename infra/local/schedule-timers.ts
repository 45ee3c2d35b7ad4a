import type { ScheduleDef } from '../../events/schedules.ts';
import { lambdaContext } from './lambda-event.ts';

type ScheduledHandler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

/**
 * The local stand-in for EventBridge Scheduler: runs each schedule's handler (the same export
 * the CDK app schedules) on a timer. A run still going when the next is due is skipped.
 */
export function startScheduleTimers(defs: readonly ScheduleDef[]): { stop(): Promise<void> } {
  const timers = defs.map((def) => {
    let running = false;
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        const module = (await import(`../../functions/${def.module}/handler.ts`)) as Record<
          string,
          ScheduledHandler
        >;
        await module[def.handler]?.(
          { source: 'local.scheduler', schedule: def.name },
          lambdaContext(def.name, def.everyMinutes * 60_000),
        );
      } catch (error) {
        console.error(`schedule ${def.name} failed: ${error instanceof Error ? error.message : 'unknown'}`);
      } finally {
        running = false;
      }
    }, def.everyMinutes * 60_000);
    timer.unref();
    return timer;
  });
  return {
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
