import { z } from 'zod';
import { MEMBER_ROLES } from '../domain/values.ts';
import { DisplayName, Email, Id, RecordMeta } from './common.ts';

export const MemberRoleSchema = z.enum(MEMBER_ROLES, {
  error: `must be one of ${MEMBER_ROLES.join(', ')}`,
});

export const Member = RecordMeta.extend({
  email: z.string(),
  name: z.string(),
  role: MemberRoleSchema,
  areaIds: z.array(z.string()),
});
export type Member = z.infer<typeof Member>;

const AreaIds = z.array(Id).max(50, 'must list at most 50 areas');

/** `POST /members`: invite a member. Managers and caseworkers need at least one area. */
export const CreateMemberBody = z.strictObject({
  email: Email,
  name: DisplayName,
  role: MemberRoleSchema,
  areaIds: AreaIds.default([]),
});

/** `PATCH /members/{memberId}`: change role and/or areas (and the display name). */
export const UpdateMemberBody = z
  .strictObject({
    name: DisplayName.optional(),
    role: MemberRoleSchema.optional(),
    areaIds: AreaIds.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

/** `GET /me`: who the caller is, for the frontend's navigation. */
export const Me = z.object({
  userId: z.string(),
  email: z.string().optional(),
  role: z.enum([...MEMBER_ROLES, 'operator']),
  memberId: z.string().optional(),
  name: z.string().optional(),
  areaIds: z.array(z.string()),
  partnership: z.object({ id: z.string(), name: z.string() }).optional(),
});
