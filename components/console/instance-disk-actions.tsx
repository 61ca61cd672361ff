'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { Field, FormError } from '@/components/ui/field';
import { SearchableListbox } from '@/components/ui/searchable-listbox';
import { DESCRIPTION_MAX } from '@/lib/domain/names';
import type { ActionState } from '@/lib/auth/action';
import { toastResult } from '@/components/ui/toast';
import type { MarketplacePage } from '@/lib/services/launch-wizard';
import { useMarketplacePages, type MarketplacePageAction } from './marketplace-pages';

type ImageChoice = { id: string; label: string; group: 'system' | 'self' | 'marketplace'; productCode: string | null };
type Result = { ok: boolean; error?: { message: string } } | null;

/** Create image (Running or Stopped); replace or re-initialise the system disk (Stopped, MKT-6). */
/** The page's server actions this panel calls. */
export type DiskActions = {
  createImageAction: (instanceId: string, input: { name: string; description: string; imageFamily: string }) => Promise<ActionState<unknown>>;
  replaceDiskAction: (instanceId: string, imageId: string) => Promise<ActionState<unknown>>;
  reinitDiskAction: (instanceId: string) => Promise<ActionState<unknown>>;
  marketplacePageAction: MarketplacePageAction;
};

/** `images`: the system and own images and the versions of the instance's product; other products come from `marketplace`, searched a page at a time. */
export function InstanceDiskActions({ instance, images, marketplace, actions: { createImageAction, replaceDiskAction, reinitDiskAction, marketplacePageAction } }: { actions: DiskActions; instance: { id: string; name: string; status: string; productCode: string | null; regionId: string; imageId: string }; images: ImageChoice[]; marketplace: MarketplacePage }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [dialog, setDialog] = useState<'image' | 'replace' | 'reinit' | null>(null);
  const [error, setError] = useState<string>();
  const [imageName, setImageName] = useState(`${instance.name}-image`.replace(/^[^A-Za-z\u4e00-\u9fa5]+/, 'image-'));
  const [description, setDescription] = useState('');
  const [imageFamily, setImageFamily] = useState('');
  const [words, setWords] = useState('');
  const market = useMarketplacePages(instance.regionId, marketplace, marketplacePageAction, words);
  const others = market.items.filter((i) => i.id !== instance.imageId && !images.some((c) => c.id === i.id));
  const choices = [...images, ...others.map((i) => ({ id: i.id, label: `${i.description} (${i.productVersion})`, group: 'marketplace' as const, productCode: i.productCode }))];
  const [target, setTarget] = useState(images[0]?.id ?? '');
  const stopped = instance.status === 'Stopped';
  const canImage = instance.status === 'Running' || stopped;
  const [picked, setPicked] = useState<ImageChoice | undefined>(images[0]);
  const chosen = choices.find((i) => i.id === target) ?? picked;

  const open = (which: typeof dialog) => (value: boolean) => {
    setDialog(value ? which : null);
    setError(undefined);
  };
  const submit = (work: () => Promise<Result>, success: string, then?: () => void) =>
    startTransition(async () => {
      const result = await work();
      toastResult(result, success, t('toast.refused'));
      if (result && !result.ok) return setError(result.error?.message);
      setDialog(null);
      then?.();
    });
  const cancel = (
    <DialogClose asChild>
      <Button variant="secondary">{t('common.cancel')}</Button>
    </DialogClose>
  );

  return (
    <div className="flex flex-wrap gap-2">
      <Dialog open={dialog === 'image'} onOpenChange={open('image')} title={t('disk.createImage')} description={instance.productCode ? t('disk.createImageKeepsProduct', { productCode: instance.productCode }) : t('disk.createImageHint')} trigger={<Button size="sm" variant="secondary" disabled={!canImage}>{t('disk.createImage')}</Button>}>
        <div className="space-y-4">
          <FormError message={error} />
          <Field label={t('images.name')} name="image-name" value={imageName} onChange={(e) => setImageName(e.target.value)} hint={t('imports.imageNameHint')} />
          <Field label={t('images.fieldDescription')} name="image-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={DESCRIPTION_MAX} />
          <Field label={t('imageFamily.familyOptional')} name="image-family" value={imageFamily} onChange={(e) => setImageFamily(e.target.value)} hint={t('imageFamily.familyJoinHint')} />
          <div className="flex justify-end gap-2">
            {cancel}
            <Button disabled={pending} onClick={() => submit(() => createImageAction(instance.id, { name: imageName, description, imageFamily: imageFamily.trim() }), t('toast.imageCreating'), () => router.push('/console/images?owner=self'))}>
              {t('disk.createImage')}
            </Button>
          </div>
        </div>
      </Dialog>

      <Dialog open={dialog === 'replace'} onOpenChange={open('replace')} title={t('disk.replace')} description={t('disk.replaceHint')} trigger={<Button size="sm" variant="secondary" disabled={!stopped} title={stopped ? undefined : t('disk.stopFirst')}>{t('disk.replace')}</Button>}>
        <div className="space-y-4">
          <FormError message={error} />
          <SearchableListbox
            label={t('disk.newImage')}
            options={(chosen && !choices.some((i) => i.id === chosen.id) ? [...choices, chosen] : choices).map((i) => ({ id: i.id, label: i.label, group: i.group, keywords: i.productCode ?? undefined }))}
            groups={(['self', 'system', 'marketplace'] as const).map((group) => ({ key: group, label: t(`images.tabs.${group}`) }))}
            value={target}
            onChange={(id) => {
              setTarget(id);
              setPicked(choices.find((i) => i.id === id));
            }}
            query={words}
            onQueryChange={setWords}
            placeholder={t('disk.searchImages')}
            empty={market.searching ? t('disk.searching') : t('disk.noImageMatches')}
            footer={
              market.more && (
                <Button variant="secondary" size="sm" disabled={market.searching} onClick={market.more}>
                  {t('wizard.moreProducts')}
                </Button>
              )
            }
          />
          {chosen && <p className="text-sm text-slate-600">{chosen.productCode === null ? t('disk.noLicense') : chosen.productCode === instance.productCode ? t('disk.sameProduct') : t('disk.otherProduct', { productCode: chosen.productCode })}</p>}
          <div className="flex justify-end gap-2">
            {cancel}
            <Button disabled={pending || !target} onClick={() => submit(() => replaceDiskAction(instance.id, target), t('toast.diskReplaced'))}>
              {t('disk.replace')}
            </Button>
          </div>
        </div>
      </Dialog>

      <Dialog open={dialog === 'reinit'} onOpenChange={open('reinit')} title={t('disk.reinit')} description={t('disk.reinitHint')} trigger={<Button size="sm" variant="secondary" disabled={!stopped} title={stopped ? undefined : t('disk.stopFirst')}>{t('disk.reinit')}</Button>}>
        <FormError message={error} />
        <div className="mt-4 flex justify-end gap-2">
          {cancel}
          <Button variant="danger" disabled={pending} onClick={() => submit(() => reinitDiskAction(instance.id), t('toast.diskReinitialised'))}>
            {t('disk.reinit')}
          </Button>
        </div>
      </Dialog>
      {!stopped && <p className="basis-full text-xs text-slate-500">{t('disk.stopFirst')}</p>}
    </div>
  );
}
