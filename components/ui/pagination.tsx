import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { listHref } from './list-href';

/** Server-side paging: links keep every other search parameter. */
export function Pagination({ page, pageSize, total, params }: { page: number; pageSize: number; total: number; params: Record<string, string | undefined> }) {
  const t = useTranslations('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => listHref({ ...params, page: String(p) });
  const link = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50';
  // Dimmed but still legible (WCAG 1.4.3): slate-500 on white is 4.8:1.
  const disabled = 'cursor-not-allowed rounded-md border border-dashed border-slate-200 px-3 py-1.5 text-sm text-slate-500';
  return (
    <nav className="flex items-center justify-between gap-4 text-sm text-slate-600" aria-label={t('pagination')}>
      <span>{t('totalCount', { count: total })}</span>
      <div className="flex items-center gap-2">
        {page > 1 ? <Link className={link} href={href(page - 1)}>{t('previous')}</Link> : <span className={disabled}>{t('previous')}</span>}
        <span>{t('pageOf', { page, pages })}</span>
        {page < pages ? <Link className={link} href={href(page + 1)}>{t('next')}</Link> : <span className={disabled}>{t('next')}</span>}
      </div>
    </nav>
  );
}
