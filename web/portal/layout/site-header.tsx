import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../shared/language-switch';

export function SiteHeader() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="site-brand">
          <img className="site-brand__logo" src="/icons/icon.svg" alt="" width={36} height={36} />
          <span className="site-brand__text">
            <span className="site-brand__name" data-testid="site-name">
              {t('site.name')}
            </span>
            <span className="site-brand__tagline">{t('site.tagline')}</span>
          </span>
        </Link>
        <LanguageSwitch className="site-header__language" />
      </div>
    </header>
  );
}
