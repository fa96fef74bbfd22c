import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { EmptyState } from './empty-state';

/** This list's address without `cursor` and `page` (and without the `also` parameters): its first page. */
export function useFirstPageHref(also: readonly string[] = []): string {
  const [params] = useSearchParams();
  const location = useLocation();
  const next = new URLSearchParams(params);
  for (const key of ['cursor', 'page', ...also]) next.delete(key);
  const query = next.toString();
  return query ? `${location.pathname}?${query}` : location.pathname;
}

/**
 * A page reached with a cursor that holds nothing (a stale or edited link):
 * says so and leads to the first page with the same conditions. Renders
 * nothing on the first page.
 */
export function EmptyPageNotice({ shown }: { shown: number }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const firstPage = useFirstPageHref();
  if (shown > 0 || !params.get('cursor')) return null;
  return (
    <EmptyState testId="empty-page">
      {t('errors.emptyPage')}{' '}
      <Link to={firstPage} data-testid="first-page">
        {t('common.firstPage')}
      </Link>
    </EmptyState>
  );
}

/**
 * Cursor paging kept in the URL (`cursor`, `page`), so a page can be shared
 * and Back returns to the previous one. "Previous" goes back in history when
 * this visit came from there, and to the first page otherwise (a shared link).
 */
export function CursorPager({ nextCursor }: { nextCursor: string | null }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  if (page === 1 && !nextCursor) return null;

  const to = (changes: { cursor: string | null; page: number }) => {
    const next = new URLSearchParams(params);
    if (changes.cursor) next.set('cursor', changes.cursor);
    else next.delete('cursor');
    if (changes.page > 1) next.set('page', String(changes.page));
    else next.delete('page');
    return `${location.pathname}?${next.toString()}`;
  };
  const cameFromPrevious = (location.state as { pagedFrom?: number } | null)?.pagedFrom === page - 1;

  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      {page > 1 && (
        <button
          type="button"
          className="pager__button"
          onClick={() => {
            if (cameFromPrevious) void navigate(-1);
            else void navigate(to({ cursor: null, page: 1 }));
          }}
        >
          {cameFromPrevious ? t('common.previousPage') : t('common.firstPage')}
        </button>
      )}
      <span className="pager__info">{t('portal.search.pageInfo', { page })}</span>
      {nextCursor && (
        <button
          type="button"
          className="pager__button"
          data-testid="next-page"
          onClick={() => {
            void navigate(to({ cursor: nextCursor, page: page + 1 }), { state: { pagedFrom: page } });
            window.scrollTo(0, 0);
          }}
        >
          {t('common.nextPage')}
        </button>
      )}
    </nav>
  );
}
