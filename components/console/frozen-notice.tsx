// A frozen instance's page says why it is frozen (the operator's own words, ADM-2) and what the
// owner can do about it (renew an ended subscription, MKT-11; contact support about a freeze).
import { getTranslations } from 'next-intl/server';

export async function FrozenNotice({ instanceId, reason, note }: { instanceId: string; reason: string | null; note: string | null }) {
  const t = await getTranslations('instances.frozen');
  const kind = reason === 'violation' ? 'violation' : reason === 'expired' ? 'expired' : 'other';
  return (
    <section role="status" className="space-y-1.5 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900" data-testid="frozen-notice">
      <h2 className="font-semibold">{t(`${kind}Title`)}</h2>
      {kind === 'violation' && <p className="whitespace-pre-line">{note ? t('violationReason', { note }) : t('violationNoReason')}</p>}
      <p>{t(`${kind}What`, { instanceId })}</p>
    </section>
  );
}
