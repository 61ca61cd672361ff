/** A list page's link: the given search parameters, the empty ones left out (page 1 has none). */
export function listHref(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  const text = query.toString();
  return text ? `?${text}` : '?';
}
