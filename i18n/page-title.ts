// Every page's <title> comes from the catalogues (issue 16: no English hard-coded in the
// markup), in the reader's language.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/** A page's generateMetadata naming it by its key under `titles`. */
export function pageTitle(key: string): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations('titles'))(key) });
}

/** An area's layout: its pages' titles end with the area's name and Stratus'. */
export async function areaTitle(key: 'admin' | 'sellerCentre'): Promise<Metadata> {
  const t = await getTranslations('titles');
  return { title: { default: t(key), template: `%s · ${t(key)} · ${t('stratus')}` } };
}
