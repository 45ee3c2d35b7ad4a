/**
 * The web app's Content-Security-Policy. Scripts, styles and fonts come from the app's own
 * origin only (no inline code); the browser talks to the API on the same origin and to
 * the identity provider's origins for sign-in (OIDC discovery, token and JWKS endpoints).
 * Kept free of CDK so the local gateway can send the same header.
 */
export function contentSecurityPolicy(identityOrigins: readonly string[]): string {
  const connect = ["'self'", ...identityOrigins].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}
