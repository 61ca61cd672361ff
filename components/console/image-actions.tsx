'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { Field, FormError, inputClass } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/action';
import { toastResult } from '@/components/ui/toast';

/** Copy to another region and delete, for the caller's own Available custom images. */
export function ImageActions({ image, regions, afterDelete, impact = [], copyImageAction, deleteImageAction }: { copyImageAction: (imageId: string, input: { destinationRegionId: string; name: string }) => Promise<ActionState<unknown>>; deleteImageAction: (imageId: string) => Promise<ActionState<unknown>>; image: { id: string; name: string; regionId: string; productCode: string | null }; regions: string[]; afterDelete?: string; impact?: { accountName: string; instances: number }[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [dialog, setDialog] = useState<'copy' | 'delete' | null>(null);
  const [error, setError] = useState<string>();
  const [destination, setDestination] = useState(regions.find((r) => r !== image.regionId) ?? image.regionId);
  const [name, setName] = useState(image.name);

  const open = (which: 'copy' | 'delete') => (value: boolean) => {
    setDialog(value ? which : null);
    setError(undefined);
  };
  const submit = (work: () => Promise<{ ok: boolean; error?: { message: string } } | null>, success: string, then?: () => void) =>
    startTransition(async () => {
      const result = await work();
      toastResult(result, success, t('toast.refused'));
      if (result && !result.ok) return setError(result.error?.message);
      setDialog(null);
      then?.();
    });

  return (
    <div className="flex justify-end gap-2 whitespace-nowrap">
      <Dialog
        open={dialog === 'copy'}
        onOpenChange={open('copy')}
        title={t('images.copyTitle')}
        description={image.productCode ? t('images.copyKeepsProduct', { productCode: image.productCode }) : t('images.copyHint')}
        trigger={<Button size="sm" variant="secondary">{t('images.copy')}</Button>}
      >
        <div className="space-y-4">
          <FormError message={error} />
          <label className="block space-y-1.5 text-sm">
            <span className="font-medium text-slate-700">{t('images.destination')}</span>
            <select className={inputClass} value={destination} onChange={(e) => setDestination(e.target.value)}>
              {regions.map((r) => (
                <option key={r} value={r}>
                  {t(`regions.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <Field label={t('images.name')} name="copy-name" value={name} onChange={(e) => setName(e.target.value)} />
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">{t('common.cancel')}</Button>
            </DialogClose>
            <Button disabled={pending} onClick={() => submit(() => copyImageAction(image.id, { destinationRegionId: destination, name }), t('toast.imageCopying'), () => router.push(`/console/tasks?region=${destination}`))}>
              {t('images.copy')}
            </Button>
          </div>
        </div>
      </Dialog>
      <Dialog
        open={dialog === 'delete'}
        onOpenChange={open('delete')}
        title={t('images.delete')}
        description={t('images.confirmDelete', { name: image.name })}
        trigger={<Button size="sm" variant="danger">{t('images.delete')}</Button>}
      >
        {impact.length > 0 && (
          <div className="mb-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="delete-impact">
            <p>{t('sharing.deleteImpact')}</p>
            <ul className="mt-1 list-disc pl-5">
              {impact.map((i) => (
                <li key={i.accountName}>{t('sharing.impactLine', { account: i.accountName, count: i.instances })}</li>
              ))}
            </ul>
          </div>
        )}
        <FormError message={error} />
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">{t('common.cancel')}</Button>
          </DialogClose>
          <Button variant="danger" disabled={pending} onClick={() => submit(() => deleteImageAction(image.id), t('toast.imageDeleted'), () => afterDelete && router.push(afterDelete))}>
            {t('images.delete')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
