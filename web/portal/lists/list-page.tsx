import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { CursorPager, EmptyPageNotice } from '../common/cursor-pager';
import { EmptyState } from '../common/empty-state';
import { ErrorAlert } from '../common/error-alert';
import { compact } from '../common/localized';
import { RecordCard } from '../common/record-card';
import { ChannelFilters, type ChannelValues } from '../publicity/channel-filters';
import { fetchPublicList, type ListKind } from '../public-api';

const KEYS = ['department', 'from', 'to', 'q'] as const;

/**
 * The red or the black list: what the list is, then its entries in force —
 * records of the list's catalog item, shown only when the catalog makes that
 * item public (the server decides; an unpublished list explains itself).
 */
export function ListPage({ list }: { list: ListKind }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const values = compact(Object.fromEntries(KEYS.map((key) => [key, params.get(key)]))) as ChannelValues;
  const cursor = params.get('cursor') ?? undefined;
  const title = t(`portal.lists.${list}.title`);
  useDocumentTitle(`${title} · ${t('site.name')}`);
  const page = useApiQuery(JSON.stringify([list, values, cursor]), (signal) =>
    fetchPublicList(list, { ...values, ...(cursor ? { cursor } : {}) }, signal),
  );
  const notPublic = page.status === 'success' && page.data.item === null;

  return (
    <div className="container page">
      <h1 className="page__title">{title}</h1>
      <p className="page__intro">{t(`portal.lists.${list}.intro`)}</p>
      <p className="page__intro">
        {t('portal.lists.validity')} <Link to="/about">{t('portal.subject.aboutLink')}</Link>
      </p>
      {!notPublic && (
        <ChannelFilters
          key={JSON.stringify(values)}
          values={values}
          nameLabel={t('portal.lists.q')}
          onSubmit={(next) => setParams(compact({ ...next }))}
        />
      )}
      <section className="results" aria-labelledby="list-title" aria-busy={page.status === 'loading'}>
        <div aria-live="polite">
          {page.status === 'loading' && <Spin className="results__spinner" description={t('common.loading')} />}
          {page.status === 'error' && <ErrorAlert error={page.error} onRetry={page.reload} />}
          {notPublic && (
            <Alert
              type="info"
              showIcon
              title={<span id="list-title">{t('portal.lists.notPublicTitle')}</span>}
              description={t('portal.lists.notPublic')}
              data-testid="list-not-public"
            />
          )}
          {page.status === 'success' && !notPublic && (
            <h2 id="list-title" className="results__title" data-testid="list-count">
              {page.data.totalCapped
                ? t('portal.lists.resultsCapped', { count: page.data.total })
                : t('portal.lists.results', { count: page.data.total })}
            </h2>
          )}
          {page.status === 'success' && !notPublic && page.data.total === 0 && (
            <EmptyState testId="list-empty">{t('portal.lists.empty')}</EmptyState>
          )}
          {page.status === 'success' && page.data.total > 0 && <EmptyPageNotice shown={page.data.items.length} />}
        </div>
        {page.status === 'success' && page.data.items.length > 0 && (
          <>
            <ul className="records__list" data-testid="list-entries">
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
