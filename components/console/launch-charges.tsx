'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { ChargeLine, LaunchCharges } from '@/lib/domain/launch-charges';
import { formatFen } from '@/lib/domain/money';

/** The launch summary's price (issue 16): every line the launch charges, as the preview computed them. */
export function LaunchChargesSummary({ charges }: { charges: LaunchCharges | null }) {
  const t = useTranslations('wizard.charges');
  const tc = useTranslations('common');
  const format = useFormatter();
  const perHour = (fen: number) => tc('perHour', { price: formatFen(fen) });
  const label = (line: ChargeLine) => {
    if (line.kind !== 'licenses') return t(line.kind, { count: line.quantity, unit: perHour(line.unitFen) });
    const until = line.endsAt ? format.dateTime(new Date(line.endsAt), { dateStyle: 'medium' }) : '';
    return t('licenses', { count: line.quantity, unit: formatFen(line.unitFen), model: line.pricingModel, until });
  };
  return (
    <div className="space-y-3 border-t border-slate-100 pt-3" data-testid="launch-charges">
      <dl className="space-y-1.5 text-sm">
        {charges?.lines.map((line) => (
          <div key={`${line.kind}-${line.unitFen}`} className="flex justify-between gap-3" data-testid={`charge-${line.kind}`}>
            <dt className="text-slate-500">{label(line)}</dt>
            <dd className="shrink-0 font-medium">{line.kind === 'licenses' ? formatFen(line.totalFen) : perHour(line.totalFen)}</dd>
          </div>
        ))}
      </dl>
      <dl className="space-y-1.5 border-t border-slate-100 pt-3 text-sm">
        <div className="flex items-baseline justify-between gap-3">
          <dt className="text-slate-500">{t('perHourTotal')}</dt>
          <dd className="text-xl font-semibold text-brand-700" data-testid="hourly-total">
            {charges ? perHour(charges.perHourFen) : '—'}
          </dd>
        </div>
        {charges && charges.dueNowFen > 0 && (
          <div className="flex items-baseline justify-between gap-3">
            <dt className="text-slate-500">{t('dueNow')}</dt>
            <dd className="text-xl font-semibold text-brand-700" data-testid="due-now">
              {formatFen(charges.dueNowFen)}
            </dd>
          </div>
        )}
        {charges && (
          <div className="flex justify-between gap-3 text-xs">
            <dt className="text-slate-500">{t('balanceAfter')}</dt>
            <dd data-testid="balance-after">{formatFen(charges.balanceAfterFen)}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
