import { getTranslations } from 'next-intl/server';
import { AccountSearch } from '@/components/admin/account-search';
import { AdjustWalletForm } from '@/components/admin/adjust-wallet-form';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { LedgerTable } from '@/components/console/ledger-table';
import { formatFen } from '@/lib/domain/money';
import { findAccount } from '@/lib/services/wallet-adjustments';
import { requireAdmin } from '../require-admin';
import { adjustWalletAction } from './actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('adminAccounts');

/** Issue 12: look an account up, see its wallet, credit or debit it with a reason. */
export default async function AdminAccountsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { actor } = await requireAdmin();
  const t = await getTranslations('admin.accounts');
  const billing = await getTranslations('billing');
  const raw = (await searchParams).q;
  const q = (typeof raw === 'string' && raw.trim()) || undefined;
  const found = q ? await findAccount(actor, q) : null;

  return (
    <div className="max-w-5xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <AccountSearch q={q} />
      {!q ? null : !found ? (
        <EmptyState title={t('notFoundTitle')} body={t('notFoundBody')} />
      ) : (
        <>
          <section className="grid gap-5 rounded-lg border border-slate-200 bg-white p-5 md:grid-cols-[16rem_1fr]" aria-label={t('walletTitle')}>
            <div className="space-y-3">
              <div>
                <p className="font-medium">{found.account.name}</p>
                <code className="text-xs text-slate-500">{found.account.id}</code>
                {found.emails.map((email) => (
                  <p key={email} className="text-sm text-slate-600">
                    {email}
                  </p>
                ))}
              </div>
              <div>
                <p className="text-sm text-slate-500">{billing('balance')}</p>
                <p className="text-3xl font-semibold" data-testid="account-balance">
                  {formatFen(found.balanceFen)}
                </p>
              </div>
            </div>
            <AdjustWalletForm key={found.account.id} accountName={found.account.name} action={adjustWalletAction.bind(null, found.account.id)} />
          </section>
          <section className="space-y-3">
            <h2 className="text-base font-semibold">{t('recentEntries')}</h2>
            {found.entries.length === 0 ? (
              <p className="text-sm text-slate-600">{t('noEntries')}</p>
            ) : (
              <LedgerTable entries={found.entries} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
