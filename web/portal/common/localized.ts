import { useTranslation } from 'react-i18next';

/** Picks the Chinese or English form of a name the API gives in both languages. */
export function useLocalized(): (zh: string, en: string) => string {
  const { i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return (zh, en) => (english ? en || zh : zh);
}

/** Drops empty values, so that a URL or an API query never carries `q=`. */
export function compact<T extends Record<string, string | undefined | null>>(values: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value) out[key] = value;
  return out;
}
