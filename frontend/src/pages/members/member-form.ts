import { AREA_SCOPED_ROLES, MEMBER_ROLES, type MemberRole } from '../../../../shared/domain/values.ts';
import { CreateMemberBody, UpdateMemberBody } from '../../../../shared/schemas/member.ts';
import type { CreateMemberInput, Member, UpdateMemberInput } from '../../api/types.ts';
import { type FieldError, type FormSpec, fieldErrors, zodMessages } from '../../forms/field-errors.ts';

/** What the chair types and ticks. */
export interface MemberFormValues {
  email: string;
  name: string;
  role: MemberRole | '';
  areaIds: string[];
}

/** Field ids and labels in page order. */
export const MEMBER_FORM: FormSpec = {
  fields: [
    { id: 'email', label: 'Email address' },
    { id: 'name', label: 'Name' },
    { id: 'role', label: 'Role' },
    { id: 'areaIds', label: 'Areas' },
  ],
  codes: { duplicate: 'email' },
};

/** The form's starting values from a stored member (or empty for an invitation). */
export function memberFormValues(member?: Member): MemberFormValues {
  return {
    email: member?.email ?? '',
    name: member?.name ?? '',
    role: member?.role ?? '',
    areaIds: member ? [...member.areaIds] : [],
  };
}

function isMemberRole(value: string): value is MemberRole {
  return (MEMBER_ROLES as readonly string[]).includes(value);
}

/** GOV.UK-style messages for empty answers, which the schema's messages do not word well. */
function blankMessages(values: MemberFormValues, inviting: boolean): Record<string, string> {
  const messages: Record<string, string> = {};
  if (inviting && values.email.trim() === '') messages.email = 'Enter their email address';
  if (values.name.trim() === '') messages.name = 'Enter their name';
  if (values.role === '') messages.role = 'Select a role';
  if (isMemberRole(values.role) && AREA_SCOPED_ROLES.includes(values.role) && values.areaIds.length === 0) {
    messages.areaIds = 'Select at least one area: managers and caseworkers only see people in their areas';
  }
  return messages;
}

/** Checks an invitation and builds the `POST /members` body, or answers the errors. */
export function inviteBody(
  values: MemberFormValues,
): { body: CreateMemberInput; errors?: undefined } | { errors: FieldError[] } {
  const parsed = CreateMemberBody.safeParse(values);
  const messages = { ...(parsed.success ? {} : zodMessages(parsed.error)), ...blankMessages(values, true) };
  if (Object.keys(messages).length > 0 || !parsed.success)
    return { errors: fieldErrors(messages, MEMBER_FORM) };
  return { body: parsed.data };
}

/** Checks a change and builds the `PATCH /members/{id}` body, or answers the errors. */
export function changeBody(
  values: MemberFormValues,
): { body: UpdateMemberInput; errors?: undefined } | { errors: FieldError[] } {
  const candidate = { name: values.name, role: values.role, areaIds: values.areaIds };
  const parsed = UpdateMemberBody.safeParse(candidate);
  const messages = { ...(parsed.success ? {} : zodMessages(parsed.error)), ...blankMessages(values, false) };
  if (Object.keys(messages).length > 0 || !parsed.success)
    return { errors: fieldErrors(messages, MEMBER_FORM) };
  return { body: parsed.data };
}
