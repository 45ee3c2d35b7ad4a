/**
 * Keeps a post-sign-in destination inside this app: a path on this origin, never
 * `//host` or an absolute URL, and never back into the sign-in pages themselves.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return '/';
  }
  if (/^\/(auth\/callback|sign-in|sign-out|signed-out)(\/|\?|#|$)/.test(value)) return '/';
  return value;
}
