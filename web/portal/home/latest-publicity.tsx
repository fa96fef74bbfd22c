import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../shared/use-api-query';
import { EmptyState } from '../common/empty-state';
import { ErrorAlert } from '../common/error-alert';
import { useLocalized } from '../common/localized';
import { fetchPublicRecords } from '../public-api';

const LATEST = 6;

/** The newest licences and penalties, one line each, linking to their detail. */
export function LatestPublicity() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const latest = useApiQuery('latest', (signal) => fetchPublicRecords({ limit: LATEST }, signal));
  return (
    <section className="latest" aria-labelledby="latest-title" aria-busy={latest.status === 'loading'}>
      <h2 id="latest-title" className="section-title">
        {t('portal.home.latestTitle')}
      </h2>
      {latest.status === 'loading' && <Spin className="results__spinner" description={t('common.loading')} />}
      {latest.status === 'error' && <ErrorAlert error={latest.error} onRetry={latest.reload} />}
      {latest.status === 'success' &&
        (latest.data.items.length === 0 ? (
          <EmptyState testId="latest-empty">{t('portal.home.latestEmpty')}</EmptyState>
        ) : (
          <ul className="latest__list" data-testid="latest-publicity">
            {latest.data.items.map((record) => (
              <li key={record.id} className="latest__item">
                <Link to={`/publicity/${record.id}`} className="latest__name">
                  {record.subject.name ?? localized(record.itemNameZh, record.itemNameEn)}
                </Link>
                <span className="latest__meta">
                  <span
                    className={`latest__tag latest__tag--${record.itemCode === 'ADM_PENALTY' ? 'penalty' : 'licence'}`}
                  >
                    {localized(record.itemNameZh, record.itemNameEn)}
                  </span>
                  <span>{localized(record.department.nameZh, record.department.nameEn)}</span>
                  <span>{record.decisionDate}</span>
                </span>
              </li>
            ))}
          </ul>
        ))}
      <p className="latest__more">
        <Link to="/publicity">{t('portal.home.latestMore')}</Link>
      </p>
    </section>
  );
}
