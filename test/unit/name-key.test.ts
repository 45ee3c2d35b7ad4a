import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../shared/domain/name-key.ts';

describe('nameKey', () => {
  it.each([
    ['Zoë', 'zoe', 'the diaeresis is dropped'],
    ["O'Brien-Smyth", 'obriensmyth', 'apostrophe and hyphen are dropped'],
    ['O’Neill', 'oneill', 'a typographic apostrophe is dropped too'],
    ['Nguyễn', 'nguyen', 'both stacked accents are dropped'],
    ['Siân', 'sian', 'circumflex'],
    ['Dvořák', 'dvorak', 'caron and acute'],
    ['José María', 'josemaria', 'spaces are dropped'],
    ['Mac Donald', 'macdonald', 'so "Mac Donald" and "MacDonald" meet'],
    ['MACDONALD', 'macdonald', 'case'],
    ['Smith 2nd', 'smith2nd', 'digits are kept'],
    ['ＡＢＣ', 'abc', 'full-width letters fold to ASCII (NFKD)'],
    ['ﬁnn', 'finn', 'a ligature fi is split (NFKD)'],
    ['İlker', 'ilker', 'a dotted capital I loses its dot'],
  ])('%j → %j (%s)', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('keeps letters of every script, so names in any script can be found', () => {
    expect(nameKey('Иван')).toBe('иван');
    expect(nameKey('张伟')).toBe('张伟');
    expect(nameKey('محمد')).toBe('محمد');
    expect(nameKey('Anna Иванова')).toBe('annaиванова');
  });

  it('answers an empty key for punctuation only', () => {
    expect(nameKey("'-' ")).toBe('');
    expect(nameKey('')).toBe('');
  });

  it('folds ß, æ, œ and þ, which do not decompose, to their usual spellings', () => {
    expect(nameKey('Straße')).toBe('strasse');
    expect(nameKey('Æsa')).toBe('aesa');
    expect(nameKey('Œuvre')).toBe('oeuvre');
    expect(nameKey('Þór')).toBe('thor');
  });

  // Regression test for a fixed bug: letters written with a stroke or without a dot (ø, ł, đ, ı)
  // have no Unicode decomposition, so NFKD + dropping marks leaves them as they are and the final
  // [^a-z0-9] filter then deletes the whole letter: "Søren" → "sren", "Michał" → "micha",
  // "Đorđević" → "orevic", "Kırıkkale" → "krkkale". Staff who type the name on an English keyboard
  // ("Soren", "Michal") get a different key and a prefix search misses the person, against the
  // module's promise that people are found "however a name was typed".
  for (const [written, typed] of [
    ['Søren', 'Soren'],
    ['Michał', 'Michal'],
    ['Đorđević', 'Dordevic'],
    ['Kırıkkale', 'Kirikkale'],
  ] as const) {
    it(`gives "${written}" the same key as "${typed}"`, () => {
      expect(nameKey(written)).toBe(nameKey(typed));
    });
  }

  it('answers only letters and digits, none upper case, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (name) => {
        const key = nameKey(name);
        expect(key).toMatch(/^[\p{L}\p{N}]*$/u);
        expect(key).toBe(key.toLowerCase());
        expect(nameKey(key)).toBe(key);
      }),
    );
  });

  it('ignores case, spaces, apostrophes and hyphens', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(' ', '-', "'", '’'),
        (words, sep) => {
          expect(nameKey(words.join(sep).toUpperCase())).toBe(words.join('').toLowerCase());
        },
      ),
    );
  });
});
