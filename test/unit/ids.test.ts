import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/data/ids.ts';
import { Id } from '../../shared/schemas/common.ts';

describe('newId', () => {
  it('is 26 lower-case letters and digits', () => {
    for (let i = 0; i < 200; i++) {
      const id = newId();
      expect(id).toHaveLength(26);
      expect(id).toMatch(/^[0-9a-z]{26}$/);
      expect(id).not.toMatch(/[ilou#]/);
    }
  });

  it('is accepted by the API id schema', () => {
    expect(Id.safeParse(newId()).success).toBe(true);
  });

  it('sorts by creation time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (earlier, gap) => newId(new Date(earlier)) < newId(new Date(earlier + gap)),
      ),
      { numRuns: 500 },
    );
  });

  it('sorts across digit boundaries of the time part', () => {
    const times = [0, 31, 32, 1023, 1024, 1_700_000_000_000, 1_700_000_000_001, Date.parse('2100-01-01')];
    const ids = times.map((time) => newId(new Date(time)));
    expect([...ids].sort()).toEqual(ids);
  });

  it('starts with the same time part for the same millisecond and differs after it', () => {
    const at = new Date('2026-05-01T12:00:00.000Z');
    const ids = new Set(Array.from({ length: 1000 }, () => newId(at)));
    expect(ids.size).toBe(1000);
    expect(new Set([...ids].map((id) => id.slice(0, 10))).size).toBe(1);
  });
});
