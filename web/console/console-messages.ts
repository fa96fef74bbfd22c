import { i18n } from '../shared/i18n';
import adminEn from './admin/messages.en.json';
import adminZh from './admin/messages.zh-CN.json';
import dashboardEn from './dashboard/messages.en.json';
import dashboardZh from './dashboard/messages.zh-CN.json';
import ingestEn from './ingest/messages.en.json';
import ingestZh from './ingest/messages.zh-CN.json';
import lookupEn from './lookup/messages.en.json';
import lookupZh from './lookup/messages.zh-CN.json';
import recordsEn from './records/messages.en.json';
import recordsZh from './records/messages.zh-CN.json';

/**
 * The console's feature texts, one file pair per feature folder, merged into
 * the shared i18n instance under the feature's name (`t('ingest.title')`).
 * They live here, not in web/shared/locales, so that the public website's
 * bundle never carries them. Typed: a key missing from an English file is a
 * compile error (see ConsoleMessages in ../shared/i18n.ts).
 */
const zh = { admin: adminZh, dashboard: dashboardZh, ingest: ingestZh, lookup: lookupZh, records: recordsZh };
export type ConsoleMessages = typeof zh;
const en: ConsoleMessages = {
  admin: adminEn,
  dashboard: dashboardEn,
  ingest: ingestEn,
  lookup: lookupEn,
  records: recordsEn,
};

export function registerConsoleMessages(): void {
  i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
  i18n.addResourceBundle('en', 'translation', en, true, false);
}
