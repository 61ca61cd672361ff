'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** While instances are booting, polls their count and re-renders the page when one turns Running. */
export function PendingWatcher({ pending, pendingCountAction }: { pending: number; pendingCountAction: () => Promise<number> }) {
  const router = useRouter();
  const { data } = useQuery({
    queryKey: ['pending-instances'],
    queryFn: () => pendingCountAction(),
    enabled: pending > 0,
    refetchInterval: 1000,
  });
  useEffect(() => {
    if (data !== undefined && data < pending) router.refresh();
  }, [data, pending, router]);
  return null;
}
