import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ApplicationForm, type ApplicationValues } from '@/components/seller/application-form';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireSession } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { formatFen, yuanText } from '@/lib/domain/money';
import { latestFoundingDate, MIN_REGISTERED_CAPITAL_FEN, MIN_STAFF, SUPPORT_HOURS } from '@/lib/domain/seller-onboarding';
import { myApplication, type SellerApplication } from '@/lib/services/seller-applications';
import { applyAction } from './actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('sellerApply');

const conditions = ['legal', 'age', 'capital', 'staff', 'support', 'agreement'] as const;

function valuesOf(application: SellerApplication): ApplicationValues {
  return {
    companyName: application.companyName,
    foundedOn: application.foundedOn,
    registeredCapital: yuanText(application.registeredCapitalFen),
    staffCount: String(application.staffCount),
    supportHours: application.supportHours,
    contactEmail: application.contactEmail,
  };
}

const tones = {
  pending: 'border-amber-200 bg-amber-50',
  approved: 'border-emerald-200 bg-emerald-50',
  rejected: 'border-red-200 bg-red-50',
} as const;

const badges = {
  pending: 'bg-amber-100 text-amber-800 ring-amber-200',
  approved: 'bg-emerald-100 text-emerald-800 ring-emerald-200',
  rejected: 'bg-red-100 text-red-800 ring-red-200',
} as const;

function StatusPanel({ status, label, title, children }: { status: keyof typeof tones; label: string; title: string; children: ReactNode }) {
  return (
    <section className={`space-y-2 rounded-lg border p-5 ${tones[status]}`} data-testid="application-status" data-status={status} aria-labelledby="application-status-title">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="application-status-title" className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${badges[status]}`}>{label}</span>
      </div>
      {children}
    </section>
  );
}

export default async function ApplyPage() {
  const { actor } = await requireSession();
  const { sellerStatus, application } = await myApplication(actor);
  const t = await getTranslations('seller.apply');
  const facts = await getTranslations('seller.review.facts');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const latest = latestFoundingDate(clock.now());
  const status = sellerStatus === 'approved' ? 'approved' : (application?.status as keyof typeof tones | undefined);

  const submitted = application && (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="submitted-title">
      <h2 id="submitted-title" className="text-base font-semibold">
        {t('submitted')}
      </h2>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        {(
          [
            [t('fields.companyName'), application.companyName],
            [t('fields.foundedOn'), format.dateTime(new Date(`${application.foundedOn}T00:00:00+08:00`), { dateStyle: 'long' })],
            [facts('capital'), formatFen(application.registeredCapitalFen)],
            [facts('staff'), t('summary.staff', { count: application.staffCount })],
            [facts('support'), t.has(`fields.supportOptions.${application.supportHours}`) ? t(`fields.supportOptions.${application.supportHours}`) : application.supportHours],
            [facts('contact'), application.contactEmail],
            [facts('agreement'), t('summary.agreement', { when: when(application.agreementAcceptedAt) })],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="space-y-0.5">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );

  const form = (again: boolean) => (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-6" aria-labelledby="form-title">
      <div>
        <h2 id="form-title" className="text-base font-semibold">
          {again ? t('againTitle') : t('formTitle')}
        </h2>
        {again && <p className="text-sm text-slate-600">{t('againHint')}</p>}
      </div>
      <ApplicationForm
        applyAction={applyAction}
        initial={again && application ? valuesOf(application) : undefined}
        latestFoundedOn={latest}
        latestFoundedOnLabel={format.dateTime(new Date(`${latest}T00:00:00+08:00`), { dateStyle: 'long' })}
        minCapital={formatFen(MIN_REGISTERED_CAPITAL_FEN)}
        minStaff={MIN_STAFF}
        supportOptions={SUPPORT_HOURS}
      />
    </section>
  );

  return (
    <div className="max-w-5xl space-y-5">
      <PageHeader title={status === 'pending' || status === 'approved' ? t('titleSubmitted') : t('title')} subtitle={t('subtitle')} />
      {status === 'approved' && (
        <StatusPanel status="approved" label={t('status.approved')} title={t('approvedTitle')}>
          <p className="text-sm text-slate-700">{application?.decidedAt ? t('approvedBody', { when: when(application.decidedAt) }) : t('approvedNoRecord')}</p>
          <ButtonLink href="/seller" size="sm" className="mt-1">
            {t('openCentre')}
          </ButtonLink>
        </StatusPanel>
      )}
      {status === 'pending' && application && (
        <StatusPanel status="pending" label={t('status.pending')} title={t('pendingTitle')}>
          <p className="text-sm text-slate-700">{t('pendingBody', { when: when(application.submittedAt) })}</p>
        </StatusPanel>
      )}
      {status === 'rejected' && application && (
        <StatusPanel status="rejected" label={t('status.rejected')} title={t('rejectedTitle')}>
          <p className="text-sm text-slate-700">{t('rejectedBody', { when: when(application.decidedAt ?? application.submittedAt) })}</p>
          <blockquote className="rounded-md border-l-4 border-red-300 bg-white px-4 py-2 text-sm text-slate-900" data-testid="decision-note">
            {application.decisionNote}
          </blockquote>
        </StatusPanel>
      )}
      {(status === undefined || status === 'rejected') && (
        <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_18rem]">
          {form(status === 'rejected')}
          <aside className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 lg:sticky lg:top-20" aria-labelledby="conditions-title">
            <h2 id="conditions-title" className="text-sm font-semibold">
              {t('conditionsTitle')}
            </h2>
            <ul className="space-y-2.5 text-sm text-slate-700">
              {conditions.map((c) => (
                <li key={c} className="flex gap-2.5">
                  <svg viewBox="0 0 16 16" className="mt-0.5 size-4 shrink-0 text-brand-600" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden>
                    <path d="M3.5 8.5l3 3 6-7" />
                  </svg>
                  {t(`conditions.${c}`)}
                </li>
              ))}
            </ul>
          </aside>
        </div>
      )}
      {status !== undefined && status !== 'rejected' && submitted}
    </div>
  );
}
