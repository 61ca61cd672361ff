'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { toastResult } from '@/components/ui/toast';

/** A button that runs one server action and shows its refusal in place. */
export function ActionButton({ label, run, variant = 'primary' }: { label: string; run: () => Promise<{ ok: boolean; error?: { message: string } } | null>; variant?: 'primary' | 'secondary' | 'danger' }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const tt = useTranslations('toast');
  return (
    <div className="space-y-2">
      <Button
        variant={variant}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await run();
            toastResult(result, tt('done'), tt('refused'));
            setError(result && !result.ok ? result.error?.message : undefined);
          })
        }
      >
        {label}
      </Button>
      <FormError message={error} />
    </div>
  );
}
