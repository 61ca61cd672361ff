// The URL parameters every console list shares (issue 16): the region (the header's selector,
// kept in ?region=), the search (?q=) and the sort (?sort=name / -name).
import { searchFromUrl } from '@/lib/domain/list-query';

export type ListSearchParams = { region?: string; q?: string; sort?: string; page?: string };

/** The list's region: the URL's when it names a region, else the one chosen in the header. */
export function regionFromUrl(raw: string | undefined, regions: string[], chosen: string): string {
  return raw && regions.includes(raw) ? raw : chosen;
}

export function listParams(search: ListSearchParams, regions: string[], chosenRegion: string) {
  return { region: regionFromUrl(search.region, regions, chosenRegion), q: searchFromUrl(search.q) };
}
