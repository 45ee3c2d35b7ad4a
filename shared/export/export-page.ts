import { armor } from 'age-encryption';
import { encryptToX25519 } from './age-encrypt.ts';
import { parseAgeRecipient } from './age-recipient.ts';

/**
 * What an export page is: the partnership's items as JSON lines, without the table's own
 * attributes, encrypted to the partnership's age recipient and ASCII-armoured so it travels as
 * text. Only the partnership's private key reads it; the operator who fetches it cannot.
 */

/** The media type of an export page: an armoured age file (no registered type exists; this names it). */
export const EXPORT_CONTENT_TYPE = 'application/vnd.age; charset=us-ascii';

/**
 * Attributes that exist for the table, not for the partnership: keys and index keys (`PK`, `SK`,
 * `GSI…`, the due index's), the tenant they all repeat, and the search key derived from a name.
 * The record's `type` stays: it says what each line is.
 */
const isInternal = (attribute: string): boolean =>
  attribute === 'PK' ||
  attribute === 'SK' ||
  attribute.startsWith('GSI') ||
  attribute === 'duePK' ||
  attribute === 'dueSK' ||
  attribute === 'tenantId' ||
  attribute === 'givenKey';

/** A stored item as the partnership gets it back. */
export const exportedItem = (item: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).filter(([attribute]) => !isInternal(attribute)));

/** Items as JSON lines, one item a line, each line ended. */
export const jsonLines = (items: readonly Record<string, unknown>[]): string =>
  items.map((item) => `${JSON.stringify(exportedItem(item))}\n`).join('');

/**
 * One export page: the items as JSON lines, encrypted to the recipient and armoured
 * (`-----BEGIN AGE ENCRYPTED FILE-----`). Throws for a recipient that does not parse, which the
 * partnership could only have stored if the rules for setting one changed.
 */
export function encryptedPage(recipient: string, items: readonly Record<string, unknown>[]): string {
  const checked = parseAgeRecipient(recipient);
  if ('problem' in checked) throw new Error('The stored export key is not an age recipient');
  return armor.encode(encryptToX25519(checked.publicKey, new TextEncoder().encode(jsonLines(items))));
}
