'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/form-action';
import { useResultToast } from '@/components/ui/toast';

export function CreateBucketForm({ regionId, createAction }: { regionId: string; createAction: FormAction }) {
  const t = useTranslations('buckets');
  const [state, action, pending] = useActionState(createAction, null);
  useResultToast(state, useTranslations('toast')('bucketCreated'));
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
