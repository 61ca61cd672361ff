// Where to go after signing in or up: a path of this site only, never another origin. The
// browser's URL parser decides (it drops tabs and newlines and reads "\" as "/"), so the
// check resolves the path the same way against the site's origin and keeps it only if the
// origin did not change.

export const AFTER_SIGN_IN = '/console/instances';

export function safeNextPath(next: unknown, siteOrigin: string): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return AFTER_SIGN_IN;
  const origin = new URL(siteOrigin).origin;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return AFTER_SIGN_IN;
  }
  if (url.origin !== origin) return AFTER_SIGN_IN;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil" resolves to the path "//evil", which a Location header would read as another host.
  return path.startsWith('//') ? AFTER_SIGN_IN : path;
}
