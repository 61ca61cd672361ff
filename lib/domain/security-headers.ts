// The security headers of every response (issue 12): pages get a Content-Security-Policy
// whose scripts must carry this request's nonce (Next puts it on its own scripts), the API a
// policy that allows nothing; no framing, no MIME sniffing, a referrer without paths to other
// sites, no camera/microphone/location, and HSTS once the site is served over https.

export type HeaderContext = {
  /** The nonce of this request's scripts (pages only). */
  nonce?: string;
  /** `next dev`: React needs eval for its debugging aids; never in a production build. */
  development: boolean;
  https: boolean;
  kind: 'page' | 'api';
};

const directives = (list: (string | false)[]) => list.filter(Boolean).join('; ');

export function contentSecurityPolicy({ nonce, development, https, kind }: HeaderContext): string {
  if (kind === 'api') return directives(["default-src 'none'", "frame-ancestors 'none'"]);
  return directives([
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Inline styles stay allowed: React style attributes (charts, progress bars) and the
    // dialogs' scroll lock need them, and a style cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Sellers' logos may live on any https host.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    https && 'upgrade-insecure-requests',
  ]);
}

export function securityHeaders(context: HeaderContext): [name: string, value: string][] {
  const headers: [string, string][] = [
    ['Content-Security-Policy', contentSecurityPolicy(context)],
    ['X-Frame-Options', 'DENY'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
  // Only over https: on plain http the browser ignores it, and a local http site must keep working.
  if (context.https) headers.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']);
  return headers;
}
