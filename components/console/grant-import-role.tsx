'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { grantImportRoleAction } from '@/app/console/buckets/actions';
import { Button } from '@/components/ui/button';

export function GrantImportRole() {
  const t = useTranslations('imports');
  const [pending, startTransition] = useTransition();
  return (
    <Button disabled={pending} onClick={() => startTransition(async () => void (await grantImportRoleAction()))}>
      {t('authorise')}
    </Button>
  );
}
