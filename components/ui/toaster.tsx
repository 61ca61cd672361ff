'use client';

import { useTranslations } from 'next-intl';
import { Toaster as Sonner } from 'sonner';

/** The one toaster of an area (console, seller centre, admin), in the app's colours and words. */
export function Toaster() {
  const t = useTranslations('toast');
  return (
    <Sonner
      position="bottom-right"
      closeButton
      containerAriaLabel={t('region')}
      toastOptions={{
        closeButtonAriaLabel: t('close'),
        classNames: {
          toast: '!rounded-lg !border !border-slate-200 !bg-white !font-sans !text-sm !text-slate-800 !shadow-lg',
          success: '!border-emerald-200 [&_[data-icon]]:!text-emerald-600',
          error: '!border-red-200 !text-red-800 [&_[data-icon]]:!text-red-600',
          // A batch's description names each refused item on its own line (toastBatch joins them with \n).
          description: '!text-slate-600 !whitespace-pre-line',
        },
      }}
    />
  );
}
