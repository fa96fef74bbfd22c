import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '../../shared/use-api-query';
import { EmptyState } from '../common/empty-state';
import { ErrorAlert } from '../common/error-alert';
import { RecordCard } from '../common/record-card';
import type { SubjectRecords } from '../public-api';

const SECTIONS = ['licences', 'penalties', 'lists', 'commitments', 'inspections', 'other'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * One section per kind of record. A section with nothing public — including
 * capabilities whose data has not arrived yet — says so plainly.
 */
export function RecordSections({ state }: { state: QueryState<SubjectRecords> & { reload: () => void } }) {
  const { t } = useTranslation();
  if (state.status === 'error') {
    return (
      <section className="panel" aria-label={t('portal.subject.recordsUnavailable')}>
        <ErrorAlert error={state.error} onRetry={state.reload} />
      </section>
    );
  }
  if (state.status !== 'success') return <Spin className="results__spinner" description={t('common.loading')} />;
  const data = state.data;
  // "Other" appears only when it has something: most subjects have no domain records.
  const shown = SECTIONS.filter((s) => s !== 'other' || data.other.length > 0);
  return (
    <>
      <nav className="section-nav" aria-label={t('portal.subject.sectionsNav')}>
        <ul>
          {shown.map((section) => (
            <li key={section}>
              <a href={`#section-${section}`}>
                {t(`portal.subject.sections.${section}`)}
                <span className="section-nav__count">{data[section].length}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {data.truncated && <Alert type="info" showIcon title={t('portal.subject.truncated')} />}
      {shown.map((section) => (
        <RecordSection key={section} section={section} records={data[section]} />
      ))}
    </>
  );
}

function RecordSection({ section, records }: { section: Section; records: SubjectRecords[Section] }) {
  const { t } = useTranslation();
  return (
    <section
      className="panel"
      id={`section-${section}`}
      aria-labelledby={`title-${section}`}
      data-testid={`section-${section}`}
    >
      <h2 id={`title-${section}`} className="section-title">
        {t(`portal.subject.sections.${section}`)}{' '}
        <span className="section-title__count">{t('portal.subject.count', { count: records.length })}</span>
      </h2>
      {records.length === 0 ? (
        <EmptyState testId={`empty-${section}`}>{t(`portal.subject.empty.${section}`)}</EmptyState>
      ) : (
        <ul className="records__list">
          {records.map((record) => (
            <RecordCard key={record.id} record={record} showSubject={false} />
          ))}
        </ul>
      )}
    </section>
  );
}
