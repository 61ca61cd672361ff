'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { instanceAction } from '@/app/console/instances/actions';
import { Button } from '@/components/ui/button';
import { availableActions, type InstanceStatus } from '@/lib/domain/instances';

export function InstanceActions({ id, name, status, afterRelease }: { id: string; name: string; status: InstanceStatus; afterRelease?: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const actions = availableActions(status);

  const run = (action: 'start' | 'stop' | 'release') =>
    startTransition(async () => {
      const result = await instanceAction(id, action);
      setConfirming(false);
      if (result && !result.ok) return setError(result.error.message);
      setError(undefined);
      if (action === 'release' && afterRelease) router.push(afterRelease);
    });

  return (
    <div className="flex flex-wrap items-center justify-end gap-2 whitespace-nowrap">
      {actions.includes('start') && (
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => run('start')}>
          {t('instances.start')}
        </Button>
      )}
      {actions.includes('stop') && (
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => run('stop')}>
          {t('instances.stop')}
        </Button>
      )}
      {actions.includes('release') && (
        <Dialog.Root open={confirming} onOpenChange={setConfirming}>
          <Dialog.Trigger asChild>
            <Button size="sm" variant="danger" disabled={pending}>
              {t('instances.release')}
            </Button>
          </Dialog.Trigger>
          <Dialog.Portal>
            <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
            <Dialog.Content className="fixed top-1/3 left-1/2 z-50 w-[28rem] max-w-[90vw] -translate-x-1/2 rounded-lg bg-white p-6 shadow-xl">
              <Dialog.Title className="text-lg font-semibold">{t('instances.release')}</Dialog.Title>
              <Dialog.Description className="mt-2 text-sm text-slate-600">{t('instances.confirmRelease', { name })}</Dialog.Description>
              <div className="mt-6 flex justify-end gap-2">
                <Dialog.Close asChild>
                  <Button variant="secondary">{t('common.cancel')}</Button>
                </Dialog.Close>
                <Button variant="danger" disabled={pending} onClick={() => run('release')}>
                  {t('instances.release')}
                </Button>
              </div>
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
      )}
      {error && (
        <p role="alert" className="basis-full text-right text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
