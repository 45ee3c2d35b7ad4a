import { nameKey } from './name-key.ts';

/**
 * The form in which two partnerships' names are compared: case, spaces, punctuation and accents
 * ignored ("Worcestershire & Herefordshire CDP" and "worcestershire herefordshire cdp" are one
 * name; so are "Ynys Môn CDP" and "Ynys Mon CDP"), as people search for names elsewhere. A name
 * with no letter or digit at all (allowed, if unlikely) is compared as typed, lower case and
 * percent-encoded, so it still has a key and never contains the key delimiter.
 */
export function partnershipNameKey(name: string): string {
  return nameKey(name) || encodeURIComponent(name.trim().toLowerCase());
}
