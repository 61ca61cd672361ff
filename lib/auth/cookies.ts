// Session cookies: HttpOnly, SameSite=Lax, and Secure when the site is served over https
// (BETTER_AUTH_URL=https://…, which an operator behind a TLS proxy sets). Not on plain http:
// a browser drops Secure cookies there, and signing in on http://localhost would stop working.
export function sessionCookieOptions(siteUrl: string) {
  const secure = new URL(siteUrl).protocol === 'https:';
  return { useSecureCookies: secure, defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' as const, secure } };
}
