'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/action';
import { CopyButton } from '@/components/ui/copy-button';
import { toastResult } from '@/components/ui/toast';

/** SEL-2: the secret is shown here once and never again. */
export function CreateSellerKey({ disabled, createAction }: { disabled: boolean; createAction: () => Promise<ActionState<{ keyId: string; secret: string }>> }) {
  const t = useTranslations('sellerKeys');
  const tt = useTranslations('toast');
  const tc = useTranslations('copy');
  const [pending, startTransition] = useTransition();
  const [created, setCreated] = useState<{ keyId: string; secret: string }>();
  const [error, setError] = useState<string>();
  return (
    <div className="space-y-3">
      <Button
        disabled={pending || disabled}
        onClick={() =>
          startTransition(async () => {
            const result = await createAction();
            toastResult(result, tt('keyCreated'), tt('refused'));
            if (result?.ok) setCreated(result.data);
            else setError(result?.error.message);
          })
        }
      >
        {t('create')}
      </Button>
      <FormError message={error} />
      {created && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm" data-testid="new-seller-key">
          <p className="font-medium text-amber-900">{t('secretOnce')}</p>
          <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-1 font-mono text-xs break-all">
            <dt className="font-sans text-slate-600">{t('keyId')}</dt>
            <dd className="flex items-center gap-1">
              <span data-testid="new-seller-key-id">{created.keyId}</span>
            </dd>
            <dt className="font-sans text-slate-600">{t('secret')}</dt>
            <dd className="flex items-center gap-1">
              <span data-testid="new-seller-key-secret">{created.secret}</span>
              <CopyButton value={created.secret} label={tc('signingSecret')} />
            </dd>
          </dl>
        </div>
      )}
    </div>
  );
}
