import { DisplayName, Email, RecordMeta } from './common.ts';
import * as z from './zod.ts';

/**
 * ONS code of an English local authority: E06 unitary, E07 district, E08 metropolitan,
 * E09 London borough, E10 county; nine characters (e.g. E10000034 Worcestershire).
 */
export const OnsCode = z.pipe(
  z.pipe(
    z.string().check(z.trim()),
    z.transform((value: string) => value.toUpperCase()),
  ),
  z
    .string()
    .check(
      z.regex(
        /^E(06|07|08|09|10)\d{6}$/,
        'must be the 9-character ONS code of an English local authority, like E10000034',
      ),
    ),
);

export const AlertEmails = z.array(Email).check(z.maxLength(20, 'must list at most 20 addresses'));

export const Area = z.extend(RecordMeta, {
  name: z.string(),
  onsCode: z.string(),
  alertEmails: z.array(z.string()),
});
export type Area = z.infer<typeof Area>;

export const CreateAreaBody = z.strictObject({
  name: DisplayName,
  onsCode: OnsCode,
  alertEmails: z._default(AlertEmails, []),
});

export const UpdateAreaBody = z
  .strictObject({
    name: z.optional(DisplayName),
    onsCode: z.optional(OnsCode),
    alertEmails: z.optional(AlertEmails),
  })
  .check(z.refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' }));
