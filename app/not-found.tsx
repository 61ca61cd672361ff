import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-6xl font-semibold text-slate-300">404</p>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-600">{t('body')}</p>
      <Link href="/console/instances" className="font-medium text-brand-600 hover:underline">
        {t('back')}
      </Link>
    </main>
  );
}
