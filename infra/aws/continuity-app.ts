import type { App } from 'aws-cdk-lib';
import { rules as declaredRules, type RuleDef } from '../../events/rules.ts';
import { schedules as declaredSchedules, type ScheduleDef } from '../../events/schedules.ts';
import { routeList as declaredRoutes } from '../../functions/api/routes.ts';
import type { RouteDef } from '../../shared/http/route-def.ts';
import { ContinuityStack } from './continuity-stack.ts';
import { addNagChecks } from './nag.ts';
import { readSettings } from './settings.ts';

/** Replacements for the declared routes, schedules or bus rules, for tests of the wiring itself. */
export interface ContinuityAppOverrides {
  routes?: readonly RouteDef[];
  schedules?: readonly ScheduleDef[];
  rules?: readonly RuleDef[];
}

/**
 * Adds the Continuity stack to an app and turns on cdk-nag. Used by the CDK entry point
 * (app.ts) and by the infra tests, which pass their own App to skip asset bundling.
 */
export function addContinuityStack(
  app: App,
  env: Record<string, string | undefined> = process.env,
  overrides: ContinuityAppOverrides = {},
): ContinuityStack {
  const settings = readSettings(app, env);
  const stack = new ContinuityStack(app, 'ContinuityStack', {
    stackName: settings.stackName,
    description:
      'Continuity: prison release to community treatment follow-up for Combating Drugs Partnerships',
    env: { account: settings.account, region: settings.region },
    settings,
    routes: overrides.routes ?? declaredRoutes,
    schedules: overrides.schedules ?? declaredSchedules,
    rules: overrides.rules ?? declaredRules,
  });
  addNagChecks(app);
  return stack;
}
