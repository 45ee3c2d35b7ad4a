import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList, routes } from '../../functions/api/routes.ts';
import { routeKeyOf } from '../../infra/aws/api.ts';
import type { RouteDef } from '../../shared/http/route-def.ts';
import { type SynthesisedContinuity, synthContinuity } from './synth-continuity.ts';

type Resource = { Type: string; Properties?: Record<string, unknown> };

/** CloudFormation refuses a template of more than 500 resources; the app keeps half of that free. */
const MAX_RESOURCES = 250;

/** Every CloudFormation template the synth wrote (nested stacks' and nested assemblies' included). */
function templatesIn(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.template.json'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const resourcesOf = (file: string): Record<string, Resource> =>
  (JSON.parse(readFileSync(file, 'utf8')) as { Resources?: Record<string, Resource> }).Resources ?? {};

/** Room to grow (issue 10, item 2): functions per feature keep the stack far from CloudFormation's limit. */
describe('stack size', () => {
  let synth: SynthesisedContinuity;

  beforeAll(() => {
    synth = synthContinuity();
  });

  it(`holds no more than ${MAX_RESOURCES} resources in any template of the app`, () => {
    const files = templatesIn(synth.assembly.directory);
    // Every stack of the assembly (nested assemblies' too) wrote a template that is checked here.
    const stackTemplates = synth.assembly.stacksRecursively.map((artifact) => artifact.templateFullPath);
    expect(stackTemplates.length).toBeGreaterThan(0);
    for (const file of stackTemplates) expect(files).toContain(file);
    for (const file of files) {
      const count = Object.keys(resourcesOf(file)).length;
      expect(count, file).toBeGreaterThan(0);
      expect(count, file).toBeLessThanOrEqual(MAX_RESOURCES);
    }
  });

  it('costs exactly one resource, its AWS::ApiGatewayV2::Route, for one more route of an existing feature', () => {
    const extra: RouteDef = {
      ...routes.getArea,
      operationId: 'getAreaSummary',
      path: '/areas/{areaId}/summary',
      summary: 'A test-only route: what one more route costs',
    };
    expect(routeList.map((route) => routeKeyOf(route))).not.toContain(routeKeyOf(extra));
    const before = synth.template.toJSON().Resources as Record<string, Resource>;
    const grown = synthContinuity({ overrides: { routes: [...routeList, extra] } });
    const after = grown.template.toJSON().Resources as Record<string, Resource>;

    expect(Object.keys(after).length).toBe(Object.keys(before).length + 1);
    expect(Object.keys(before).filter((id) => !(id in after))).toEqual([]);
    const added = Object.keys(after).filter((id) => !(id in before));
    expect(added).toHaveLength(1);
    expect(after[added[0]!]!.Type).toBe('AWS::ApiGatewayV2::Route');
    expect(after[added[0]!]!.Properties?.RouteKey).toBe(routeKeyOf(extra));
    // It runs on its feature's function, with no function, role, integration or permission of its own.
    expect([...grown.stack.api.functions.keys()]).toEqual([...synth.stack.api.functions.keys()]);
  });
});
