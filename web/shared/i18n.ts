import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enMessages from './locales/en.json';
import zhMessages from './locales/zh-CN.json';
import type { ConsoleMessages } from '../console/console-messages';

/**
 * Chinese is the authoritative text; every other language must have the same
 * keys. The console's feature texts are added at run time by the console
 * (web/console/console-messages.ts) and typed here so `t()` checks them too.
 */
export type Messages = typeof zhMessages & ConsoleMessages;

export const languages = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
] as const;

export type Language = (typeof languages)[number]['code'];

export const defaultLanguage: Language = 'zh-CN';

const storageKey = 'xy.lang';

// Typed assignment: a key missing from en.json is a compile error, not a blank label.
const en: typeof zhMessages = enMessages;

function isLanguage(value: unknown): value is Language {
  return languages.some((language) => language.code === value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : defaultLanguage;
  } catch {
    // Storage can be disabled (privacy modes, locked-down government PCs).
    return defaultLanguage;
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhMessages }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: languages.map((language) => language.code),
  // Resources are bundled, so init can finish before the first render.
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

function reflectLanguage(language: string): void {
  // Screen readers and the browser's hyphenation/fonts follow <html lang>.
  document.documentElement.lang = language;
}

reflectLanguage(i18n.language);
i18n.on('languageChanged', reflectLanguage);

/** The language in effect, narrowed to the ones the platform ships. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage;
}

/** Switches the UI language and remembers it for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not persisted, but the switch itself still works for this visit.
  }
  await i18n.changeLanguage(language);
}
