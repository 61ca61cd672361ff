'use client';

import { useTranslations } from 'next-intl';
import { ConfirmButton } from './confirm-button';
import type { ActionState } from '@/lib/auth/action';

/** SHR-8: the recipient declines a share; it can no longer launch the image (SHR-13). */
export function DeclineShare({ imageId, imageName, afterDecline, declineAction }: { imageId: string; imageName: string; afterDecline?: string; declineAction: (imageId: string) => Promise<ActionState<unknown>> }) {
  const t = useTranslations('sharing');
  const tt = useTranslations('toast');
  return <ConfirmButton label={t('decline')} confirm={t('declineConfirm', { name: imageName })} run={() => declineAction(imageId)} done={tt('shareDeclined')} after={afterDecline} />;
}
