import { z } from 'zod';

/** Opaque record id as issued by the service (see shared/data/ids.ts). */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an id issued by the service (letters, digits, - and _)');

export const Email = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address such as name@example.org'))
  .transform((value) => value.toLowerCase());

/** A display name: printable, trimmed, 1–120 characters. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters')
  .regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not contain control characters');

/** Record metadata every stored record answers with. */
export const RecordMeta = z.object({
  id: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Query string for every list route: `?limit=` (1–200, default 50) and an opaque `?cursor=`. */
export const ListQuery = z.object({
  limit: z.coerce
    .number({ error: 'must be a whole number from 1 to 200' })
    .int('must be a whole number from 1 to 200')
    .min(1, 'must be a whole number from 1 to 200')
    .max(200, 'must be a whole number from 1 to 200')
    .default(50),
  cursor: z.string().max(2048, 'is not a cursor this service issued').optional(),
});

/** Wraps an item schema in the list envelope `{items, nextCursor}`. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
