'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';

export function MarkReadButton({ markAllReadAction }: { markAllReadAction: () => Promise<unknown> }) {
  const t = useTranslations('notifications');
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="secondary" disabled={pending} onClick={() => startTransition(async () => void (await markAllReadAction()))}>
      {t('markAllRead')}
    </Button>
  );
}
