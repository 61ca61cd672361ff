'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { availableActions, type InstanceStatus } from '@/lib/domain/instances';
import type { ActionState } from '@/lib/auth/action';
import { toastResult } from '@/components/ui/toast';

const toastKey = { start: 'toast.instanceStarted', stop: 'toast.instanceStopped', release: 'toast.instanceReleased' } as const;

export function InstanceActions({ id, name, status, afterRelease, instanceAction }: { id: string; name: string; status: InstanceStatus; afterRelease?: string; instanceAction: (id: string, action: 'start' | 'stop' | 'release') => Promise<ActionState<unknown>> }) {
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
      toastResult(result, t(toastKey[action]), t('toast.refused'));
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
        <Dialog
          open={confirming}
          onOpenChange={setConfirming}
          title={t('instances.release')}
          description={t('instances.confirmRelease', { name })}
          trigger={
            <Button size="sm" variant="danger" disabled={pending}>
              {t('instances.release')}
            </Button>
          }
        >
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">{t('common.cancel')}</Button>
            </DialogClose>
            <Button variant="danger" disabled={pending} onClick={() => run('release')}>
              {t('instances.release')}
            </Button>
          </div>
        </Dialog>
      )}
      {error && (
        <p role="alert" className="basis-full text-right text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
