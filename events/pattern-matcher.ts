/**
 * EventBridge event patterns, limited to the operators the rules use: a list of exact values
 * (any of them matches), `{prefix}`, `{exists}`, and nested objects. Any other operator is
 * refused when a pattern is checked, so a rule the local bus cannot honour fails loudly.
 */
export type PatternLeaf = string | number | boolean | null | { prefix: string } | { exists: boolean };
export interface EventPattern {
  [field: string]: PatternLeaf[] | EventPattern;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Throws when a pattern uses anything but the supported operators. */
export function assertSupportedPattern(pattern: EventPattern, path = ''): void {
  for (const [field, condition] of Object.entries(pattern)) {
    const where = path ? `${path}.${field}` : field;
    if (Array.isArray(condition)) {
      if (condition.length === 0) throw new Error(`Event pattern ${where}: an empty list matches nothing`);
      for (const leaf of condition) {
        if (isObject(leaf)) {
          const operator = leaf as Record<string, unknown>;
          const keys = Object.keys(operator);
          const ok =
            keys.length === 1 &&
            ((keys[0] === 'prefix' && typeof operator.prefix === 'string') ||
              (keys[0] === 'exists' && typeof operator.exists === 'boolean'));
          if (!ok) throw new Error(`Event pattern ${where}: unsupported operator ${JSON.stringify(leaf)}`);
        }
      }
    } else if (isObject(condition)) {
      assertSupportedPattern(condition as EventPattern, where);
    } else {
      throw new Error(`Event pattern ${where}: must be a list of values or a nested pattern`);
    }
  }
}

function leafMatches(leaf: PatternLeaf, value: unknown, present: boolean): boolean {
  if (isObject(leaf)) {
    if ('exists' in leaf) return leaf.exists === present;
    if ('prefix' in leaf) return typeof value === 'string' && value.startsWith(leaf.prefix);
    return false;
  }
  if (!present) return false;
  // An event field holding a list matches when any of its items does, as in EventBridge.
  return Array.isArray(value) ? value.some((item) => item === leaf) : value === leaf;
}

/** True when the event (in EventBridge's envelope: source, detail-type, detail…) matches. */
export function matchesPattern(pattern: EventPattern, event: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([field, condition]) => {
    const present = Object.hasOwn(event, field) && event[field] !== undefined;
    const value = event[field];
    if (Array.isArray(condition)) return condition.some((leaf) => leafMatches(leaf, value, present));
    return isObject(value) && matchesPattern(condition as EventPattern, value);
  });
}
