// The message catalogues: one file per area and language, merged into one tree.
// Areas own distinct top-level namespaces, so merging never overwrites.
import enConsole from '../messages/en/console.json';
import enMarketplace from '../messages/en/marketplace.json';
import zhConsole from '../messages/zh-CN/console.json';
import zhMarketplace from '../messages/zh-CN/marketplace.json';
import type { Locale } from './locales';

export const catalogues = {
  en: { ...enConsole, ...enMarketplace },
  'zh-CN': { ...zhConsole, ...zhMarketplace },
} satisfies Record<Locale, object>;

export type Messages = (typeof catalogues)['en'];
