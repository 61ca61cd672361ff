'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { toastResult, type Settled } from '@/components/ui/toast';

export function GrantImportRole({ grantAction }: { grantAction: () => Promise<Settled> }) {
  const t = useTranslations('imports');
  const tt = useTranslations('toast');
  const [pending, startTransition] = useTransition();
  return (
    <Button disabled={pending} onClick={() => startTransition(async () => void toastResult(await grantAction(), tt('roleGranted')))}>
      {t('authorise')}
    </Button>
  );
}
