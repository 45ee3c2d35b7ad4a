import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EventBus, Match, Rule } from 'aws-cdk-lib/aws-events';
import { describe, expect, it } from 'vitest';
import type { EventPattern } from '../../events/pattern-matcher.ts';
import type { RuleDef } from '../../events/rules.ts';
import { rules } from '../../events/rules.ts';
import { toCdkEventPattern } from '../../infra/aws/event-pattern.ts';
import { rulesByTarget } from '../../infra/aws/event-rules.ts';

/** The EventPattern CloudFormation gets for a declared pattern, rendered by a real Rule. */
function renderedPattern(pattern: EventPattern): unknown {
  const stack = new Stack(new App(), 'PatternProbe');
  new Rule(stack, 'Rule', { eventBus: new EventBus(stack, 'Bus'), eventPattern: toCdkEventPattern(pattern) });
  const [rule] = Object.values(Template.fromStack(stack).findResources('AWS::Events::Rule'));
  return rule!.Properties.EventPattern;
}

const resolvedInStack = (value: unknown): unknown => new Stack(new App(), 'Probe').resolve(value);

describe('event patterns: events/rules.ts to EventBridge', () => {
  it('maps detail-type to CDK detailType, and source and detail by name', () => {
    expect(
      toCdkEventPattern({
        source: ['continuity.alerts'],
        'detail-type': ['AlertRaised'],
        detail: { rule: ['no_first_appointment'] },
      }),
    ).toEqual({
      source: ['continuity.alerts'],
      detailType: ['AlertRaised'],
      detail: { rule: ['no_first_appointment'] },
    });
  });

  it('keeps exact leaves as they are, strings, numbers, booleans and null alike', () => {
    expect(toCdkEventPattern({ detail: { a: ['x', 'y'], b: [3], c: [true], d: [null] } })).toEqual({
      detail: { a: ['x', 'y'], b: [3], c: [true], d: [null] },
    });
  });

  it('renders a prefix leaf as EventBridge JSON, as Match.prefix does', () => {
    const converted = toCdkEventPattern({ source: [{ prefix: 'continuity.' }] });
    expect(converted.source).toEqual([{ prefix: 'continuity.' }]);
    expect(resolvedInStack(converted.source)).toEqual(resolvedInStack(Match.prefix('continuity.')));
  });

  it('renders exists leaves as EventBridge JSON, as Match.exists and Match.doesNotExist do', () => {
    const converted = toCdkEventPattern({
      detail: { alertId: [{ exists: true }], note: [{ exists: false }] },
    });
    expect(converted.detail).toEqual({ alertId: [{ exists: true }], note: [{ exists: false }] });
    expect(resolvedInStack(converted.detail?.alertId)).toEqual(resolvedInStack(Match.exists()));
    expect(resolvedInStack(converted.detail?.note)).toEqual(resolvedInStack(Match.doesNotExist()));
  });

  it('mixes operators and exact values in one list', () => {
    expect(toCdkEventPattern({ detail: { areaId: ['a1', { prefix: 'b' }] } }).detail).toEqual({
      areaId: ['a1', { prefix: 'b' }],
    });
  });

  it('copies the declared pattern, so CDK cannot change what the local bus matches', () => {
    const declared: EventPattern = { source: ['s'], detail: { nested: { x: [{ prefix: 'p' }] } } };
    const converted = toCdkEventPattern(declared) as { source: unknown[]; detail: Record<string, unknown> };
    expect(converted.source).not.toBe(declared.source);
    expect(converted.detail).not.toBe(declared.detail);
    const nested = (declared.detail as EventPattern).nested as EventPattern;
    expect((converted.detail.nested as Record<string, unknown>).x).not.toBe(nested.x);
  });

  it('refuses operators the local matcher does not support, and fields outside the envelope', () => {
    expect(() =>
      toCdkEventPattern({ source: [{ suffix: '.alerts' } as unknown as { prefix: string }] }),
    ).toThrow(/unsupported operator/);
    expect(() => toCdkEventPattern({ tenantId: ['t1'] })).toThrow(/tenantId.*under detail/);
    expect(() => toCdkEventPattern({ source: [] })).toThrow(/empty list/);
  });

  it.each([
    { source: ['continuity.alerts'], 'detail-type': ['AlertRaised'] },
    { source: [{ prefix: 'continuity.' }], detail: { alertId: [{ exists: true }], rule: ['missed_first'] } },
    { account: ['111122223333'], detail: { nested: { deeper: [{ exists: false }, 'x'] } } },
  ] as EventPattern[])('gives CloudFormation exactly the declared pattern: %j', (pattern) => {
    expect(renderedPattern(pattern)).toEqual(pattern);
  });

  it.each(rules)(
    'gives CloudFormation exactly the pattern of rule $name, as the local bus matches it',
    (def) => {
      expect(renderedPattern(def.pattern)).toEqual(def.pattern);
    },
  );
});

describe('event rules: checks on the declared rules', () => {
  const base: RuleDef = {
    name: 'a',
    description: 'A rule',
    pattern: { source: ['x'] },
    target: { module: 'notify', handler: 'handler' },
    maxAttempts: 3,
    timeoutSeconds: 30,
  };

  it('groups rules by target module, one function each', () => {
    const grouped = rulesByTarget([
      base,
      { ...base, name: 'b' },
      { ...base, name: 'c', target: { module: 'other', handler: 'handler' } },
    ]);
    expect([...grouped.keys()]).toEqual(['notify', 'other']);
    expect(grouped.get('notify')!.map((def) => def.name)).toEqual(['a', 'b']);
  });

  it('refuses attempts Lambda cannot honour', () => {
    expect(() => rulesByTarget([{ ...base, maxAttempts: 0 }])).toThrow(/maxAttempts/);
    expect(() => rulesByTarget([{ ...base, maxAttempts: 4 }])).toThrow(/from 1 to 3/);
    expect(() => rulesByTarget([{ ...base, maxAttempts: 1.5 }])).toThrow(/whole number/);
  });

  it('refuses a name declared twice, and two exports of one module', () => {
    expect(() => rulesByTarget([base, base])).toThrow(/declared twice/);
    expect(() =>
      rulesByTarget([base, { ...base, name: 'b', target: { module: 'notify', handler: 'other' } }]),
    ).toThrow(/different exports/);
  });

  it('accepts the declared rules', () => {
    expect(() => rulesByTarget(rules)).not.toThrow();
  });
});
