'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError, inputClass } from '@/components/ui/field';
import { newClientToken } from '@/lib/domain/ids';
import type { FormAction } from '@/components/ui/form-action';
import type { SubscriptionModel } from '@/lib/domain/marketplace';

/** MKT-11: buy more months or years for a subscription instance. */
export function RenewForm({ renewAction, model }: { renewAction: FormAction<{ expiresAt: Date }>; model: SubscriptionModel }) {
  const t = useTranslations();
  const format = useFormatter();
  const [state, action, pending] = useActionState(renewAction, null);
  // One token per renewal: the same form sent twice is paid once; after a renewal, a new one.
  const [clientToken, setClientToken] = useState('');
  useEffect(() => {
    // Made in the browser (not during server rendering), and kept after a refusal: a retry of
    // the same form must not become a second renewal.
    if (!clientToken || state?.ok) setClientToken(newClientToken());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <h2 className="text-base font-semibold">{t('instances.renewTitle')}</h2>
      <input type="hidden" name="clientToken" value={clientToken} />
      <div className="flex items-end gap-3">
        <div className="w-40 space-y-1.5">
          <label htmlFor="periods" className="block text-sm font-medium text-slate-700">
            {t('instances.renewPeriods')}
          </label>
          <select id="periods" name="periods" defaultValue="1" className={inputClass}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n} × {t(`orders.models.${model}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending}>
          {t('instances.renew')}
        </Button>
      </div>
      <p className="text-xs text-slate-500">{t('instances.renewHint')}</p>
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700">
          {t('instances.renewed', { until: format.dateTime(new Date(state.data.expiresAt), { dateStyle: 'medium', timeStyle: 'short' }) })}
        </p>
      )}
      {state && !state.ok && <FormError message={state.error.message} />}
    </form>
  );
}
