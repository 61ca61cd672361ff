'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { Field, FormError } from '@/components/ui/field';
import type { FormAction } from '@/components/ui/form-action';
import { useFormAction } from '@/components/ui/use-form-action';
import { RESOURCE_NAME_MAX } from '@/lib/domain/names';

/** Issue 16: rename an instance in a dialog; a refused name stays in the field with its reason. */
export function RenameInstance({ name, renameAction }: { name: string; renameAction: FormAction }) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const { state, pending, form, fieldError, formError } = useFormAction(renameAction, { success: useTranslations('toast')('instanceRenamed'), resetOnSuccess: false });
  useEffect(() => {
    if (state?.ok) setOpen(false);
  }, [state]);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t('instances.rename')}
      trigger={
        <Button size="sm" variant="secondary">
          {t('instances.rename')}
        </Button>
      }
    >
      <form {...form} className="space-y-4">
        <Field label={t('instances.newName')} name="instanceName" defaultValue={name} maxLength={RESOURCE_NAME_MAX} hint={t('instances.renameHint')} error={fieldError('instanceName')} autoFocus />
        <FormError message={formError(['instanceName'])} />
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="secondary">
              {t('common.cancel')}
            </Button>
          </DialogClose>
          <Button type="submit" disabled={pending}>
            {pending ? t('common.working') : t('instances.saveName')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
