import 'i18next';
import type { Messages } from './i18n';

// Makes `t('portal.search.label')` type-checked against the Chinese resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
