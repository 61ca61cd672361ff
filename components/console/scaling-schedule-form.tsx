'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/form-action';
import { useResultToast } from '@/components/ui/toast';
import { fromChinaWallClock } from '@/lib/domain/calendar';

/** MKT-9: at a time, set the desired capacity to N. The time is typed in China time, as the page shows times (issue 16). */
export function ScalingScheduleForm({ max, scheduleAction }: { max: number; scheduleAction: FormAction }) {
  const t = useTranslations('scaling.schedule');
  const [state, action, pending] = useActionState(scheduleAction, null);
  useResultToast(state, useTranslations('toast')('saved'));
  const [at, setAt] = useState('');
  const [desired, setDesired] = useState('1');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const data = new FormData();
    data.set('runAt', fromChinaWallClock(at)?.toISOString() ?? '');
    data.set('desired', desired);
    startTransition(() => action(data));
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-start gap-3" noValidate>
      <div className="w-60">
        <Field label={t('at')} name="runAt" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} error={state && !state.ok ? state.error.message : undefined} />
      </div>
      <div className="w-32">
        <Field label={t('desired')} name="scheduleDesired" type="number" min={0} max={max} value={desired} onChange={(e) => setDesired(e.target.value)} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending || !at} className="mt-7">
        {t('add')}
      </Button>
      {state?.ok && (
        <p role="status" className="mt-8 text-sm text-emerald-700">
          {t('added')}
        </p>
      )}
    </form>
  );
}
