import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Fragment, type ReactNode } from 'react';
import { ColumnChart } from '@/components/ui/bar-chart';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { clock } from '@/lib/clock';
import { formatFen } from '@/lib/domain/money';
import { chinaMonth } from '@/lib/domain/calendar';
import { settlement, shiftMonth, SETTLEMENT_MONTHS, type SettlementFigures, type SettlementLine } from '@/lib/services/settlement';
import { requireSeller } from '../../require-seller';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('sellerSettlement');

/** An amount with what it counts under it; a dash when there is nothing. */
function Amount({ fen, count, strong }: { fen: number; count?: string; strong?: boolean }) {
  return (
    <td className="px-4 py-3 text-right whitespace-nowrap">
      <span className={`${strong ? 'font-semibold' : ''} ${fen < 0 ? 'text-red-700' : ''}`}>{formatFen(fen)}</span>
      {count && <span className="block text-xs text-slate-500">{count}</span>}
    </td>
  );
}

function Stat({ label, fen, tone = '' }: { label: string; fen: number; tone?: string }) {
  return (
    <div>
      <p className="text-sm text-slate-500">{label}</p>
      <p className={`text-2xl font-semibold ${tone}`}>{formatFen(fen)}</p>
    </div>
  );
}

export default async function SettlementPage({ searchParams }: { searchParams: Promise<{ until?: string }> }) {
  const { actor } = await requireSeller();
  const { until } = await searchParams;
  const result = await settlement(actor, { until });
  const t = await getTranslations('seller.settlement');
  const format = await getFormatter();
  const monthName = (month: string, style: 'short' | 'long' = 'long') => format.dateTime(new Date(`${month}-01T00:00:00+08:00`), { year: 'numeric', month: style });
  const last = result.months.at(-1)!;
  const current = chinaMonth(clock.now());
  const rate = format.number(result.commissionBps / 10_000, { style: 'percent', maximumFractionDigits: 2 });

  // The lines come newest month first; each month becomes a group of rows.
  const months = new Map<string, SettlementLine[]>();
  for (const line of result.lines) months.set(line.month, [...(months.get(line.month) ?? []), line]);
  const byMonth = [...months];
  const cells = (f: SettlementFigures, strong = false): ReactNode => (
    <>
      <Amount fen={f.ordersFen} count={t('ordersCount', { count: f.orders })} strong={strong} />
      {f.refunds > 0 ? <Amount fen={f.refundsFen} count={t('refundsCount', { count: f.refunds })} strong={strong} /> : <td className="px-4 py-3 text-right text-slate-400">—</td>}
      {f.hours > 0 ? <Amount fen={f.hourlyFen} count={t('hoursCount', { count: f.hours })} strong={strong} /> : <td className="px-4 py-3 text-right text-slate-400">—</td>}
      <Amount fen={f.netFen} strong={strong} />
      <Amount fen={f.commissionFen} strong={strong} />
      <Amount fen={f.payableFen} strong />
    </>
  );

  const periodLink = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50';
  const periodNav = (
    <nav className="flex flex-wrap items-center gap-2 text-sm" aria-label={t('period', { from: monthName(result.months[0]), until: monthName(last) })}>
      <Link className={periodLink} href={`?until=${shiftMonth(last, -SETTLEMENT_MONTHS)}`}>
        ← {t('earlier')}
      </Link>
      <span className="px-1 font-medium text-slate-700" data-testid="settlement-period">
        {t('period', { from: monthName(result.months[0], 'short'), until: monthName(last, 'short') })}
      </span>
      {last < current ? (
        <Link className={periodLink} href={shiftMonth(last, SETTLEMENT_MONTHS) >= current ? '/seller/settlement' : `?until=${shiftMonth(last, SETTLEMENT_MONTHS)}`}>
          {t('later')} →
        </Link>
      ) : (
        <span className="cursor-not-allowed rounded-md border border-dashed border-slate-200 px-3 py-1.5 text-slate-500">{t('later')} →</span>
      )}
      {result.lines.length > 0 && (
        // A plain link: the browser downloads the file the route answers (content-disposition).
        <a className={`${periodLink} ml-auto font-medium text-brand-700`} href={`/seller/settlement/export?until=${last}`} title={t('downloadHint')} data-testid="settlement-csv">
          {t('download')}
        </a>
      )}
    </nav>
  );

  return (
    <div className="max-w-6xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {periodNav}
      {result.lines.length === 0 ? (
        <EmptyState
          title={t('emptyTitle')}
          body={t('emptyBody')}
          action={
            <ButtonLink href="/seller/products" variant="secondary" size="sm">
              {t('emptyAction')}
            </ButtonLink>
          }
        />
      ) : (
        <>
          <section className="grid gap-5 lg:grid-cols-[20rem_minmax(0,1fr)]">
            <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" data-testid="settlement-totals">
              <Stat label={t('net')} fen={result.totals.netFen} />
              <Stat label={t('commission')} fen={result.totals.commissionFen} tone="text-slate-600" />
              <Stat label={t('payable')} fen={result.totals.payableFen} tone="text-emerald-700" />
              <p className="border-t border-slate-100 pt-3 text-xs text-slate-500">{t('commissionNote', { rate })}</p>
            </div>
            <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
              <h2 className="text-base font-semibold">{t('chartTitle')}</h2>
              <ColumnChart caption={t('chartTitle')} columns={result.byMonth.map((m) => ({ key: m.month, label: monthName(m.month, 'short'), value: m.netFen, valueLabel: formatFen(m.netFen) }))} />
            </div>
          </section>
          <section className="space-y-3" aria-labelledby="lines-title">
            <h2 id="lines-title" className="text-base font-semibold">
              {t('tableTitle')}
            </h2>
            <Table
              columns={[
                { label: t('columns.product') },
                { label: t('columns.orders'), align: 'right' },
                { label: t('columns.refunds'), align: 'right' },
                { label: t('columns.hourly'), align: 'right' },
                { label: t('columns.net'), align: 'right' },
                { label: t('columns.commission'), align: 'right' },
                { label: t('columns.payable'), align: 'right' },
              ]}
            >
              {byMonth.map(([month, lines]) => (
                <Fragment key={month}>
                  <tr className="bg-slate-50/70">
                    <th scope="colgroup" colSpan={7} className="px-4 py-2 text-left text-xs font-semibold text-slate-600">
                      {monthName(month)}
                    </th>
                  </tr>
                  {lines.map((line) => (
                    <tr key={line.productCode} data-settlement-line={`${line.month}/${line.productCode}`}>
                      <td className="px-4 py-3">
                        <span className="line-clamp-2 max-w-xs font-medium" title={line.title}>
                          {line.title}
                        </span>
                        <code className="text-xs text-slate-500">{line.productCode}</code>
                      </td>
                      {cells(line)}
                    </tr>
                  ))}
                </Fragment>
              ))}
              <tr className="border-t-2 border-slate-200" data-testid="settlement-total-row">
                <td className="px-4 py-3 font-semibold">{t('total')}</td>
                {cells(result.totals, true)}
              </tr>
            </Table>
          </section>
        </>
      )}
    </div>
  );
}
