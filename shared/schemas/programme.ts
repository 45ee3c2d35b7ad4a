import * as z from './zod.ts';

/**
 * A programme code, such as `through_the_gate`, `starting_point_plus`, `reconnect` or a
 * partnership's own: the partnership's settings list those it runs, and a referral is tagged
 * with some of them.
 */
export const Programme = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be a programme code such as starting_point_plus'));

/** A list of programmes, each named once. */
export const Programmes = z.array(Programme).check(
  z.maxLength(10, 'must name at most 10 programmes'),
  z.refine((list) => new Set(list).size === list.length, 'must not name a programme twice'),
);
