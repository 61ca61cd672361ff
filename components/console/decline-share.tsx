'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { declineShareAction } from '@/app/console/images/share-actions';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';

/** SHR-8: the recipient declines a share; it can no longer launch the image (SHR-13). */
export function DeclineShare({ imageId, imageName, afterDecline }: { imageId: string; imageName: string; afterDecline?: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const decline = () =>
    startTransition(async () => {
      const result = await declineShareAction(imageId);
      if (result && !result.ok) return setError(result.error.message);
      setOpen(false);
      if (afterDecline) router.push(afterDecline);
    });
  return (
    <Dialog open={open} onOpenChange={setOpen} title={t('sharing.decline')} description={t('sharing.declineConfirm', { name: imageName })} trigger={<Button size="sm" variant="danger">{t('sharing.decline')}</Button>}>
      <FormError message={error} />
      <div className="mt-4 flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">{t('common.cancel')}</Button>
        </DialogClose>
        <Button variant="danger" disabled={pending} onClick={decline}>
          {t('sharing.decline')}
        </Button>
      </div>
    </Dialog>
  );
}
