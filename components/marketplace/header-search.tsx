'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { SearchForm } from './search-form';

/** The top bar's search box: shows the current query on the results page; the home page has its own big one. */
export function HeaderSearch({ id, className }: { id: string; className?: string }) {
  const pathname = usePathname();
  const q = useSearchParams().get('q') ?? '';
  if (pathname === '/marketplace') return null;
  return (
    <div className={className}>
      <SearchForm key={q} defaultValue={q} id={id} />
    </div>
  );
}
