import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { CursorPager, EmptyPageNotice } from '../common/cursor-pager';
import { EmptyState } from '../common/empty-state';
import { ErrorAlert } from '../common/error-alert';
import { compact } from '../common/localized';
import { SubjectSearchBox } from '../home/subject-search-box';
import { searchSubjects } from '../public-api';
import { SearchFilters } from './search-filters';
import { SubjectCard } from './subject-card';

const FILTERS = ['kind', 'region', 'industry'] as const;

/**
 * Subject search. Everything that decides the results lives in the URL
 * (`q`, `kind`, `region`, `industry`, `cursor`, `page`), so a search can be
 * shared and bookmarked, and Back undoes the last change.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const filters = compact(Object.fromEntries(FILTERS.map((key) => [key, params.get(key)])));
  const cursor = params.get('cursor') ?? undefined;
  const active = q !== '' || Object.keys(filters).length > 0;
  useDocumentTitle(`${q ? `${q} · ` : ''}${t('portal.search.title')} · ${t('site.name')}`);

  const key = active ? JSON.stringify([q, filters, cursor]) : null;
  const result = useApiQuery(key, (signal) => searchSubjects({ q, ...filters, ...(cursor ? { cursor } : {}) }, signal));

  /** A new question starts again at page 1. */
  const update = (changes: Partial<Record<string, string>>) => {
    const next = compact({ q, ...filters, ...changes });
    setParams(next);
  };

  return (
    <div className="container page">
      <h1 className="page__title">{t('portal.search.title')}</h1>
      <div className="search-panel">
        <SubjectSearchBox key={q} initialQuery={q} onSearch={(text) => update({ q: text.trim() })} />
        <p className="search-panel__hint" id="search-hint">
          {t('portal.search.hint')}
        </p>
        <SearchFilters values={filters} onChange={update} />
      </div>
      <section className="results" aria-labelledby="results-title" aria-busy={result.status === 'loading'}>
        <div aria-live="polite">
          {!active && <EmptyState>{t('portal.search.prompt')}</EmptyState>}
          {result.status === 'loading' && <Spin className="results__spinner" description={t('common.loading')} />}
          {result.status === 'error' && <ErrorAlert error={result.error} onRetry={result.reload} />}
          {result.status === 'success' && (
            <h2 id="results-title" className="results__title" data-testid="results-count">
              {result.data.total === 0
                ? q
                  ? t('portal.search.empty', { q })
                  : t('portal.search.emptyFiltered')
                : t(result.data.totalCapped ? 'portal.search.resultsCapped' : 'portal.search.results', {
                    count: result.data.total,
                  })}
            </h2>
          )}
          {result.status === 'success' && result.data.total === 0 && (
            <EmptyState>{t('portal.search.emptyHelp')}</EmptyState>
          )}
          {result.status === 'success' && result.data.total > 0 && <EmptyPageNotice shown={result.data.items.length} />}
        </div>
        {result.status === 'success' && result.data.items.length > 0 && (
          <>
            <ol className="results__list" data-testid="search-results">
              {result.data.items.map((subject) => (
                <SubjectCard key={subject.id} subject={subject} query={q} />
              ))}
            </ol>
            <CursorPager nextCursor={result.data.nextCursor ?? null} />
          </>
        )}
      </section>
    </div>
  );
}
