'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { createBucketAction } from '@/app/console/buckets/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

export function CreateBucketForm({ regionId }: { regionId: string }) {
  const t = useTranslations('buckets');
  const [state, action, pending] = useActionState(createBucketAction, null);
  const [name, setName] = useState('');
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="regionId" value={regionId} />
      <div className="w-72">
        <Field label={t('newName')} name="name" value={name} onChange={(e) => setName(e.target.value)} hint={t('nameHint')} error={state && !state.ok ? state.error.message : undefined} />
      </div>
      <Button type="submit" disabled={pending || !name}>
        {t('create')}
      </Button>
    </form>
  );
}
