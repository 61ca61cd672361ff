import Form from 'next/form';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { instanceStatuses } from '@/lib/domain/instances';

/** A GET form: the search lives in the URL, so a result can be linked and reloaded. */
export function InstanceSearch({ q, status }: { q?: string; status?: string }) {
  const t = useTranslations('admin.instances');
  const statuses = useTranslations('status');
  return (
    <Form action="/admin/instances" role="search" className="flex flex-wrap items-end gap-3">
      <label className="w-80 space-y-1.5 text-sm">
        <span className="block font-medium text-slate-700">{t('search')}</span>
        <input type="search" name="q" defaultValue={q} placeholder={t('searchPlaceholder')} className={inputClass} />
      </label>
      <label className="space-y-1.5 text-sm">
        <span className="block font-medium text-slate-700">{t('status')}</span>
        <select name="status" defaultValue={status ?? ''} className={inputClass}>
          <option value="">{t('allButReleased')}</option>
          {instanceStatuses.map((s) => (
            <option key={s} value={s}>
              {statuses(s)}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="secondary">
        {t('searchButton')}
      </Button>
      {(q || status) && (
        <Link href="/admin/instances" className="py-2 text-sm text-brand-600 hover:underline">
          {t('clear')}
        </Link>
      )}
    </Form>
  );
}
