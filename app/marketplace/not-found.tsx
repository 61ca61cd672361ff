import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';

export default async function ProductNotFound() {
  const t = await getTranslations('marketplace.notFound');
  return (
    <div className="mx-auto flex min-h-[50vh] max-w-lg flex-col items-center justify-center gap-4 px-4 py-16 text-center">
      <p className="text-6xl font-semibold text-slate-300">404</p>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-600">{t('body')}</p>
      <ButtonLink href="/marketplace" variant="secondary">
        {t('back')}
      </ButtonLink>
    </div>
  );
}
