import { useTranslations } from 'next-intl';
import { SEARCH_QUERY_MAX } from '@/lib/domain/marketplace';

/** A plain GET form to /marketplace/search: works without JavaScript, and the query lands in the URL. */
export function SearchForm({ defaultValue, size = 'md', id = 'q' }: { defaultValue?: string; size?: 'md' | 'lg'; id?: string }) {
  const t = useTranslations('marketplace.nav');
  const large = size === 'lg';
  return (
    <form action="/marketplace/search" method="get" role="search" className="flex w-full">
      <label htmlFor={id} className="sr-only">
        {t('searchLabel')}
      </label>
      <div className="relative flex-1">
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden className={`pointer-events-none absolute top-1/2 -translate-y-1/2 text-slate-400 ${large ? 'left-4 size-5' : 'left-3 size-4'}`}>
          <circle cx="9" cy="9" r="6" />
          <path d="m13.5 13.5 4 4" strokeLinecap="round" />
        </svg>
        <input
          id={id}
          name="q"
          type="search"
          maxLength={SEARCH_QUERY_MAX}
          defaultValue={defaultValue}
          placeholder={t('searchPlaceholder')}
          className={`block w-full rounded-l-md border border-r-0 border-slate-300 bg-white text-slate-900 placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none ${large ? 'h-12 pr-4 pl-12 text-base' : 'h-9 pr-3 pl-9 text-sm'}`}
        />
      </div>
      <button type="submit" className={`shrink-0 rounded-r-md bg-brand-600 font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 ${large ? 'h-12 px-6 text-base' : 'h-9 px-4 text-sm'}`}>
        {t('search')}
      </button>
    </form>
  );
}
