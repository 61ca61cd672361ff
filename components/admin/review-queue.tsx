// ADM-1: one review queue for seller applications, product listings and refund requests.
// The caller renders each item's facts and binds the two server actions to the item's id.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { FactList, type Fact } from './fact-list';
import type { FormAction } from '@/components/ui/form-action';
import { ReviewActions } from './review-actions';

export const queueStatuses = ['pending', 'approved', 'rejected'] as const;
export type QueueStatus = (typeof queueStatuses)[number];

export function queueStatusOf(value: string | undefined): QueueStatus {
  return queueStatuses.includes(value as QueueStatus) ? (value as QueueStatus) : 'pending';
}

export type ReviewItem = {
  id: string;
  title: ReactNode;
  subtitle?: ReactNode;
  facts: Fact[];
  /** The rules' facts, each marked as passing or failing, shown apart from the plain facts. */
  checks?: Fact[];
  /** The rules' overall answer, for pending items. */
  verdict?: { ok: boolean; text: string };
  /** What was decided, for decided items; `note` is the reason the applicant was given. */
  decision?: { status: 'approved' | 'rejected'; text: ReactNode; note?: string | null };
  review?: { approve: FormAction; reject: FormAction; approveConfirm: string };
};

function Tabs({ label, basePath, current, pendingCount }: { label: string; basePath: string; current: QueueStatus; pendingCount: number }) {
  const t = useTranslations('admin.queue');
  return (
    <nav aria-label={label} className="flex gap-1 border-b border-slate-200">
      {queueStatuses.map((status) => (
        <Link
          key={status}
          href={status === 'pending' ? basePath : `${basePath}?status=${status}`}
          aria-current={status === current ? 'page' : undefined}
          className={`-mb-px flex items-center gap-2 border-b-2 px-4 py-2 text-sm ${status === current ? 'border-brand-600 font-medium text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
        >
          {t(`tabs.${status}`)}
          {status === 'pending' && pendingCount > 0 && <span className="rounded-full bg-amber-100 px-2 text-xs font-semibold text-amber-800">{pendingCount}</span>}
        </Link>
      ))}
    </nav>
  );
}

function Decision({ decision }: { decision: NonNullable<ReviewItem['decision']> }) {
  const t = useTranslations('admin.queue');
  const approved = decision.status === 'approved';
  return (
    <div className="space-y-1 text-sm">
      <p className="flex flex-wrap items-center gap-2">
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${approved ? 'bg-emerald-50 text-emerald-700 ring-emerald-200' : 'bg-red-50 text-red-700 ring-red-200'}`}>{t(`tabs.${decision.status}`)}</span>
        <span className="text-slate-600">{decision.text}</span>
      </p>
      {decision.note && (
        <p className="text-slate-700">
          <span className="text-slate-500">{t('noteGiven')}</span> {decision.note}
        </p>
      )}
    </div>
  );
}

function Verdict({ verdict }: { verdict: NonNullable<ReviewItem['verdict']> }) {
  return (
    <p data-testid="verdict" className={`flex items-center gap-2 text-sm font-medium ${verdict.ok ? 'text-emerald-700' : 'text-red-700'}`}>
      <span className={`size-2 rounded-full ${verdict.ok ? 'bg-emerald-500' : 'bg-red-500'}`} aria-hidden />
      {verdict.text}
    </p>
  );
}

function ReviewCard({ item }: { item: ReviewItem }) {
  const t = useTranslations('admin.queue');
  return (
    <article data-review-item={item.id} aria-labelledby={`review-${item.id}`} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <header className="border-b border-slate-100 px-5 py-3">
        <h2 id={`review-${item.id}`} className="font-semibold">
          {item.title}
        </h2>
        {item.subtitle && <p className="text-sm text-slate-500">{item.subtitle}</p>}
      </header>
      <div className="px-3 py-3">
        <FactList facts={item.facts} />
      </div>
      {item.checks && item.checks.length > 0 && (
        <section aria-label={t('checks')} className="border-t border-slate-100 px-3 py-3">
          <p className="px-2 pb-1 text-xs font-semibold tracking-wide text-slate-400 uppercase">{t('checks')}</p>
          <FactList facts={item.checks} columns={4} />
        </section>
      )}
      {(item.verdict || item.decision || item.review) && (
        <footer className="flex flex-wrap items-start justify-between gap-4 border-t border-slate-100 bg-slate-50/70 px-5 py-3">
          <div className="min-w-0 pt-1.5">
            {item.verdict && <Verdict verdict={item.verdict} />}
            {item.decision && <Decision decision={item.decision} />}
          </div>
          {item.review && <ReviewActions {...item.review} />}
        </footer>
      )}
    </article>
  );
}

export function ReviewQueue({ label, basePath, status, pendingCount, items, empty, footer }: { label: string; basePath: string; status: QueueStatus; pendingCount: number; items: ReviewItem[]; empty: { title: string; body: string }; footer?: ReactNode }) {
  return (
    <div className="space-y-4">
      <Tabs label={label} basePath={basePath} current={status} pendingCount={pendingCount} />
      {items.length === 0 ? (
        <EmptyState title={empty.title} body={empty.body} />
      ) : (
        <ul className="space-y-4">
          {items.map((item) => (
            <li key={item.id}>
              <ReviewCard item={item} />
            </li>
          ))}
        </ul>
      )}
      {footer}
    </div>
  );
}
