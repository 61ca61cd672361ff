'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';

export function GrantImportRole({ grantAction }: { grantAction: () => Promise<unknown> }) {
  const t = useTranslations('imports');
  const [pending, startTransition] = useTransition();
  return (
    <Button disabled={pending} onClick={() => startTransition(async () => void (await grantAction()))}>
      {t('authorise')}
    </Button>
  );
}
