// The refund queue's items (REF-1 … REF-7): the facts the rules decide on, each marked, and the verdict.
import { getFormatter, getTranslations } from 'next-intl/server';
import { clock } from '@/lib/clock';
import { formatFen } from '@/lib/domain/money';
import type { RefundQueueRow } from '@/lib/services/refunds';
import type { ItemFormAction } from '@/components/ui/form-action';
import type { Fact } from './fact-list';
import type { ReviewItem } from './review-queue';

export async function refundReviewItems(rows: RefundQueueRow[], actions: { approve: ItemFormAction<number>; reject: ItemFormAction<number> }): Promise<ReviewItem[]> {
  const t = await getTranslations('admin.refunds');
  const regions = await getTranslations('regions');
  const format = await getFormatter();
  const now = clock.now();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });

  return rows.map(({ request, order, title, accountName, eligibility: e }) => {
    const amount = formatFen(order.amountFen);
    const facts: Fact[] = [
      { label: t('facts.buyer'), value: accountName, note: <code>{order.accountId}</code> },
      { label: t('facts.order'), value: <code className="text-xs">{order.id}</code>, note: t('orderKind', { kind: order.kind, quantity: order.quantity, region: regions(order.regionId) }) },
      { label: t('facts.product'), value: title, note: <code>{order.productCode}</code> },
      { label: t('facts.amount'), value: <span className="font-semibold">{amount}</span> },
      { label: t('facts.paidAt'), value: when(order.createdAt) },
      { label: t('facts.requestedAt'), value: when(request.requestedAt) },
      { label: t('facts.reason'), value: <q className="text-slate-800">{request.reason}</q>, wide: true },
    ];

    const checks: Fact[] = [];
    if (request.status === 'pending') {
      checks.push(
        e.unstartedRenewal
          ? { label: t('facts.window'), rule: 'REF-1', tone: 'good', value: t('windowNotApplicable') }
          : {
              label: t('facts.window'),
              rule: 'REF-1',
              tone: e.reasons.includes('windowClosed') ? 'bad' : 'good',
              value: when(e.windowEndsAt),
              note: `${t(e.reasons.includes('windowClosed') ? 'askedLate' : 'askedInTime')} · ${t('windowCloses', { state: e.windowEndsAt > now ? 'open' : 'closed', when: format.relativeTime(e.windowEndsAt, now) })}`,
            },
        { label: t('facts.deployed'), rule: 'REF-2', tone: e.deployed ? 'bad' : 'good', value: t(e.deployed ? 'deployedYes' : 'deployedNo') },
        {
          label: t('facts.refundsThisYear'),
          rule: 'REF-3',
          tone: e.reasons.includes('yearlyLimit') ? 'bad' : 'good',
          value: t('refundsUsed', { used: e.refundsThisYear, limit: e.refundsPerYear }),
          note: e.countsTowardLimit ? undefined : t('doesNotCount'),
        },
        { label: t('facts.invoice'), rule: 'REF-7', tone: e.invoiceIssued ? 'bad' : 'good', value: t(e.invoiceIssued ? 'invoiceIssued' : 'invoiceNone') },
      );
    }

    const item: ReviewItem = { id: String(request.id), title: t('itemTitle', { amount, title }), subtitle: t('itemSubtitle', { id: request.id, account: accountName }), facts, checks };
    if (request.status === 'pending') {
      item.verdict = e.eligible ? { ok: true, text: t('eligible') } : { ok: false, text: t('notEligible', { reasons: format.list(e.reasons.map((r) => t(`reasons.${r}`))) }) };
      item.review = {
        approve: actions.approve.bind(null, request.id),
        reject: actions.reject.bind(null, request.id),
        approveConfirm: t('approveConfirm', { amount, account: accountName }),
      };
    } else {
      const decidedAt = request.decidedAt ? when(request.decidedAt) : '';
      item.decision = {
        status: request.status === 'approved' ? 'approved' : 'rejected',
        text: request.status === 'approved' ? t(request.decidedBy ? 'approvedAt' : 'autoApprovedAt', { when: decidedAt, refundOrder: request.refundOrderId ?? '' }) : t('rejectedAt', { when: decidedAt }),
        note: request.decisionNote,
      };
    }
    return item;
  });
}
