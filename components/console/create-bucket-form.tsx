'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/form-action';
import { useFormAction } from '@/components/ui/use-form-action';

export function CreateBucketForm({ regionId, createAction }: { regionId: string; createAction: FormAction }) {
  const t = useTranslations('buckets');
  const { state, pending, form, error } = useFormAction(createAction, { success: useTranslations('toast')('bucketCreated') });
  const [name, setName] = useState('');
  useEffect(() => {
    if (state?.ok) setName('');
  }, [state]);
  return (
    <form {...form} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="regionId" value={regionId} />
      <div className="w-72">
        <Field label={t('newName')} name="name" value={name} onChange={(e) => setName(e.target.value)} hint={t('nameHint')} error={error?.message} />
      </div>
      <Button type="submit" disabled={pending || !name}>
        {t('create')}
      </Button>
    </form>
  );
}
