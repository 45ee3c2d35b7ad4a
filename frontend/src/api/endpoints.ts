import type { ApiClient } from './client.ts';
import type {
  Area,
  CreateAreaInput,
  CreateMemberInput,
  CreatePartnershipInput,
  CreatePartnershipResult,
  MeInfo,
  Member,
  Page,
  Partnership,
  UpdateAreaInput,
  UpdateMemberInput,
  UpdatePartnershipInput,
} from './types.ts';

/** Largest page the API serves; used when the app needs a whole (small) collection. */
const MAX_LIMIT = 200;

/** Reads every page of a list route; for small collections such as areas and members. */
async function listAll<T>(api: ApiClient, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<T> = await api.request('GET', path, { query: { limit: MAX_LIMIT, cursor } });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Typed calls for every route the app uses (functions/api/routes.ts). */
export function endpoints(api: ApiClient) {
  return {
    me: () => api.request<MeInfo>('GET', '/me'),

    getPartnership: () => api.request<Partnership>('GET', '/partnership'),
    updatePartnership: (body: UpdatePartnershipInput, version: number) =>
      api.request<Partnership>('PATCH', '/partnership', { body, version }),

    listAreas: (cursor?: string) => api.request<Page<Area>>('GET', '/areas', { query: { cursor } }),
    allAreas: () => listAll<Area>(api, '/areas'),
    getArea: (areaId: string) => api.request<Area>('GET', `/areas/${encodeURIComponent(areaId)}`),
    createArea: (body: CreateAreaInput, idempotencyKey: string) =>
      api.request<Area>('POST', '/areas', { body, idempotencyKey }),
    updateArea: (areaId: string, body: UpdateAreaInput, version: number) =>
      api.request<Area>('PATCH', `/areas/${encodeURIComponent(areaId)}`, { body, version }),

    listMembers: (cursor?: string) => api.request<Page<Member>>('GET', '/members', { query: { cursor } }),
    getMember: (memberId: string) => api.request<Member>('GET', `/members/${encodeURIComponent(memberId)}`),
    createMember: (body: CreateMemberInput, idempotencyKey: string) =>
      api.request<Member>('POST', '/members', { body, idempotencyKey }),
    updateMember: (memberId: string, body: UpdateMemberInput, version: number) =>
      api.request<Member>('PATCH', `/members/${encodeURIComponent(memberId)}`, { body, version }),
    removeMember: (memberId: string) =>
      api.request<void>('DELETE', `/members/${encodeURIComponent(memberId)}`),

    listPartnerships: (cursor?: string) =>
      api.request<Page<Partnership>>('GET', '/admin/partnerships', { query: { cursor } }),
    createPartnership: (body: CreatePartnershipInput, idempotencyKey: string) =>
      api.request<CreatePartnershipResult>('POST', '/admin/partnerships', { body, idempotencyKey }),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
