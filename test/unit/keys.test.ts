import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Key, keys, tenantOfKey, tenantPartition } from '../../shared/data/keys.ts';

/** Every tenant-owned key builder, given a tenant and one id. */
const tenantKeys: Record<string, (tenantId: string, id: string) => Key> = {
  partnership: (tenantId) => keys.partnership(tenantId),
  area: (tenantId, id) => keys.area(tenantId, id),
  areaOnsCodeLock: (tenantId, id) => keys.areaOnsCodeLock(tenantId, id),
  member: (tenantId, id) => keys.member(tenantId, id),
  memberEmailLock: (tenantId, id) => keys.memberEmailLock(tenantId, `${id}@example.test`),
};

const idPart = fc.stringMatching(/^[0-9A-Za-z_.:@-]{1,20}$/);

describe('keys', () => {
  it.each(Object.entries(tenantKeys))('%s starts with T#<tenant>', (_name, build) => {
    const key = build('tenant-1', 'id-1');
    expect(key.PK).toBe('T#tenant-1');
    expect(`${key.PK}#${key.SK}`.startsWith('T#tenant-1#')).toBe(true);
  });

  it('builds the tenant partition', () => {
    expect(tenantPartition('p-0001')).toBe('T#p-0001');
  });

  it.each(['', 'a#b', '#', 'tenant#'])('refuses the tenant id %j', (tenantId) => {
    expect(() => tenantPartition(tenantId)).toThrow(/delimiter/);
    for (const build of Object.values(tenantKeys)) expect(() => build(tenantId, 'id-1')).toThrow();
  });

  it.each(['', 'a#b', '#'])('refuses the record id %j', (id) => {
    expect(() => keys.area('tenant-1', id)).toThrow();
    expect(() => keys.areaOnsCodeLock('tenant-1', id)).toThrow();
    expect(() => keys.member('tenant-1', id)).toThrow();
    expect(() => keys.operatorPartition(id)).toThrow();
    expect(() => keys.localUserBySub(id)).toThrow();
    expect(() => keys.idempotency('T#tenant-1', id, 'k')).toThrow();
    expect(() => keys.partnershipListing('2026-01-01T00:00:00.000Z', id)).toThrow();
  });

  it('never gives two tenants the same key, even when one id is a prefix of the other', () => {
    const pairs: [string, string][] = [
      ['t1', 't10'],
      ['t1', 't1-'],
      ['a', 'aa'],
    ];
    for (const [first, second] of pairs) {
      for (const buildFirst of Object.values(tenantKeys)) {
        for (const buildSecond of Object.values(tenantKeys)) {
          const a = buildFirst(first, 'x');
          const b = buildSecond(second, 'x1');
          expect(a.PK).not.toBe(b.PK);
        }
      }
    }
  });

  it('never gives two tenants the same key (property)', () => {
    const builders = fc.constantFrom(...Object.values(tenantKeys));
    fc.assert(
      fc.property(
        idPart,
        idPart,
        idPart,
        idPart,
        builders,
        builders,
        (tenantA, tenantB, idA, idB, buildA, buildB) => {
          fc.pre(tenantA !== tenantB);
          const a = buildA(tenantA, idA);
          const b = buildB(tenantB, idB);
          expect(`${a.PK}|${a.SK}`).not.toBe(`${b.PK}|${b.SK}`);
          expect(tenantOfKey(a.PK)).toBe(tenantA);
          expect(tenantOfKey(a.PK)).not.toBe(tenantB);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps lock items out of the area and member list prefixes', () => {
    expect(keys.areaOnsCodeLock('t', 'E10000034').SK.startsWith(keys.areaPrefix)).toBe(false);
    expect(keys.memberEmailLock('t', 'a@example.test').SK.startsWith(keys.memberPrefix)).toBe(false);
    expect(keys.area('t', 'x').SK.startsWith(keys.areaPrefix)).toBe(true);
    expect(keys.member('t', 'x').SK.startsWith(keys.memberPrefix)).toBe(true);
  });

  it('lower-cases emails in lock keys so one address is one member', () => {
    expect(keys.memberEmailLock('t', 'Ann@Example.TEST')).toEqual(
      keys.memberEmailLock('t', 'ann@example.test'),
    );
  });

  it('reads the tenant back from a key, and refuses keys outside every tenant', () => {
    expect(tenantOfKey(tenantPartition('t1'))).toBe('t1');
    expect(tenantOfKey(keys.alertsPartition('t10', 'a1'))).toBe('t10');
    expect(() => tenantOfKey('PARTNERSHIPS')).toThrow();
    expect(() => tenantOfKey(keys.operatorAudit('2026', 'x').PK)).toThrow();
  });
});
