import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { comingArea } from '@/components/console/nav-items';

export default async function ComingArea({ params }: { params: Promise<{ area: string }> }) {
  const label = comingArea((await params).area);
  if (!label) notFound();
  const t = await getTranslations();
  return (
    <div className="mx-auto mt-16 max-w-xl rounded-lg border border-slate-200 bg-white p-10 text-center">
      <h1 className="text-xl font-semibold">{t('coming.title', { area: t(`nav.${label}`) })}</h1>
      <p className="mt-3 text-sm text-slate-600">{t('coming.body')}</p>
      <ButtonLink href="/console/instances" variant="secondary" className="mt-6">
        {t('coming.back')}
      </ButtonLink>
    </div>
  );
}
