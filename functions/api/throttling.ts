import type { RouteDef } from '../../shared/http/route-def.ts';

/** A rate limit: steady requests per second, and the burst allowed above it. */
export interface ThrottleLimit {
  ratePerSecond: number;
  burst: number;
}

/**
 * Route throttling, declared once: the CDK app sets these as the HTTP API's route settings and
 * the local gateway enforces the same with a token bucket per route, answering 429. A
 * partnership makes a few hundred requests an hour; these leave ample room for burst days and
 * imports while stopping a runaway client from starving everyone else.
 */
export const THROTTLES = {
  /** Reads: the caseload, a case, reports. */
  read: { ratePerSecond: 100, burst: 200 },
  /** Changes: every create, update and action. */
  write: { ratePerSecond: 50, burst: 100 },
  /** The operator's partnership administration, exports and offboarding. */
  admin: { ratePerSecond: 5, burst: 10 },
} as const satisfies Record<string, ThrottleLimit>;

export type ThrottleClass = keyof typeof THROTTLES;

/** The throttle class of a route: admin routes, then writes, then reads. */
export function throttleClassOf(route: Pick<RouteDef, 'method' | 'path'>): ThrottleClass {
  if (route.path.startsWith('/admin/')) return 'admin';
  return route.method === 'GET' ? 'read' : 'write';
}
