'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/action';
import type { SellerActivity } from '@/lib/domain/seller-calls';

export type ShownExchange = { url: string; body: string; httpStatus: number | null; response: string | null; bodySign: string | null; bodySignValid: boolean; latencyMs: number; verdict: string };

type Row = { activity: SellerActivity; passedAt: string | null; last: ShownExchange | null };

/** SEL-6: send each activity of a test order to the interface and see exactly what happened. */
export function DebugPanel({ debugAction, rows }: { debugAction: (activity: SellerActivity) => Promise<ActionState<ShownExchange>>; rows: Row[] }) {
  const t = useTranslations('publishing');
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<SellerActivity>();
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState<Partial<Record<SellerActivity, ShownExchange>>>({});
  const send = (activity: SellerActivity) =>
    startTransition(async () => {
      setBusy(activity);
      setError(undefined);
      const result = await debugAction(activity);
      if (result?.ok) setShown((s) => ({ ...s, [activity]: result.data }));
      else setError(result?.error.message);
      setBusy(undefined);
    });
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <ol className="space-y-3">
        {rows.map((row) => {
          const exchange = shown[row.activity] ?? row.last;
          const passed = Boolean(row.passedAt) || exchange?.verdict === 'ok';
          return (
            <li key={row.activity} className="rounded-md border border-slate-200 p-3" data-activity={row.activity} data-passed={passed}>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                <span className={passed ? 'text-emerald-600' : 'text-slate-400'} aria-hidden>
                  {passed ? '✓' : '○'}
                </span>
                <code className="font-medium">{row.activity}</code>
                <span className="text-sm text-slate-500">{t(`activities.${row.activity}`)}</span>
                <span className="ml-auto">
                  <Button size="sm" variant="secondary" disabled={pending} onClick={() => send(row.activity)}>
                    {busy === row.activity ? t('sending') : t('send')}
                  </Button>
                </span>
              </div>
              {exchange && (
                <div className="mt-3 space-y-2 text-xs">
                  <p className={exchange.verdict === 'ok' ? 'font-medium text-emerald-700' : 'font-medium text-red-700'} data-testid="debug-verdict">
                    {t(`verdicts.${exchange.verdict}`)} · HTTP {exchange.httpStatus ?? '—'} · {exchange.latencyMs} ms · Body-Sign {exchange.bodySignValid ? t('signatureValid') : t('signatureInvalid')}
                  </p>
                  <p className="font-mono break-all text-slate-500">POST {exchange.url}</p>
                  <div className="grid gap-2 md:grid-cols-2">
                    <div>
                      <p className="mb-1 font-medium text-slate-600">{t('request')}</p>
                      <pre className="overflow-x-auto rounded bg-slate-900 p-2 text-slate-100">{exchange.body}</pre>
                    </div>
                    <div>
                      <p className="mb-1 font-medium text-slate-600">{t('response')}</p>
                      <pre className="overflow-x-auto rounded bg-slate-50 p-2">{exchange.response ?? '—'}</pre>
                      {exchange.bodySign && <p className="mt-1 font-mono break-all text-slate-500">Body-Sign: {exchange.bodySign}</p>}
                    </div>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
