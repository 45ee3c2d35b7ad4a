import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../infra/aws/content-security-policy.ts';
import { SPA_REWRITE_FUNCTION_CODE } from '../../infra/aws/spa-rewrite.ts';

type Rewrite = (event: { request: { uri: string } }) => { uri: string };

/** Loads the CloudFront Function source as CloudFront would: a script defining `handler`. */
const rewrite = new Function(`${SPA_REWRITE_FUNCTION_CODE}\nreturn handler;`)() as Rewrite;
const uriAfter = (uri: string): string => rewrite({ request: { uri } }).uri;

describe('SPA rewrite (CloudFront Function)', () => {
  it.each(['/', '/areas', '/areas/3f2a9c1e', '/members/', '/auth/callback', '/signed-out'])(
    'serves index.html for the app route %s',
    (uri) => {
      expect(uriAfter(uri)).toBe('/index.html');
    },
  );

  it.each([
    '/index.html',
    '/config.json',
    '/assets/index-Da9sGnYC.js',
    '/assets/fonts/bold-b542beb274-v2.woff2',
    '/favicon.ico',
  ])('leaves the file %s alone', (uri) => {
    expect(uriAfter(uri)).toBe(uri);
  });
});

describe('Content-Security-Policy', () => {
  it('allows only the app itself and the named identity origins to be contacted', () => {
    const csp = contentSecurityPolicy(['https://idp.example', 'https://login.example']);
    expect(csp).toContain("connect-src 'self' https://idp.example https://login.example");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
