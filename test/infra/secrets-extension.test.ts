import { describe, expect, it } from 'vitest';
import { routeList } from '../../functions/api/routes.ts';
import { functionAccess } from '../../infra/aws/function-access.ts';
import { API_FEATURES } from '../../shared/http/route-def.ts';
import { logicalIdOf, synthContinuity } from './synth-continuity.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

/**
 * The cursor key reaches the functions that sign list cursors through the Parameters and
 * Secrets Lambda extension (shared/adapters/cursor-secret.ts), so no bundle carries a Secrets
 * Manager client; the other functions get no layer at all.
 */
describe('the Parameters and Secrets extension', () => {
  const { stack, template } = synthContinuity();
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const layersOf = (logicalId: string) => JSON.stringify(resources[logicalId]?.Properties.Layers ?? []);

  it.each(API_FEATURES)('is on the %s function exactly when its routes sign cursors', (feature) => {
    // Prepare
    const fn = stack.api.functions.get(feature);
    if (!fn) throw new Error(`no function for ${feature}`);
    const signsCursors = functionAccess(routeList.filter((route) => route.feature === feature)).cursorKey;
    // Act
    const layers = layersOf(logicalIdOf(stack, fn.fn));
    // Assess
    if (signsCursors) expect(layers).toMatch(/AWS-Parameters-and-Secrets-Lambda-Extension/);
    else expect(layers).toBe('[]');
  });

  it('is on no scheduled, bus or queue function: none of them reads the cursor key', () => {
    const workers = [
      ...stack.jobs.functions.values(),
      ...stack.eventRules.functions.values(),
      stack.hmpps.fn,
    ];
    for (const fn of workers) expect(layersOf(logicalIdOf(stack, fn.fn))).toBe('[]');
  });
});
