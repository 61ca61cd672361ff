import Link from 'next/link';
import { Fragment } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Table } from '@/components/ui/table';
import type { listAudit } from '@/lib/services/audit';
import type { AuditFilter } from './audit-filter';

type Row = Awaited<ReturnType<typeof listAudit>>['items'][number];

/** A cell value that narrows the log to rows sharing it; a long one is shortened, whole on hover. */
function FilterLink({ filter, name, value, short }: { filter: AuditFilter; name: keyof AuditFilter; value: string | null; short?: boolean }) {
  if (!value) return <span className="text-slate-400">—</span>;
  const query = new URLSearchParams(Object.entries({ ...filter, [name]: value }).filter((e): e is [string, string] => Boolean(e[1])));
  const shown = short && value.length > 12 ? `${value.slice(0, 8)}…` : value;
  return (
    <Link href={`/admin/audit?${query}`} title={value} className="block truncate font-mono text-xs text-slate-700 hover:text-brand-600 hover:underline">
      {shown}
    </Link>
  );
}

export function AuditTable({ rows, filter }: { rows: Row[]; filter: AuditFilter }) {
  const t = useTranslations('admin.audit');
  const format = useFormatter();
  return (
    // Fixed columns: a long target (a batch's ids) is cut, so the Outcome column stays on screen (issue 16).
    <Table fixed columns={[{ label: t('time'), className: 'w-32' }, { label: t('actorAccount'), className: 'w-56' }, { label: t('action'), className: 'w-48' }, { label: t('target') }, { label: t('requestId'), className: 'w-28' }, { label: t('outcome'), className: 'w-40' }]}>
      {rows.map(({ entry, actorEmail }) => (
        <tr key={entry.id} data-audit-action={entry.action} className="align-top">
          <td className="px-4 py-2.5 whitespace-nowrap text-slate-600">
            <div>{format.dateTime(entry.at, { dateStyle: 'medium' })}</div>
            <div className="text-xs text-slate-500">{format.dateTime(entry.at, { timeStyle: 'medium' })}</div>
          </td>
          <td className="px-4 py-2.5">
            <div className="truncate" title={actorEmail ?? undefined}>
              {actorEmail ?? (entry.actorUserId ? <code className="text-xs">{entry.actorUserId}</code> : <span className="text-slate-500 italic">{t('platform')}</span>)}
            </div>
            <div data-audit-account={entry.accountId ?? ''}>
              <FilterLink filter={filter} name="accountId" value={entry.accountId} />
            </div>
          </td>
          <td className="px-4 py-2.5">
            <FilterLink filter={filter} name="action" value={entry.action} />
            {entry.detail && (
              <details className="mt-1 text-xs text-slate-500">
                <summary className="cursor-pointer select-none">{t('detail')}</summary>
                <pre className="mt-1 max-w-full overflow-x-auto rounded bg-slate-50 p-2 text-[11px] text-slate-700">{JSON.stringify(entry.detail, null, 2)}</pre>
              </details>
            )}
          </td>
          <td className="px-4 py-2.5">
            <FilterLink filter={filter} name="target" value={entry.target} />
          </td>
          <td className="px-4 py-2.5">
            <FilterLink filter={filter} name="requestId" value={entry.requestId} short />
          </td>
          <td className="px-4 py-2.5">
            {entry.outcome === 'ok' ? (
              <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200 ring-inset">{t('outcomes.ok')}</span>
            ) : (
              <span className="inline-flex flex-col items-start gap-0.5">
                <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700 ring-1 ring-red-200 ring-inset">{t('outcomes.error')}</span>
                {/* Codes are long and dotted: let them break after a dot. */}
                {entry.errorCode && <code className="text-xs whitespace-normal text-red-700">{entry.errorCode.split('.').map((part, i) => (
                      <Fragment key={i}>
                        {i > 0 && <wbr />}
                        {i > 0 && '.'}
                        {part}
                      </Fragment>
                    ))}</code>}
              </span>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
