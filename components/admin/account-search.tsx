import Form from 'next/form';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

/** A GET form: the account looked up lives in the URL, so it can be linked and reloaded. */
export function AccountSearch({ q }: { q?: string }) {
  const t = useTranslations('admin.accounts');
  return (
    <Form action="/admin/accounts" role="search" className="flex flex-wrap items-end gap-3">
      <label className="w-96 space-y-1.5 text-sm">
        <span className="block font-medium text-slate-700">{t('search')}</span>
        <input type="search" name="q" defaultValue={q} placeholder={t('searchPlaceholder')} className={inputClass} />
      </label>
      <Button type="submit" variant="secondary">
        {t('searchButton')}
      </Button>
    </Form>
  );
}
