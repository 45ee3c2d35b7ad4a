import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/data/keys.ts';
import { familyNameKey, nameKey } from '../../shared/domain/name-key.ts';
import { confirmedDifferent } from '../../shared/people/possible-duplicates.ts';

describe('familyNameKey', () => {
  it.each([
    ["O'Connor", 'oconnor', 'the apostrophe is dropped'],
    ['O’CONNOR', 'oconnor', 'a typographic apostrophe and capitals too'],
    ['Zoë', 'zoe', 'the diaeresis is dropped'],
    ['Nguyễn', 'nguyen', 'stacked accents are dropped'],
    ['Mac Donald-Smith', 'macdonaldsmith', 'spaces and hyphens are dropped'],
    ['Smith 2nd', 'smithnd', 'digits are dropped: letters only'],
    ['Søren', 'soren', 'letters that do not decompose are folded'],
    ['Straße', 'strasse', 'ß is folded'],
    ['Петров', 'петров', 'letters of any script are kept'],
    ["'-' 42", '', 'no letters, no key'],
  ])('%j → %j (%s)', (name, key) => {
    // Act and assess
    expect(familyNameKey(name)).toBe(key);
  });

  it('gives the same key to one name however case, accents and punctuation are typed', () => {
    // Prepare: the same spelling with accents, capitals and punctuation added.
    const plain = fc.stringMatching(/^[a-z]{1,12}$/);
    fc.assert(
      fc.property(plain, fc.constantFrom('', "'", '-', ' ', '’'), (name, mark) => {
        const decorated = `${name.slice(0, 1).toUpperCase()}${mark}${name.slice(1).normalize('NFD')}\u0301`;
        // Act and assess
        expect(familyNameKey(decorated)).toBe(familyNameKey(name));
      }),
    );
  });

  it('answers letters only, lower case, a part of the search key, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (name) => {
        // Act
        const key = familyNameKey(name);
        // Assess
        expect(key).toMatch(/^\p{L}*$/u);
        expect(key).toBe(key.toLowerCase());
        expect(familyNameKey(key)).toBe(key);
        expect(nameKey(name).replace(/\p{N}/gu, '')).toBe(key);
      }),
    );
  });
});

describe('confirmedDifferent', () => {
  it('holds with no candidates, or every candidate named', () => {
    expect(confirmedDifferent([], [])).toBe(true);
    expect(confirmedDifferent(['a1', 'b2'], ['b2', 'a1'])).toBe(true);
    expect(confirmedDifferent(['a1'], ['a1', 'someone-else'])).toBe(true);
  });

  it('fails while any candidate is left out', () => {
    expect(confirmedDifferent(['a1'], [])).toBe(false);
    expect(confirmedDifferent(['a1', 'b2'], ['a1'])).toBe(false);
  });
});

describe('lookup keys', () => {
  it('are in the tenant partition, and a prefix finds only its own number or birth and name', () => {
    // Act
    const byNumber = keys.personByNhsNumber('tenant-1', '9434765919', 'person-1');
    const byName = keys.personByBirthAndName('tenant-1', '1985-03-27', 'smith', 'person-1');
    // Assess
    expect(byNumber).toEqual({ PK: 'T#tenant-1', SK: 'NHSNO#9434765919#person-1' });
    expect(byName).toEqual({ PK: 'T#tenant-1', SK: 'DOBNAME#1985-03-27#smith#person-1' });
    expect(byNumber.SK.startsWith(keys.personByNhsNumberPrefix('9434765919'))).toBe(true);
    expect(byName.SK.startsWith(keys.personByBirthAndNamePrefix('1985-03-27', 'smith'))).toBe(true);
    // "smith" must not find "smithson" born the same day.
    const longer = keys.personByBirthAndName('tenant-1', '1985-03-27', 'smithson', 'person-2');
    expect(longer.SK.startsWith(keys.personByBirthAndNamePrefix('1985-03-27', 'smith'))).toBe(false);
  });

  it('refuse parts with the key delimiter or none at all', () => {
    expect(() => keys.personByNhsNumber('tenant-1', '', 'person-1')).toThrow(/delimiter/);
    expect(() => keys.personByBirthAndName('tenant-1', '1985-03-27', 'a#b', 'person-1')).toThrow(/delimiter/);
    expect(() => keys.personByBirthAndNamePrefix('1985-03-27', '')).toThrow(/delimiter/);
  });
});
