'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ActionState } from '@/lib/auth/action';
import type { MarketplacePage } from '@/lib/services/launch-wizard';

export type MarketplacePageAction = (input: { regionId: string; q: string; page: number }) => Promise<ActionState<MarketplacePage>>;

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The launch wizard's marketplace products (issue 13): the page came with the first page; the
 * words typed are searched in the database and further pages are fetched when asked for.
 */
export function useMarketplacePages(regionId: string, first: MarketplacePage, action: MarketplacePageAction, words: string) {
  const q = useDebounced(words.trim(), 250);
  const query = useInfiniteQuery({
    queryKey: ['wizard-marketplace', regionId, q],
    queryFn: async ({ pageParam }) => {
      const answer = await action({ regionId, q, page: pageParam });
      if (!answer?.ok) throw new Error(answer?.error.message);
      return answer.data;
    },
    initialPageParam: 1,
    getNextPageParam: (last) => (last.more ? last.page + 1 : undefined),
    initialData: q === '' ? { pages: [first], pageParams: [1] } : undefined,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages ?? [first];
  return {
    items: pages.flatMap((p) => p.items),
    searching: query.isFetching || q !== words.trim(),
    more: query.hasNextPage ? () => void query.fetchNextPage() : null,
  };
}
