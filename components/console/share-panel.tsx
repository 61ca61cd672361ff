'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { FormError, inputClass } from '@/components/ui/field';
import { Table } from '@/components/ui/table';
import type { ActionState } from '@/lib/auth/action';
import { toastResult } from '@/components/ui/toast';

type Recipient = { accountId: string; accountName: string; sharedAt: string; instances: number };

/** The owner's sharing of one image (SHR-2 … SHR-4, SHR-9 … SHR-12). */
export function SharePanel({ imageId, recipients, maxRecipients, sharesLeftToday, shareImageAction, unshareImageAction }: { shareImageAction: (imageId: string, text: string) => Promise<ActionState<{ added: unknown[]; alreadyShared: unknown[] }>>; unshareImageAction: (imageId: string, accountId: string) => Promise<ActionState<unknown>>; imageId: string; recipients: Recipient[]; maxRecipients: number; sharesLeftToday: number }) {
  const t = useTranslations('sharing');
  const tc = useTranslations('common');
  const tt = useTranslations('toast');
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [removing, setRemoving] = useState<Recipient | null>(null);

  const add = () =>
    startTransition(async () => {
      const result = await shareImageAction(imageId, text);
      toastResult(result, tt('imageShared'), tt('refused'));
      if (result && !result.ok) return setError(result.error.message);
      setError(undefined);
      setText('');
      setDone(result?.ok ? t('added', { count: result.data.added.length, already: result.data.alreadyShared.length }) : undefined);
    });
  const remove = (recipient: Recipient) =>
    startTransition(async () => {
      const result = await unshareImageAction(imageId, recipient.accountId);
      toastResult(result, tt('shareStopped'), tt('refused'));
      if (result && !result.ok) return setError(result.error.message);
      setRemoving(null);
    });

  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="sharing-title" data-testid="share-panel">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="sharing-title" className="text-base font-semibold">
            {t('title')}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t('subtitle')}</p>
        </div>
        <div className="flex gap-2 text-xs">
          <span className="rounded-full bg-slate-100 px-2.5 py-1 text-slate-700" data-testid="share-count">
            {t('sharedWith', { count: recipients.length, max: maxRecipients })}
          </span>
          <span className="rounded-full bg-slate-100 px-2.5 py-1 text-slate-700">{t('leftToday', { count: sharesLeftToday })}</span>
        </div>
      </div>

      <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
        {t('sensitiveReminder')}
      </div>

      <div className="space-y-2">
        <label htmlFor="share-targets" className="block text-sm font-medium text-slate-700">
          {t('addLabel')}
        </label>
        <textarea id="share-targets" rows={2} className={inputClass} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('addPlaceholder')} />
        <p className="text-xs text-slate-500">{t('addHint')}</p>
        <FormError message={error} />
        {done && (
          <p role="status" className="text-sm text-emerald-700">
            {done}
          </p>
        )}
        <Button size="sm" disabled={pending || !text.trim()} onClick={add}>
          {t('share')}
        </Button>
      </div>

      {recipients.length === 0 ? (
        <p className="text-sm text-slate-500">{t('none')}</p>
      ) : (
        <Table columns={[{ label: t('recipient') }, { label: t('since') }, { label: t('instances') }, { label: '', align: 'right' }]}>
          {recipients.map((r) => (
            <tr key={r.accountId} data-recipient={r.accountId}>
              <td className="px-4 py-3">
                <div>{r.accountName}</div>
                <div className="font-mono text-xs text-slate-500">{r.accountId}</div>
              </td>
              <td className="px-4 py-3 text-slate-600">{r.sharedAt}</td>
              <td className="px-4 py-3" data-testid="recipient-instances">
                {t('instanceCount', { count: r.instances })}
              </td>
              <td className="px-4 py-3 text-right">
                <Button size="sm" variant="danger" onClick={() => setRemoving(r)}>
                  {t('remove')}
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}

      <Dialog open={removing !== null} onOpenChange={(open) => !open && setRemoving(null)} title={t('removeTitle')} description={removing ? (removing.instances > 0 ? t('removeImpact', { account: removing.accountName, count: removing.instances }) : t('removeNoImpact', { account: removing.accountName })) : undefined} trigger={<span hidden />}>
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">{tc('cancel')}</Button>
          </DialogClose>
          <Button variant="danger" disabled={pending} onClick={() => removing && remove(removing)}>
            {t('remove')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
