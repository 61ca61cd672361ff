// Issue 12 (security headers): the values every page and API response carries.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

const page = { nonce: 'bm9uY2U=', development: false, https: false, kind: 'page' as const };
const header = (list: [string, string][], name: string) => new Map(list).get(name);

describe('Content-Security-Policy', () => {
  it('a page runs only scripts with this request’s nonce, and no eval in production', () => {
    const csp = contentSecurityPolicy(page);
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('eval only under next dev; upgrade-insecure-requests only over https', () => {
    expect(contentSecurityPolicy({ ...page, development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ ...page, https: true })).toContain('upgrade-insecure-requests');
  });

  it('the API allows nothing to load and cannot be framed', () => {
    expect(contentSecurityPolicy({ development: false, https: false, kind: 'api' })).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('securityHeaders', () => {
  it('no framing, no sniffing, a referrer policy and a permissions policy on pages and the API', () => {
    for (const context of [page, { ...page, kind: 'api' as const }]) {
      const list = securityHeaders(context);
      expect(header(list, 'X-Frame-Options')).toBe('DENY');
      expect(header(list, 'X-Content-Type-Options')).toBe('nosniff');
      expect(header(list, 'Referrer-Policy')).toBe('strict-origin-when-cross-origin');
      expect(header(list, 'Permissions-Policy')).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
    }
  });

  it('HSTS only when served over https', () => {
    expect(header(securityHeaders(page), 'Strict-Transport-Security')).toBeUndefined();
    expect(header(securityHeaders({ ...page, https: true }), 'Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
  });
});
