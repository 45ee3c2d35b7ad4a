import type { PersonIdentity } from '../data/people-lookup-repo.ts';
import { nameKey } from '../domain/name-key.ts';
import type { ImportError, ReleaseRow } from './release-csv.ts';

/** Most matches kept on an import record (the `matched` count says how many there were). */
export const MAX_MATCHES_KEPT = 500;

/**
 * Bytes the kept errors and matches may take: with the rest of the record, well inside DynamoDB's
 * 400 KB item, whatever the names and messages (a name may be 60 four-byte characters).
 */
export const ERROR_BYTES_KEPT = 200_000;
export const MATCH_BYTES_KEPT = 100_000;

/** An entry's size as JSON: a little more than DynamoDB counts for the same attributes. */
const bytesOf = (entry: object) => Buffer.byteLength(JSON.stringify(entry));

/** A list that keeps entries while both its count and its bytes stay within bounds. */
export class KeptList<T extends object> {
  readonly items: T[] = [];
  #bytes = 0;
  constructor(
    private readonly maxCount: number,
    private readonly maxBytes: number,
  ) {}
  /** Keeps the entry if there is room; answers whether it was kept. */
  add(entry: T): boolean {
    const bytes = bytesOf(entry);
    if (this.items.length >= this.maxCount || this.#bytes + bytes > this.maxBytes) return false;
    this.items.push(entry);
    this.#bytes += bytes;
    return true;
  }
}

/** A row that names a person already in Continuity, as the check page shows it. */
export interface ImportMatch {
  row: number;
  personId: string;
  /** The matched person's name: always a person of the uploader's own areas. */
  name: string;
}

/** Who holds a row's prison number: the lock's person, and that person's record if it could be read. */
export interface Holding {
  personId: string;
  person: PersonIdentity | undefined;
}

/** What a row would do: add a new person, add a referral to a matched one, or nothing at all. */
export type RowFinding =
  | { kind: 'new' }
  | { kind: 'matched'; match: ImportMatch }
  | { kind: 'refused'; errors: ImportError[] };

/**
 * Judges one checked row against the person already holding its prison number, if any, for an
 * uploader covering `areaIds`. An import applies only to the uploader's areas: a holder outside
 * them is refused on the prison number alone, without comparing names, so a file of guessed
 * numbers learns nothing about who holds them. A holder inside them must have the row's area,
 * name (any case, accents or spacing, as search compares names) and date of birth; the messages
 * never say what the holder's are.
 */
export function matchRow(
  row: ReleaseRow,
  holding: Holding | undefined,
  areaIds: readonly string[],
): RowFinding {
  if (!areaIds.includes(row.areaId)) {
    return refused(
      row,
      'area',
      'is not one of your areas any more: list this person in a file for an area you cover',
    );
  }
  if (!holding) return { kind: 'new' };
  const { person } = holding;
  if (!person || !areaIds.includes(person.areaId)) {
    return refused(
      row,
      'prison_number',
      `${row.prisonNumber} belongs to a person outside your areas: check the prison number. Only people in your areas can be matched from a list`,
    );
  }
  const errors: ImportError[] = [];
  const differs = (field: string, what: string) =>
    errors.push({
      row: row.row,
      field,
      message: `does not match the ${what} of the person with prison number ${row.prisonNumber}: check both, and correct the person’s record first if it is wrong`,
    });
  // A referral in another area would show the person to that area's staff, who cannot see their record.
  if (row.areaId !== person.areaId) {
    errors.push({
      row: row.row,
      field: 'area',
      message: `is not the area the person with prison number ${row.prisonNumber} is recorded in: use their area, or change their area on their record first`,
    });
  }
  if (nameKey(row.givenName) !== nameKey(person.givenName)) differs('given_name', 'given name');
  if (nameKey(row.familyName) !== nameKey(person.familyName)) differs('family_name', 'family name');
  if (row.dateOfBirth !== person.dateOfBirth) differs('date_of_birth', 'date of birth');
  if (errors.length) return { kind: 'refused', errors };
  return {
    kind: 'matched',
    match: { row: row.row, personId: person.id, name: `${person.givenName} ${person.familyName}` },
  };
}

const refused = (row: ReleaseRow, field: string, message: string): RowFinding => ({
  kind: 'refused',
  errors: [{ row: row.row, field, message }],
});

/** What checking every row found: counts, the first matches and the errors, in row order. */
export interface Findings {
  new: number;
  matched: number;
  matches: ImportMatch[];
  errors: ImportError[];
  errorCount: number;
}

/**
 * Adds up the rows' findings, keeping at most `MAX_MATCHES_KEPT` matches and `maxErrors` errors
 * within their byte budgets (the counts count them all), so the import record stays well inside
 * DynamoDB's item size.
 */
export function tally(findings: readonly RowFinding[], maxErrors: number): Findings {
  const matches = new KeptList<ImportMatch>(MAX_MATCHES_KEPT, MATCH_BYTES_KEPT);
  const errors = new KeptList<ImportError>(maxErrors, ERROR_BYTES_KEPT);
  const result = { new: 0, matched: 0, errorCount: 0 };
  for (const finding of findings) {
    if (finding.kind === 'new') result.new += 1;
    else if (finding.kind === 'matched') {
      result.matched += 1;
      matches.add(finding.match);
    } else {
      result.errorCount += finding.errors.length;
      for (const error of finding.errors) errors.add(error);
    }
  }
  return { ...result, matches: matches.items, errors: errors.items };
}
