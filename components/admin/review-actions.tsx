'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmAction } from './confirm-action';
import type { FormAction } from '@/components/ui/form-action';
import { ReasonAction } from './reason-action';

/** Approve (after a confirmation) or reject (with a reason the applicant sees); a refusal stays next to the item. */
export function ReviewActions({ approve, reject, approveConfirm }: { approve: FormAction; reject: FormAction; approveConfirm: string }) {
  const t = useTranslations('admin.queue');
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <ReasonAction label={t('reject')} title={t('rejectTitle')} description={t('rejectHint')} reasonLabel={t('rejectReason')} action={reject} onSettled={setError} />
        <ConfirmAction label={t('approve')} title={t('approveTitle')} description={approveConfirm} action={approve} onSettled={setError} />
      </div>
      {error && (
        <p role="alert" className="max-w-xl rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
