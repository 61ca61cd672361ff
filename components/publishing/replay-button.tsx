'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/auth/action';
import { toastResult } from '@/components/ui/toast';

/** SEL-5: send a delivery again by hand; the seller sees the verdict at once and in the log. */
export function ReplayButton({ deliveryId, replayAction }: { deliveryId: number; replayAction: (deliveryId: number) => Promise<ActionState<{ verdict: string }>> }) {
  const t = useTranslations('deliveries');
  const tt = useTranslations('toast');
  const [pending, startTransition] = useTransition();
  const [verdict, setVerdict] = useState<string>();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await replayAction(deliveryId);
            toastResult(result, tt('sent'));
            setVerdict(result?.ok ? result.data.verdict : 'error');
          })
        }
      >
        {t('replay')}
      </Button>
      {verdict && (
        <span role="status" className={`text-xs ${verdict === 'ok' ? 'text-emerald-700' : 'text-red-700'}`}>
          {t(`verdicts.${verdict}`)}
        </span>
      )}
    </span>
  );
}
