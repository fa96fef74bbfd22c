import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../shared/use-document-title';
import { PublicStatsCards } from './public-stats-cards';
import { SubjectSearchBox } from './subject-search-box';
import { SubjectSearchResults } from './subject-search-results';

/** The query lives in the URL (`/?q=`) so a search can be shared, bookmarked and undone with Back. */
export function HomePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  useDocumentTitle(query ? `${query} · ${t('site.name')}` : t('site.name'));

  const search = (text: string) => {
    const trimmed = text.trim();
    setParams(trimmed ? { q: trimmed } : {});
  };

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <h1 id="hero-title" className="hero__title">
            {t('portal.hero.title')}
          </h1>
          <p className="hero__subtitle">{t('portal.hero.subtitle')}</p>
          {/* Remount on a URL change (Back/Forward) so the box shows the query being displayed. */}
          <SubjectSearchBox key={query} initialQuery={query} onSearch={search} />
        </div>
      </section>
      <div className="container home__body">
        {query && <SubjectSearchResults query={query} />}
        <PublicStatsCards />
      </div>
    </>
  );
}
