import type { z } from 'zod';
import type { Area, CreateAreaBody, UpdateAreaBody } from '../../../shared/schemas/area.ts';
import type { CreateMemberBody, Me, Member, UpdateMemberBody } from '../../../shared/schemas/member.ts';
import type {
  CreatePartnershipBody,
  Partnership,
  UpdatePartnershipBody,
} from '../../../shared/schemas/partnership.ts';

export type { Area, Member, Partnership };
export type MeInfo = z.infer<typeof Me>;
export type CreateAreaInput = z.input<typeof CreateAreaBody>;
export type UpdateAreaInput = z.input<typeof UpdateAreaBody>;
export type CreateMemberInput = z.input<typeof CreateMemberBody>;
export type UpdateMemberInput = z.input<typeof UpdateMemberBody>;
export type CreatePartnershipInput = z.input<typeof CreatePartnershipBody>;
export type UpdatePartnershipInput = z.input<typeof UpdatePartnershipBody>;
export type CreatePartnershipResult = { partnership: Partnership; chair: Member };

/** The list envelope of every list route. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
