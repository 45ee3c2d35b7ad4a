import { ValidationFailed } from '../errors.ts';
import type * as z from '../schemas/zod.ts';
import { type BodyRules, type FieldProblems, type RuleContext, wellFormedFields } from './body-rules.ts';

const MAX_ECHO = 60;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

function echo(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    return JSON.stringify(value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value);
  }
  return Array.isArray(value) ? 'a list' : 'an object';
}

/**
 * Turns zod issues into the API's field messages: the field as a dotted path, what is wrong,
 * how to fix it, and the value that was sent.
 */
export function issuesToFields(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix?: string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = [prefix, ...issue.path.map(String), key].filter(Boolean).join('.');
        if (!Object.hasOwn(fields, field)) fields[field] = 'is not a field of this request: remove it';
      }
      continue;
    }
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || (prefix ?? 'body');
    const sent = echo(valueAt(input, issue.path));
    const message =
      issue.code === 'invalid_type' && sent === undefined
        ? 'is required'
        : sent === undefined
          ? issue.message
          : `${issue.message}, got ${sent}`;
    // Own keys only: a field named like an Object.prototype member ("constructor") still counts.
    if (!Object.hasOwn(fields, field)) fields[field] = message;
  }
  return fields;
}

/** The error naming every one of `fields`. */
function failure(what: string, fields: FieldProblems): ValidationFailed {
  const count = Object.keys(fields).length;
  return new ValidationFailed(
    `The ${what} has ${count === 1 ? 'a problem' : `${count} problems`}: see fields.`,
    fields,
  );
}

/** Parses `input` with `schema` or throws ValidationFailed naming every bad field. */
export function parseWith<T extends z.ZodMiniType>(
  schema: T,
  input: unknown,
  what: string,
  prefix?: string,
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw failure(what, issuesToFields(result.error.issues, input, prefix));
}

/**
 * Parses a body with its schema and checks its domain rules in the same pass, so one answer
 * names every bad field: the schema's problems, and the rules' problems with the fields the
 * schema accepted. Throws ValidationFailed when there is any.
 */
export function parseBody<T extends z.ZodMiniType>(
  schema: T,
  input: unknown,
  rules: BodyRules | undefined,
  context: RuleContext,
): z.output<T> {
  const result = schema.safeParse(input);
  const fields: FieldProblems = result.success ? {} : issuesToFields(result.error.issues, input);
  if (rules) {
    const checked = result.success
      ? (result.data as Record<string, unknown>)
      : wellFormedFields(schema, input);
    for (const [field, problem] of Object.entries(rules(checked, context))) {
      if (!Object.hasOwn(fields, field)) fields[field] = problem;
    }
  }
  if (!result.success || Object.keys(fields).length > 0) throw failure('request body', fields);
  return result.data as z.output<T>;
}
