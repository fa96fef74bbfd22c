import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, languages } from './i18n';

interface LanguageSwitchProps {
  className?: string;
}

/**
 * With two languages a single button naming the other one is the quickest
 * switch. The name is written in its own language (and marked with `lang`) so
 * a reader who cannot read the current one still finds it.
 */
export function LanguageSwitch({ className }: LanguageSwitchProps) {
  const { t, i18n } = useTranslation();
  // Subscribes through useTranslation, so the button re-renders on a switch.
  const active = i18n.resolvedLanguage ? currentLanguage() : languages[0].code;
  const next = languages.find((language) => language.code !== active) ?? languages[0];

  return (
    <Button
      className={className}
      type="text"
      lang={next.code}
      title={t('language.switchTitle')}
      onClick={() => void changeLanguage(next.code)}
      data-testid="language-switch"
    >
      {next.label}
    </Button>
  );
}
