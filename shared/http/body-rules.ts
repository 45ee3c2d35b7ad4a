import type * as z from '../schemas/zod.ts';

/** Problems with a request's fields, by field path, as the error shape's `fields` carries them. */
export type FieldProblems = Record<string, string>;

/** What a route's rules may read besides the body: the clock, and the areas the caller covers. */
export interface RuleContext {
  now: Date;
  /** The calling member's areas; undefined for the operator. */
  areaIds: readonly string[] | undefined;
}

/**
 * A route's domain rules over its body (dates in order, a date of birth in the past, an area of
 * the caller's), checked together with the schema so that one answer names every bad field.
 * They get the fields that are well formed on their own, so a rule never sees a value its
 * schema refused.
 */
export type BodyRules = (fields: Record<string, unknown>, context: RuleContext) => FieldProblems;

/**
 * Declares the domain rules of a route whose body `schema` describes: `rules` answers a problem
 * (or nothing) per field, from the body's well-formed fields, the clock and the caller's areas.
 */
export function bodyRules<S extends z.ZodMiniType>(
  _schema: S,
  rules: (body: Partial<z.output<S>>, context: RuleContext) => Record<string, string | undefined>,
): BodyRules {
  return (fields, context) => {
    const problems: FieldProblems = {};
    for (const [field, problem] of Object.entries(rules(fields as Partial<z.output<S>>, context))) {
      if (problem) problems[field] = problem;
    }
    return problems;
  };
}

interface SchemaInternals {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, z.ZodMiniType>;
      in?: z.ZodMiniType;
      innerType?: z.ZodMiniType;
    };
  };
}

/** The object schema under any pipe, optional or default, or undefined when it is not an object schema. */
function objectShape(schema: z.ZodMiniType): Record<string, z.ZodMiniType> | undefined {
  const def = (schema as unknown as SchemaInternals)._zod.def;
  if (def.type === 'object') return def.shape;
  if (def.type === 'pipe' && def.in) return objectShape(def.in);
  if ((def.type === 'optional' || def.type === 'default') && def.innerType) return objectShape(def.innerType);
  return undefined;
}

/**
 * The fields of `input` that their own schema accepts, parsed (defaults and transforms
 * applied), nested objects field by field; fields that are malformed, or missing without a
 * default, are left out.
 */
export function wellFormedFields(schema: z.ZodMiniType, input: unknown): Record<string, unknown> {
  const shape = objectShape(schema);
  if (!shape || input === null || typeof input !== 'object' || Array.isArray(input)) return {};
  const fields: Record<string, unknown> = {};
  for (const [name, fieldSchema] of Object.entries(shape)) {
    // A missing field still parses: one with a default gets it, as the whole body would.
    const value = (input as Record<string, unknown>)[name];
    const parsed = fieldSchema.safeParse(value);
    if (parsed.success) {
      if (parsed.data !== undefined) fields[name] = parsed.data;
    } else if (objectShape(fieldSchema)) {
      // A nested object with one bad field still gives the rules its good ones.
      const inner = wellFormedFields(fieldSchema, value);
      if (Object.keys(inner).length > 0) fields[name] = inner;
    }
  }
  return fields;
}
