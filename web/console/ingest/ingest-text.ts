import { useTranslation } from 'react-i18next';
import type { Bilingual, CatalogField } from './ingest-api';

/** Picks the platform's bilingual texts (reasons, failures, names) in the UI language. */
export function useBilingual() {
  const { i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return {
    english,
    text: (value: Bilingual) => (english ? value.en : value.zh),
    name: (value: { nameZh: string; nameEn: string }) => (english ? value.nameEn : value.nameZh),
    label: (field: Pick<CatalogField, 'labelZh' | 'labelEn'>) => (english ? field.labelEn : field.labelZh),
  };
}

/** 1536 → "1.5 KB"; the units people see in their file manager. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

/** An ISO timestamp in the reader's local time, to the minute. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
