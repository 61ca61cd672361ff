// A wallet's ledger entries as the buyer's Billing page and the admin's accounts page show them:
// when, why (with an admin's note), the reference and the signed amount.
import { getFormatter, getTranslations } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import { referenceTarget } from '@/lib/domain/ledger';
import { formatFen } from '@/lib/domain/money';

type Entry = { id: number; createdAt: Date; reason: string; note: string | null; reference: string | null; amountFen: number };

export async function LedgerTable({ entries }: { entries: Entry[] }) {
  const t = await getTranslations('billing');
  const format = await getFormatter();
  // The hour an hourly charge is for, in the reader's (China) time, rather than the stored UTC key.
  const reference = (stored: string) => {
    const target = referenceTarget(stored);
    if (target.kind === 'id') return <span className="font-mono">{stored}</span>;
    const end = new Date(target.hour.getTime() + 3_600_000);
    return (
      <span title={stored}>
        {t.rich('referenceHour', { instance: target.instanceId, from: format.dateTime(target.hour, { dateStyle: 'medium', timeStyle: 'short' }), to: format.dateTime(end, { timeStyle: 'short' }), id: (chunks) => <span className="font-mono">{chunks}</span> })}
      </span>
    );
  };
  return (
    <Table columns={[{ label: t('when') }, { label: t('reason') }, { label: t('reference') }, { label: t('change'), align: 'right' }]}>
      {entries.map((e) => (
        <tr key={e.id}>
          <td className="px-4 py-3 whitespace-nowrap text-slate-600">{format.dateTime(e.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
          <td className="px-4 py-3">
            {t.has(`reasons.${e.reason}`) ? t(`reasons.${e.reason}`) : e.reason}
            {e.note && <p className="mt-0.5 max-w-md text-xs whitespace-pre-line text-slate-600">{e.note}</p>}
          </td>
          <td className="px-4 py-3 text-xs">{e.reference ? reference(e.reference) : '—'}</td>
          <td className={`px-4 py-3 text-right font-medium whitespace-nowrap ${e.amountFen < 0 ? 'text-slate-900' : 'text-emerald-700'}`}>
            {e.amountFen > 0 ? '+' : ''}
            {formatFen(e.amountFen)}
          </td>
        </tr>
      ))}
    </Table>
  );
}
