import { Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/use-api-query';
import { fetchPublicStats, type PublicStats } from '../public-api';

const cards = [
  { key: 'subjects', label: 'portal.stats.subjects' },
  { key: 'departments', label: 'portal.stats.departments' },
  { key: 'catalogItems', label: 'portal.stats.catalogItems' },
] as const satisfies ReadonlyArray<{ key: keyof PublicStats; label: string }>;

/** Plain boxes rather than antd Card: Card drags in Tabs, Dropdown and Menu for features unused here. */
export function PublicStatsCards() {
  const { t } = useTranslation();
  const stats = useApiQuery('stats', fetchPublicStats);
  return (
    <section className="stats" aria-labelledby="stats-title">
      <h2 id="stats-title" className="stats__title">
        {t('portal.stats.heading')}
      </h2>
      {stats.status === 'error' ? (
        <p className="stats__unavailable">{t('portal.stats.unavailable')}</p>
      ) : (
        <ul className="stats__grid" data-testid="public-stats">
          {cards.map((card) => (
            <li key={card.key} className="stats__card" data-testid={`stat-${card.key}`}>
              <Statistic
                title={t(card.label)}
                value={stats.status === 'success' ? stats.data[card.key] : 0}
                loading={stats.status !== 'success'}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
