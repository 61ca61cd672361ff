'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { FormAction } from '@/components/ui/form-action';
import { Field, FormError } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

type PublishableImage = { id: string; name: string; regionId: string; platform: string; status: string };

/** Step 2: a version is a set of the seller's own custom images, one per region (SEL-7, MKT-1). */
export function VersionForm({ action: saveAction, images, regionNames }: { action: FormAction; images: PublishableImage[]; regionNames: Record<string, string> }) {
  const t = useTranslations('publishing');
  const { form, pending, fieldError, formError } = useFormAction(saveAction, { success: useTranslations('toast')('saved') });
  return (
    <form {...form} className="space-y-3">
      <div className="w-48">
        <Field label={t('fieldVersion')} name="version" placeholder="1.0.0" error={fieldError('version')} />
      </div>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-slate-700">{t('fieldImages')}</legend>
        {images.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noImages')}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {images.map((i) => (
              <li key={i.id}>
                <label className={`flex items-center gap-3 px-3 py-2 text-sm ${i.status === 'Available' ? '' : 'text-slate-400'}`}>
                  <input type="checkbox" name="imageIds" value={i.id} disabled={i.status !== 'Available'} />
                  <span className="font-medium">{i.name}</span>
                  <span className="text-slate-500">{regionNames[i.regionId] ?? i.regionId}</span>
                  <span className="text-slate-500">{i.platform}</span>
                  <code className="ml-auto text-xs text-slate-400">{i.id}</code>
                </label>
              </li>
            ))}
          </ul>
        )}
        <p className="text-xs text-slate-500">{t('imagesHint')}</p>
      </fieldset>
      <FormError message={formError(['version'])} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('saveVersion')}
      </Button>
    </form>
  );
}
