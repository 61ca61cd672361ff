// The message catalogues: one file per area and language, merged into one tree.
// Areas own distinct top-level namespaces, so merging never overwrites.
import enAdmin from '../messages/en/admin.json';
import enConsole from '../messages/en/console.json';
import enFeedback from '../messages/en/feedback.json';
import enMarketplace from '../messages/en/marketplace.json';
import enPublishing from '../messages/en/publishing.json';
import enSeller from '../messages/en/seller.json';
import zhAdmin from '../messages/zh-CN/admin.json';
import zhConsole from '../messages/zh-CN/console.json';
import zhFeedback from '../messages/zh-CN/feedback.json';
import zhMarketplace from '../messages/zh-CN/marketplace.json';
import zhPublishing from '../messages/zh-CN/publishing.json';
import zhSeller from '../messages/zh-CN/seller.json';
import type { Locale } from './locales';

export const catalogues = {
  en: { ...enConsole, ...enMarketplace, ...enAdmin, ...enSeller, ...enPublishing, ...enFeedback },
  'zh-CN': { ...zhConsole, ...zhMarketplace, ...zhAdmin, ...zhSeller, ...zhPublishing, ...zhFeedback },
} satisfies Record<Locale, object>;

export type Messages = (typeof catalogues)['en'];
