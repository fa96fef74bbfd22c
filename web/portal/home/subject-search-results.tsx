import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message';
import { useApiQuery } from '../../shared/use-api-query';
import { searchSubjects } from '../public-api';
import { SubjectCard } from './subject-card';

export function SubjectSearchResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const result = useApiQuery(query, (signal) => searchSubjects(query, signal));

  return (
    <section className="results" aria-labelledby="results-title" aria-busy={result.status === 'loading'}>
      {/* A live region so screen-reader users hear the outcome without hunting for it. */}
      <div aria-live="polite">
        {result.status === 'loading' && <Spin className="results__spinner" description={t('common.loading')} />}
        {result.status === 'error' && <ErrorAlert error={result.error} onRetry={result.reload} />}
        {result.status === 'success' && (
          <h2 id="results-title" className="results__title">
            {result.data.total === 0
              ? t('portal.search.empty', { q: query })
              : t(result.data.totalCapped ? 'portal.search.resultsCapped' : 'portal.search.results', {
                  count: result.data.total,
                })}
          </h2>
        )}
      </div>
      {result.status === 'success' && result.data.items.length > 0 && (
        <>
          <ol className="results__list" data-testid="search-results">
            {result.data.items.map((subject) => (
              <SubjectCard key={subject.id} subject={subject} query={query} />
            ))}
          </ol>
          {result.data.total > result.data.items.length && (
            <p className="results__more">{t('portal.search.showing', { shown: result.data.items.length })}</p>
          )}
        </>
      )}
    </section>
  );
}

function ErrorAlert({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const message = describeError(error, t);
  return (
    <Alert
      type="error"
      showIcon
      title={message.title}
      description={message.detail}
      action={<Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
