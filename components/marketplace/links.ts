// Where the marketplace sends people: the console's launch wizard and the sign-in round trip.

export function launchHref(regionId: string, imageId: string | undefined): string {
  const query = new URLSearchParams({ region: regionId });
  if (imageId) query.set('image', imageId);
  return `/console/instances/new?${query}`;
}

export function productHref(code: string): string {
  return `/marketplace/products/${code}`;
}

/** Sign in (or up), then come back to the product. */
export function authHref(kind: 'sign-in' | 'sign-up', code: string): string {
  return `/${kind}?next=${encodeURIComponent(productHref(code))}`;
}
