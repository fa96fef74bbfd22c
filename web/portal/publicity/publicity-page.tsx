import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { CursorPager, EmptyPageNotice } from '../common/cursor-pager';
import { EmptyState } from '../common/empty-state';
import { ErrorAlert } from '../common/error-alert';
import { compact } from '../common/localized';
import { RecordCard } from '../common/record-card';
import { fetchPublicRecords } from '../public-api';
import { ChannelFilters, CHANNEL_KEYS, type ChannelValues } from './channel-filters';

/**
 * The double-publicity channel (双公示): licences and penalties, filtered by
 * category, department, decision dates and name, newest decision first. The
 * filters live in the URL so a filtered view can be shared.
 */
export function PublicityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const values = compact(Object.fromEntries(CHANNEL_KEYS.map((key) => [key, params.get(key)]))) as ChannelValues;
  const cursor = params.get('cursor') ?? undefined;
  useDocumentTitle(`${t('portal.publicity.title')} · ${t('site.name')}`);
  // A start after the end is the server's to refuse, as a date that does not exist is: the error
  // then says what is wrong and offers to clear the dates, on this page as on the lists.
  const key = JSON.stringify([values, cursor]);
  const page = useApiQuery(key, (signal) => fetchPublicRecords({ ...values, ...(cursor ? { cursor } : {}) }, signal));

  return (
    <div className="container page">
      <h1 className="page__title">{t('portal.publicity.title')}</h1>
      <p className="page__intro">{t('portal.publicity.intro')}</p>
      <ChannelFilters
        key={JSON.stringify(values)}
        values={values}
        withItem
        onSubmit={(next) => setParams(compact({ ...next }))}
      />
      <section className="results" aria-labelledby="records-title" aria-busy={page.status === 'loading'}>
        <div aria-live="polite">
          {page.status === 'loading' && <Spin className="results__spinner" description={t('common.loading')} />}
          {page.status === 'error' && <ErrorAlert error={page.error} onRetry={page.reload} />}
          {page.status === 'success' && (
            <h2 id="records-title" className="results__title" data-testid="records-count">
              {page.data.totalCapped
                ? t('portal.publicity.resultsCapped', { count: page.data.total })
                : t('portal.publicity.results', { count: page.data.total })}
            </h2>
          )}
          {page.status === 'success' && page.data.total === 0 && (
            <EmptyState testId="records-empty">{t('portal.publicity.empty')}</EmptyState>
          )}
          {page.status === 'success' && page.data.total > 0 && <EmptyPageNotice shown={page.data.items.length} />}
        </div>
        {page.status === 'success' && page.data.items.length > 0 && (
          <>
            <ul className="records__list" data-testid="records">
              {page.data.items.map((record) => (
                <RecordCard key={record.id} record={record} showSubject />
              ))}
            </ul>
            <CursorPager nextCursor={page.data.nextCursor} />
          </>
        )}
      </section>
    </div>
  );
}
