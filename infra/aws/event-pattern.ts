import type { EventPattern as CdkEventPattern } from 'aws-cdk-lib/aws-events';
import { assertSupportedPattern, type EventPattern, type PatternLeaf } from '../../events/pattern-matcher.ts';

/**
 * The envelope fields of an EventBridge event, by the name a pattern uses, with the name of
 * CDK's EventPattern property for each. CDK renders `detailType` back as `detail-type`.
 */
export const ENVELOPE_FIELDS: Readonly<Record<string, keyof CdkEventPattern>> = {
  version: 'version',
  id: 'id',
  'detail-type': 'detailType',
  source: 'source',
  account: 'account',
  time: 'time',
  region: 'region',
  resources: 'resources',
  detail: 'detail',
};

/**
 * CDK's form of a pattern from events/rules.ts. Leaves stay in EventBridge's own JSON
 * (`{prefix}`, `{exists}`), which is exactly what CDK's Match helpers render, so the rule
 * AWS evaluates is the pattern the local bus matches. Throws on an operator the local
 * matcher does not support or a top-level field that is not part of the envelope.
 */
export function toCdkEventPattern(pattern: EventPattern): CdkEventPattern {
  assertSupportedPattern(pattern);
  const converted: Record<string, unknown> = {};
  for (const [field, condition] of Object.entries(pattern)) {
    const property = ENVELOPE_FIELDS[field];
    if (!property) {
      throw new Error(
        `Event pattern field "${field}" is not part of an EventBridge event; use one of ` +
          `${Object.keys(ENVELOPE_FIELDS).join(', ')} (event-specific fields go under detail)`,
      );
    }
    converted[property] = copyCondition(condition);
  }
  return converted as CdkEventPattern;
}

/**
 * A deep copy: CDK merges patterns into the objects it is given, and the declared rules are
 * shared with the local bus, so they must not be handed over by reference.
 */
function copyCondition(condition: PatternLeaf[] | EventPattern): PatternLeaf[] | EventPattern {
  if (Array.isArray(condition)) return condition.map(copyLeaf);
  return Object.fromEntries(
    Object.entries(condition).map(([field, nested]) => [field, copyCondition(nested)]),
  );
}

function copyLeaf(leaf: PatternLeaf): PatternLeaf {
  if (leaf === null || typeof leaf !== 'object') return leaf;
  return 'prefix' in leaf ? { prefix: leaf.prefix } : { exists: leaf.exists };
}
