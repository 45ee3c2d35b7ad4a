import { MEMBER_ROLES } from '../domain/values.ts';
import { DisplayName, Email, Id, RecordMeta } from './common.ts';
import * as z from './zod.ts';

export const MemberRoleSchema = z.enum(MEMBER_ROLES, {
  error: `must be one of ${MEMBER_ROLES.join(', ')}`,
});

export const Member = z.extend(RecordMeta, {
  email: z.string(),
  name: z.string(),
  role: MemberRoleSchema,
  areaIds: z.array(z.string()),
});
export type Member = z.infer<typeof Member>;

const AreaIds = z.array(Id).check(z.maxLength(50, 'must list at most 50 areas'));

/** `POST /members`: invite a member. Managers and caseworkers need at least one area. */
export const CreateMemberBody = z.strictObject({
  email: Email,
  name: DisplayName,
  role: MemberRoleSchema,
  areaIds: z._default(AreaIds, []),
});

/** `PATCH /members/{memberId}`: change role and/or areas (and the display name). */
export const UpdateMemberBody = z
  .strictObject({
    name: z.optional(DisplayName),
    role: z.optional(MemberRoleSchema),
    areaIds: z.optional(AreaIds),
  })
  .check(z.refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' }));

/** `GET /me`: who the caller is, for the frontend's navigation. */
export const Me = z.object({
  userId: z.string(),
  email: z.optional(z.string()),
  role: z.enum([...MEMBER_ROLES, 'operator']),
  memberId: z.optional(z.string()),
  name: z.optional(z.string()),
  areaIds: z.array(z.string()),
  partnership: z.optional(z.object({ id: z.string(), name: z.string() })),
});
