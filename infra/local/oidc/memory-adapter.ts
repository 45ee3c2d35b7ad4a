/** What oidc-provider stores for one artefact (session, interaction, grant, code, token...). */
export type AdapterPayload = Record<string, unknown>;

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds; undefined for artefacts that never expire. */
  expiresAt: number | undefined;
}

/** Artefacts that belong to a grant and go when the grant is revoked. */
const grantable = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/** Above this many entries, an upsert first drops the expired ones. */
const sweepThreshold = 2000;

/** The storage interface oidc-provider expects of an adapter, one instance per model name. */
export interface ProviderAdapter {
  upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<AdapterPayload | undefined>;
  findByUid(uid: string): Promise<AdapterPayload | undefined>;
  findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

/**
 * Builds an oidc-provider adapter factory over one in-memory store per provider. Sessions and
 * codes are lost on restart (users sign in again); the signing key, which is what must
 * survive, is kept in the key file instead. Supplying an adapter also keeps oidc-provider
 * from warning about its own development-only one.
 */
export function createMemoryAdapterFactory(): (model: string) => ProviderAdapter {
  const entries = new Map<string, Entry>();
  const sessionIdsByUid = new Map<string, string>();
  const keysByGrant = new Map<string, Set<string>>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of entries) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) entries.delete(key);
    }
    for (const [grantId, members] of keysByGrant) {
      for (const key of members) if (!entries.has(key)) members.delete(key);
      if (members.size === 0) keysByGrant.delete(grantId);
    }
    for (const [uid, id] of sessionIdsByUid) if (!entries.has(`Session:${id}`)) sessionIdsByUid.delete(uid);
  };

  return (model: string): ProviderAdapter => {
    const keyFor = (id: string) => `${model}:${id}`;

    return {
      async upsert(id, payload, expiresIn) {
        if (entries.size > sweepThreshold) sweep();
        const key = keyFor(id);
        const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : undefined;
        entries.set(key, { payload, expiresAt });
        if (model === 'Session' && typeof payload.uid === 'string') sessionIdsByUid.set(payload.uid, id);
        if (grantable.has(model) && typeof payload.grantId === 'string') {
          const members = keysByGrant.get(payload.grantId) ?? new Set<string>();
          members.add(key);
          keysByGrant.set(payload.grantId, members);
        }
      },
      async find(id) {
        return live(keyFor(id))?.payload;
      },
      async findByUid(uid) {
        const id = sessionIdsByUid.get(uid);
        return id === undefined ? undefined : live(keyFor(id))?.payload;
      },
      async findByUserCode() {
        // The device flow is not enabled, so nothing is ever stored by user code.
        return undefined;
      },
      async consume(id) {
        const entry = live(keyFor(id));
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        const key = keyFor(id);
        const payload = entries.get(key)?.payload;
        entries.delete(key);
        if (model === 'Session' && typeof payload?.uid === 'string') sessionIdsByUid.delete(payload.uid);
      },
      async revokeByGrantId(grantId) {
        for (const key of keysByGrant.get(grantId) ?? []) entries.delete(key);
        keysByGrant.delete(grantId);
      },
    };
  };
}
