// The security headers of one response (lib/domain/security-headers.ts), with what the server
// knows: https from the site URL or a trusted proxy's X-Forwarded-Proto, dev or production.
import { config } from './config';
import { forwardedHttps } from './domain/client-address';
import { securityHeaders, type HeaderContext } from './domain/security-headers';

/** `request`: the request's headers (a Headers or a Map with lower-case names). */
export function responseSecurityHeaders(request: { get(name: string): string | null | undefined }, kind: HeaderContext['kind'], nonce?: string): [string, string][] {
  const https = config.siteUrl.startsWith('https://') || forwardedHttps(request.get('x-forwarded-proto') ?? null, config.trustedProxyHops);
  return securityHeaders({ nonce, kind, https, development: process.env.NODE_ENV === 'development' });
}
