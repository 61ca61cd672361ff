// The seller application queue's items (SEL-1): what the company declared, each condition of
// seed 002 marked as met or not when it applied, and the verdict.
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Fact } from '@/components/admin/fact-list';
import type { ReviewItem } from '@/components/admin/review-queue';
import { formatFen } from '@/lib/domain/money';
import { latestFoundingDate, meetsSupportHours, MIN_REGISTERED_CAPITAL_FEN, MIN_STAFF, type ApplicationField } from '@/lib/domain/seller-onboarding';
import type { ApplicationQueueRow } from '@/lib/services/seller-applications';
import { approveApplicationAction, rejectApplicationAction } from './actions';

export async function applicationReviewItems(rows: ApplicationQueueRow[]): Promise<ReviewItem[]> {
  const t = await getTranslations('seller.review');
  const apply = await getTranslations('seller.apply');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });

  return rows.map(({ application: a, accountName }) => {
    // The conditions are judged as of the day the company applied, as the service did.
    const latest = latestFoundingDate(a.submittedAt);
    const checks: Record<Exclude<ApplicationField, 'companyName' | 'contactEmail' | 'agreement'>, boolean> = {
      foundedOn: a.foundedOn <= latest,
      registeredCapital: a.registeredCapitalFen >= MIN_REGISTERED_CAPITAL_FEN,
      staffCount: a.staffCount >= MIN_STAFF,
      supportHours: meetsSupportHours(a.supportHours),
    };
    const tone = (ok: boolean): 'good' | 'bad' => (ok ? 'good' : 'bad');
    const facts: Fact[] = [
      { label: t('facts.account'), value: accountName, note: <code>{a.accountId}</code> },
      { label: t('facts.contact'), value: a.contactEmail },
      { label: t('facts.submittedAt'), value: when(a.submittedAt) },
      { label: t('facts.foundedOn'), rule: 'SEL-1', tone: tone(checks.foundedOn), value: format.dateTime(new Date(`${a.foundedOn}T00:00:00+08:00`), { dateStyle: 'medium' }), note: t('foundedNote', { latest: format.dateTime(new Date(`${latest}T00:00:00+08:00`), { dateStyle: 'medium' }) }) },
      { label: t('facts.capital'), rule: 'SEL-1', tone: tone(checks.registeredCapital), value: formatFen(a.registeredCapitalFen), note: t('capitalNote', { min: formatFen(MIN_REGISTERED_CAPITAL_FEN) }) },
      { label: t('facts.staff'), rule: 'SEL-1', tone: tone(checks.staffCount), value: apply('summary.staff', { count: a.staffCount }), note: t('staffNote', { min: MIN_STAFF }) },
      { label: t('facts.support'), rule: 'SEL-1', tone: tone(checks.supportHours), value: apply.has(`fields.supportOptions.${a.supportHours}`) ? apply(`fields.supportOptions.${a.supportHours}`) : a.supportHours, note: t('supportNote') },
      { label: t('facts.agreement'), rule: 'SEL-1', tone: 'good', value: t('agreementAccepted', { when: when(a.agreementAcceptedAt) }) },
    ];

    const item: ReviewItem = { id: String(a.id), title: a.companyName, subtitle: t('itemSubtitle', { id: a.id, account: accountName }), facts };
    if (a.status === 'pending') {
      const missed = (Object.keys(checks) as (keyof typeof checks)[]).filter((k) => !checks[k]);
      item.verdict = missed.length === 0 ? { ok: true, text: t('meetsAll') } : { ok: false, text: t('misses', { conditions: format.list(missed.map((k) => t(`conditionNames.${k}`))) }) };
      item.review = {
        approve: approveApplicationAction.bind(null, a.id),
        reject: rejectApplicationAction.bind(null, a.id),
        approveConfirm: t('approveConfirm', { company: a.companyName, account: a.accountId }),
      };
    } else {
      const decidedAt = a.decidedAt ? when(a.decidedAt) : '';
      item.decision = {
        status: a.status === 'approved' ? 'approved' : 'rejected',
        text: t('decidedAt', { when: decidedAt }),
        note: a.decisionNote,
      };
    }
    return item;
  });
}
