import * as z from './zod.ts';

/** Opaque record id as issued by the service (see shared/data/ids.ts). */
export const Id = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an id issued by the service (letters, digits, - and _)'));

export const Email = z.pipe(
  z.pipe(
    z.string().check(z.trim(), z.maxLength(254, 'must be at most 254 characters')),
    z.email('must be an email address such as name@example.org'),
  ),
  z.transform((value: string) => value.toLowerCase()),
);

/** A display name: printable, trimmed, 1–120 characters. */
export const DisplayName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(120, 'must be at most 120 characters'),
    z.regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not contain control characters'),
  );

/** Record metadata every stored record answers with. */
export const RecordMeta = z.object({
  id: z.string(),
  version: z.number().check(z.int()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const LIMIT_MESSAGE = 'must be a whole number from 1 to 200';

/** Query string for every list route: `?limit=` (1–200, default 50) and an opaque `?cursor=`. */
export const ListQuery = z.object({
  limit: z._default(
    z.coerce
      .number({ error: LIMIT_MESSAGE })
      .check(z.int(LIMIT_MESSAGE), z.gte(1, LIMIT_MESSAGE), z.lte(200, LIMIT_MESSAGE)),
    50,
  ),
  cursor: z.optional(z.string().check(z.maxLength(2048, 'is not a cursor this service issued'))),
});

/** Wraps an item schema in the list envelope `{items, nextCursor}`. */
export const listOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
    /** `possible_duplicate` (POST /people): the ids of the people who may be the same person. */
    candidates: z.optional(z.array(z.string())),
  }),
});

/**
 * An answer's schema, built on first use. Answers are described for the types, the OpenAPI
 * document and the tests, and never parsed on a request path, so a function's cold start does
 * not pay to build them.
 */
export const answer = <T extends z.ZodMiniType>(build: () => T) => z.lazy(build);
