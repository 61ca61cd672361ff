import { useTranslations } from 'next-intl';
import { Button } from './button';
import { inputClass } from './field';

/**
 * A list's search box (issue 16): a plain GET form, so the term lands in the URL (?q=) with the
 * list's other parameters; a new search starts at page 1.
 */
export function ListSearch({ value, keep, placeholder }: { value?: string; keep: Record<string, string | undefined>; placeholder: string }) {
  const t = useTranslations('lists');
  return (
    <form method="get" role="search" className="flex w-full max-w-md items-center gap-2">
      {Object.entries(keep).map(([name, v]) => (v ? <input key={name} type="hidden" name={name} value={v} /> : null))}
      <label className="sr-only" htmlFor="list-search">
        {t('search')}
      </label>
      <input id="list-search" name="q" type="search" defaultValue={value} maxLength={128} placeholder={placeholder} className={inputClass} />
      <Button type="submit" variant="secondary">
        {t('search')}
      </Button>
    </form>
  );
}
