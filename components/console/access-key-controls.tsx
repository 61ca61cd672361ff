'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/action';
import { CopyButton } from '@/components/ui/copy-button';
import { toastResult } from '@/components/ui/toast';

/** Creating a key shows its secret once, here, and never again. */
export function CreateAccessKey({ createAction }: { createAction: () => Promise<ActionState<{ accessKeyId: string; accessKeySecret: string }>> }) {
  const t = useTranslations('accessKeys');
  const tt = useTranslations('toast');
  const tc = useTranslations('copy');
  const [pending, startTransition] = useTransition();
  const [created, setCreated] = useState<{ accessKeyId: string; accessKeySecret: string }>();
  const [error, setError] = useState<string>();
  return (
    <div className="space-y-3">
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await createAction();
            toastResult(result, tt('accessKeyCreated'), tt('refused'));
            setError(result && !result.ok ? result.error.message : undefined);
            if (result?.ok) setCreated(result.data);
          })
        }
      >
        {t('create')}
      </Button>
      <FormError message={error} />
      {created && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm" data-testid="new-key">
          <p className="font-medium text-amber-900">{t('secretOnce')}</p>
          <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-1 font-mono text-xs">
            <dt className="font-sans text-slate-600">{tc('accessKeyId')}</dt>
            <dd className="flex items-center gap-1 break-all">
              <span data-testid="new-key-id">{created.accessKeyId}</span>
              <CopyButton value={created.accessKeyId} label={tc('accessKeyId')} />
            </dd>
            <dt className="font-sans text-slate-600">{tc('accessKeySecret')}</dt>
            <dd className="flex items-center gap-1 break-all">
              <span data-testid="new-key-secret">{created.accessKeySecret}</span>
              <CopyButton value={created.accessKeySecret} label={tc('accessKeySecret')} />
            </dd>
          </dl>
        </div>
      )}
    </div>
  );
}

export function ToggleAccessKey({ id, status, setStatusAction }: { id: string; status: string; setStatusAction: (id: string, status: 'active' | 'disabled') => Promise<ActionState<unknown>> }) {
  const t = useTranslations('accessKeys');
  const tt = useTranslations('toast');
  const [pending, startTransition] = useTransition();
  const next = status === 'active' ? 'disabled' : 'active';
  return (
    <Button size="sm" variant="secondary" disabled={pending} onClick={() => startTransition(async () => void toastResult(await setStatusAction(id, next), tt('accessKeyChanged')))}>
      {t(next === 'disabled' ? 'disable' : 'enable')}
    </Button>
  );
}
