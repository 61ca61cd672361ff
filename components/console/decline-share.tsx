'use client';

import { useTranslations } from 'next-intl';
import { declineShareAction } from '@/app/console/images/share-actions';
import { ConfirmButton } from './confirm-button';

/** SHR-8: the recipient declines a share; it can no longer launch the image (SHR-13). */
export function DeclineShare({ imageId, imageName, afterDecline }: { imageId: string; imageName: string; afterDecline?: string }) {
  const t = useTranslations('sharing');
  return <ConfirmButton label={t('decline')} confirm={t('declineConfirm', { name: imageName })} run={() => declineShareAction(imageId)} after={afterDecline} />;
}
