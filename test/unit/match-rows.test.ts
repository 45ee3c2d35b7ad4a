import { describe, expect, it } from 'vitest';
import type { PersonIdentity } from '../../shared/data/people-lookup-repo.ts';
import {
  ERROR_BYTES_KEPT,
  KeptList,
  MATCH_BYTES_KEPT,
  MAX_MATCHES_KEPT,
  matchRow,
  type RowFinding,
  tally,
} from '../../shared/imports/match-rows.ts';
import { MAX_ERRORS_KEPT, type ReleaseRow } from '../../shared/imports/release-csv.ts';

const NORTH = 'area-north';
const SOUTH = 'area-south';

const row = (changes: Partial<ReleaseRow> = {}): ReleaseRow => ({
  row: 3,
  givenName: 'Zoë',
  familyName: "O'Brien-Smyth",
  dateOfBirth: '1979-05-06',
  sex: 'female',
  prisonNumber: 'A1234BC',
  areaId: NORTH,
  substanceGroup: 'opiate',
  establishment: 'HEI',
  expectedReleaseOn: '2026-12-20',
  ...changes,
});

const person = (changes: Partial<PersonIdentity> = {}): PersonIdentity => ({
  id: 'person-0001',
  givenName: 'Zoë',
  familyName: "O'Brien-Smyth",
  dateOfBirth: '1979-05-06',
  areaId: NORTH,
  ...changes,
});

const held = (identity: PersonIdentity | undefined) => ({ personId: 'person-0001', person: identity });
const fieldsOf = (finding: RowFinding) =>
  finding.kind === 'refused' ? finding.errors.map((e) => e.field) : [];

describe('matchRow', () => {
  it('finds a prison number nobody holds new', () => {
    // Act
    const finding = matchRow(row(), undefined, [NORTH]);
    // Assess
    expect(finding).toEqual({ kind: 'new' });
  });

  it('matches the holder of the uploader’s areas with the same name, in any case, accents or spacing', () => {
    // Act
    const finding = matchRow(row({ givenName: 'ZOE', familyName: 'obrien smyth' }), held(person()), [NORTH]);
    // Assess
    expect(finding).toEqual({
      kind: 'matched',
      match: { row: 3, personId: 'person-0001', name: "Zoë O'Brien-Smyth" },
    });
  });

  it('refuses a holder outside the uploader’s areas on the prison number alone, never comparing names', () => {
    // Prepare: one row that is the person exactly, one that gets everything wrong.
    const south = held(person({ areaId: SOUTH }));
    // Act
    const exact = matchRow(row(), south, [NORTH]);
    const wrong = matchRow(row({ givenName: 'X', familyName: 'Y', dateOfBirth: '1990-01-01' }), south, [
      NORTH,
    ]);
    // Assess: the same answer either way, so the answer says nothing about who holds the number.
    expect(fieldsOf(exact)).toEqual(['prison_number']);
    expect(wrong).toEqual(exact);
    expect(JSON.stringify(exact)).not.toMatch(/Zo|Brien|1979/);
  });

  it('refuses a prison-number lock whose person cannot be read', () => {
    // Act
    const finding = matchRow(row(), held(undefined), [NORTH]);
    // Assess
    expect(fieldsOf(finding)).toEqual(['prison_number']);
  });

  it('names every column that differs from the holder, without saying what the holder’s are', () => {
    // Prepare
    const holder = person({ givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' });
    // Act
    const finding = matchRow(row(), held(holder), [NORTH]);
    // Assess
    expect(fieldsOf(finding)).toEqual(['given_name', 'family_name', 'date_of_birth']);
    expect(JSON.stringify(finding)).not.toMatch(/Ada|Lovelace|1815/);
  });

  it('refuses a row naming another of the uploader’s areas than the holder’s, whose staff could not see the person', () => {
    // Act: the uploader covers both areas; the person is recorded in North, the row says South.
    const finding = matchRow(row({ areaId: SOUTH }), held(person()), [NORTH, SOUTH]);
    // Assess
    expect(fieldsOf(finding)).toEqual(['area']);
  });

  it('refuses a row for an area the uploader no longer covers', () => {
    // Act
    const finding = matchRow(row({ areaId: SOUTH }), undefined, [NORTH]);
    // Assess
    expect(fieldsOf(finding)).toEqual(['area']);
  });
});

describe('tally', () => {
  it('counts every finding and keeps the matches and errors in order', () => {
    // Prepare
    const findings = [
      matchRow(row({ row: 1 }), undefined, [NORTH]),
      matchRow(row({ row: 2 }), held(person()), [NORTH]),
      matchRow(row({ row: 3 }), held(person({ areaId: SOUTH })), [NORTH]),
    ];
    // Act
    const result = tally(findings, MAX_ERRORS_KEPT);
    // Assess
    expect(result).toMatchObject({ new: 1, matched: 1, errorCount: 1 });
    expect(result.matches.map((match) => match.row)).toEqual([2]);
    expect(result.errors.map((error) => error.row)).toEqual([3]);
  });

  it('keeps the record small whatever the file: bounded matches and errors, every one counted', () => {
    // Prepare: 10,000 rows matching people whose names are as long (in bytes) as names may be,
    // and 10,000 refused rows.
    const longest = 'Ω'.repeat(30) + '😀'.repeat(15);
    const matched = Array.from({ length: 10_000 }, (_, n) =>
      matchRow(
        row({ row: n + 1, givenName: longest, familyName: longest }),
        held(person({ givenName: longest, familyName: longest })),
        [NORTH],
      ),
    );
    const refused = Array.from({ length: 10_000 }, (_, n) =>
      matchRow(
        row({ row: n + 1 }),
        held(person({ givenName: 'X', familyName: 'Y', dateOfBirth: '1900-01-01' })),
        [NORTH],
      ),
    );
    // Act
    const result = tally([...matched, ...refused], MAX_ERRORS_KEPT);
    // Assess
    expect(result).toMatchObject({ matched: 10_000, errorCount: 30_000 });
    expect(result.matches.length).toBeGreaterThan(0);
    expect(result.matches.length).toBeLessThanOrEqual(MAX_MATCHES_KEPT);
    expect(result.errors.length).toBeLessThanOrEqual(MAX_ERRORS_KEPT);
    const bytes = Buffer.byteLength(JSON.stringify({ matches: result.matches, errors: result.errors }));
    expect(bytes).toBeLessThanOrEqual(ERROR_BYTES_KEPT + MATCH_BYTES_KEPT + 100);
    // DynamoDB's item limit is 400 KB: the rest of the record is a few hundred bytes.
    expect(bytes).toBeLessThan(350_000);
  });
});

describe('KeptList', () => {
  it('keeps entries while both its count and its bytes allow', () => {
    // Prepare
    const byCount = new KeptList<{ n: number }>(2, 1_000);
    const byBytes = new KeptList<{ text: string }>(100, 30);
    // Act
    const counted = [1, 2, 3].map((n) => byCount.add({ n }));
    const sized = ['aaaaaaaaaa', 'bbbbbbbbbb'].map((text) => byBytes.add({ text }));
    // Assess
    expect(counted).toEqual([true, true, false]);
    expect(sized).toEqual([true, false]);
    expect(byBytes.items).toEqual([{ text: 'aaaaaaaaaa' }]);
  });
});
