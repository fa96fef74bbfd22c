import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router-dom';
import { LanguageSwitch } from '../../shared/language-switch';

const sections = [
  { to: '/', label: 'portal.nav.home', end: true },
  { to: '/search', label: 'portal.nav.search', end: false },
  { to: '/publicity', label: 'portal.nav.publicity', end: false },
  { to: '/lists/red', label: 'portal.nav.red', end: false },
  { to: '/lists/black', label: 'portal.nav.black', end: false },
  { to: '/about', label: 'portal.nav.about', end: false },
] as const;

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
      <nav className="site-nav" aria-label={t('portal.nav.label')}>
        <ul className="container site-nav__list">
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} end={section.end} className="site-nav__link">
                {t(section.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
