import { z } from 'zod';
import { DisplayName, Email, RecordMeta } from './common.ts';

/**
 * ONS code of an English local authority: E06 unitary, E07 district, E08 metropolitan,
 * E09 London borough, E10 county; nine characters (e.g. E10000034 Worcestershire).
 */
export const OnsCode = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(
    z
      .string()
      .regex(
        /^E(06|07|08|09|10)\d{6}$/,
        'must be the 9-character ONS code of an English local authority, like E10000034',
      ),
  );

export const AlertEmails = z.array(Email).max(20, 'must list at most 20 addresses');

export const Area = RecordMeta.extend({
  name: z.string(),
  onsCode: z.string(),
  alertEmails: z.array(z.string()),
});
export type Area = z.infer<typeof Area>;

export const CreateAreaBody = z.strictObject({
  name: DisplayName,
  onsCode: OnsCode,
  alertEmails: AlertEmails.default([]),
});

export const UpdateAreaBody = z
  .strictObject({
    name: DisplayName.optional(),
    onsCode: OnsCode.optional(),
    alertEmails: AlertEmails.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });
