'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { toastResult, type Settled } from '@/components/ui/toast';

export function MarkReadButton({ markAllReadAction }: { markAllReadAction: () => Promise<Settled> }) {
  const t = useTranslations('notifications');
  const tt = useTranslations('toast');
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="secondary" disabled={pending} onClick={() => startTransition(async () => void toastResult(await markAllReadAction(), tt('markedRead')))}>
      {t('markAllRead')}
    </Button>
  );
}
