// The English words of a CloudError, for answers to programs (the ECS API, the payment gateway):
// they read no locale, and the catalogue is the one the console uses.
import { createTranslator } from 'next-intl';
import { catalogues } from '../i18n/messages';
import { messageKeyOf, type CloudError } from './domain/errors';

const en = createTranslator({ locale: 'en', messages: catalogues.en, namespace: 'errors', onError: () => {}, getMessageFallback: ({ key }) => key });

export const englishMessage = (error: CloudError): string => en(messageKeyOf(error.code) as never, error.params as never);
