'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormError, inputClass } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/action';
import { toastResult } from '@/components/ui/toast';

export type SuccessorChoice = { id: string; name: string };
type Act<A extends unknown[]> = (...args: A) => Promise<ActionState<unknown>>;

/**
 * Issue 17: an image's family and its deprecation, for whoever may change them (the owner of a
 * custom image; the seller, for a product version). The actions are bound to the image or version.
 */
export function ImageFamilyPanel({ id = 'family', title, family, deprecated, successors, setFamilyAction, deprecateAction, undeprecateAction, successorLabel }: { id?: string; title?: string; family: string | null; deprecated: boolean; successors: SuccessorChoice[]; setFamilyAction: Act<[string]>; deprecateAction: Act<[string]>; undeprecateAction: Act<[]>; successorLabel?: string }) {
  const t = useTranslations('imageFamily');
  const tt = useTranslations('toast');
  const [pending, startTransition] = useTransition();
  const [name, setName] = useState(family ?? '');
  const [successor, setSuccessor] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const run = (work: () => Promise<ActionState<unknown>>, message: string) =>
    startTransition(async () => {
      const result = await work();
      toastResult(result, message, tt('refused'));
      if (result && !result.ok) return setError(result.error.message);
      setError(undefined);
      setDone(message);
    });

  return (
    <section className="space-y-5 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby={`${id}-title`} data-testid="family-panel">
      <div>
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title ?? t('title')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('subtitle')}</p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1 space-y-1.5">
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-700">
            {t('familyLabel')}
          </label>
          <input id={`${id}-name`} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} placeholder={t('familyPlaceholder')} aria-describedby={`${id}-hint`} />
        </div>
        <Button variant="secondary" disabled={pending || name.trim() === (family ?? '')} onClick={() => run(() => setFamilyAction(name.trim()), name.trim() ? t('familySaved') : t('familyCleared'))}>
          {t('saveFamily')}
        </Button>
      </div>
      <p id={`${id}-hint`} className="-mt-3 text-xs text-slate-500">
        {t('familyHint')}
      </p>

      <div className="border-t border-slate-100 pt-4">
        {deprecated ? (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-600">{t('undeprecateHint')}</p>
            <Button variant="secondary" disabled={pending} onClick={() => run(() => undeprecateAction(), t('undeprecated'))}>
              {t('undeprecate')}
            </Button>
          </div>
        ) : (
          <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <div className="min-w-0 flex-1 space-y-1.5">
              <label htmlFor={`${id}-successor`} className="block text-sm font-medium text-slate-700">
                {successorLabel ?? t('successorLabel')}
              </label>
              <select id={`${id}-successor`} className={inputClass} value={successor} onChange={(e) => setSuccessor(e.target.value)}>
                <option value="">{t('noSuccessor')}</option>
                {successors.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <Button variant="danger" disabled={pending} onClick={() => run(() => deprecateAction(successor), t('deprecated'))}>
              {t('deprecate')}
            </Button>
          </div>
        )}
        <p className="mt-2 text-xs text-slate-500">{t('deprecateHint')}</p>
      </div>
      <FormError message={error} />
      {done && !error && (
        <p role="status" className="text-sm text-emerald-700">
          {done}
        </p>
      )}
    </section>
  );
}
