import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../shared/use-document-title';
import { LatestPublicity } from './latest-publicity';
import { PublicStatsCards } from './public-stats-cards';
import { SubjectSearchBox } from './subject-search-box';

/** The front door: the search box, the latest double-publicity entries and the headline figures. */
export function HomePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  useDocumentTitle(t('site.name'));

  // Links shared before the search page existed (`/?q=…`) still land on their results.
  const legacyQuery = params.get('q')?.trim();
  if (legacyQuery) return <Navigate replace to={`/search?${new URLSearchParams({ q: legacyQuery }).toString()}`} />;

  const search = (text: string) => {
    const trimmed = text.trim();
    void navigate(trimmed ? `/search?${new URLSearchParams({ q: trimmed }).toString()}` : '/search');
  };

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <h1 id="hero-title" className="hero__title">
            {t('portal.hero.title')}
          </h1>
          <p className="hero__subtitle">{t('portal.hero.subtitle')}</p>
          <SubjectSearchBox initialQuery="" onSearch={search} />
        </div>
      </section>
      <div className="container home__body">
        <nav className="quick-links" aria-labelledby="quick-title">
          <h2 id="quick-title" className="visually-hidden">
            {t('portal.home.quickTitle')}
          </h2>
          <ul>
            <li>
              <Link to="/publicity">{t('portal.nav.publicity')}</Link>
            </li>
            <li>
              <Link to="/lists/red">{t('portal.lists.red.title')}</Link>
            </li>
            <li>
              <Link to="/lists/black">{t('portal.lists.black.title')}</Link>
            </li>
            <li>
              <Link to="/about">{t('portal.nav.about')}</Link>
            </li>
          </ul>
        </nav>
        <LatestPublicity />
        <PublicStatsCards />
      </div>
    </>
  );
}
