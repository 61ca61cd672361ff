import Form from 'next/form';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { AuditFilter } from './audit-filter';

function TextFilter({ name, label, value, placeholder }: { name: keyof AuditFilter; label: string; value?: string; placeholder?: string }) {
  return (
    <label className="space-y-1.5 text-sm">
      <span className="block font-medium text-slate-700">{label}</span>
      <input name={name} defaultValue={value} placeholder={placeholder} className={`${inputClass} font-mono`} />
    </label>
  );
}

/** ADM-3: a GET form, so a filtered log is a link an operator can share. */
export function AuditFilters({ filter }: { filter: AuditFilter }) {
  const t = useTranslations('admin.audit');
  const active = Object.values(filter).some(Boolean);
  return (
    <Form action="/admin/audit" role="search" aria-label={t('filtersLabel')} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
      <TextFilter name="accountId" label={t('account')} value={filter.accountId} placeholder="1234567890123456" />
      <TextFilter name="action" label={t('action')} value={filter.action} placeholder="RunInstances" />
      <TextFilter name="target" label={t('target')} value={filter.target} placeholder="i-…" />
      <TextFilter name="requestId" label={t('requestId')} value={filter.requestId} />
      <label className="space-y-1.5 text-sm">
        <span className="block font-medium text-slate-700">{t('outcome')}</span>
        <select name="outcome" defaultValue={filter.outcome ?? ''} className={inputClass}>
          <option value="">{t('anyOutcome')}</option>
          <option value="ok">{t('outcomes.ok')}</option>
          <option value="error">{t('outcomes.error')}</option>
        </select>
      </label>
      <label className="space-y-1.5 text-sm">
        <span className="block font-medium text-slate-700">{t('from')}</span>
        <input type="date" name="from" defaultValue={filter.from} className={inputClass} />
      </label>
      <label className="space-y-1.5 text-sm">
        <span className="block font-medium text-slate-700">{t('to')}</span>
        <input type="date" name="to" defaultValue={filter.to} className={inputClass} />
      </label>
      <div className="flex items-end gap-3">
        <Button type="submit">{t('apply')}</Button>
        {active && (
          <Link href="/admin/audit" className="py-2 text-sm text-brand-600 hover:underline">
            {t('clear')}
          </Link>
        )}
      </div>
    </Form>
  );
}
