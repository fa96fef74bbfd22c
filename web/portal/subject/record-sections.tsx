import { Button, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '../../shared/use-api-query';
import { EmptyState } from '../common/empty-state';
import { ErrorAlert } from '../common/error-alert';
import { RecordCard } from '../common/record-card';
import {
  fetchSubjectSection,
  type PublicRecord,
  type SectionPage,
  type SubjectRecords,
  type SubjectSection,
} from '../public-api';

const SECTIONS = [
  'licences',
  'penalties',
  'lists',
  'commitments',
  'inspections',
  'other',
] as const satisfies readonly SubjectSection[];

/**
 * One section per kind of record, each opening with its latest records and
 * its count; "show more" pages through the rest of a section in place. A
 * section with nothing public — including capabilities whose data has not
 * arrived yet — says so plainly.
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
  const shown = SECTIONS.filter((s) => s !== 'other' || data.other.total > 0);
  return (
    <>
      <nav className="section-nav" aria-label={t('portal.subject.sectionsNav')}>
        <ul>
          {shown.map((section) => (
            <li key={section}>
              <a href={`#section-${section}`}>
                {t(`portal.subject.sections.${section}`)}
                <span className="section-nav__count">
                  {data[section].total}
                  {data[section].totalCapped ? '+' : ''}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {shown.map((section) => (
        <RecordSection
          key={`${data.subjectId}:${section}`}
          subjectId={data.subjectId}
          section={section}
          first={data[section]}
        />
      ))}
    </>
  );
}

function RecordSection({
  subjectId,
  section,
  first,
}: {
  subjectId: string;
  section: SubjectSection;
  first: SectionPage;
}) {
  const { t } = useTranslation();
  const [more, setMore] = useState<{ items: PublicRecord[]; nextCursor: string | null }>({
    items: [],
    nextCursor: first.nextCursor,
  });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);

  const records = [...first.items, ...more.items];
  const name = t(`portal.subject.sections.${section}`);
  const count = first.totalCapped
    ? t('portal.subject.countCapped', { count: first.total })
    : t('portal.subject.count', { count: first.total });

  const loadMore = async () => {
    if (!more.nextCursor || loading) return;
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchSubjectSection(subjectId, section, more.nextCursor, controller.signal);
      if (controller.signal.aborted) return;
      setMore((before) => ({ items: [...before.items, ...page.items], nextCursor: page.nextCursor }));
    } catch (caught) {
      if (!controller.signal.aborted) setError(caught);
    } finally {
      if (!controller.signal.aborted) setLoading(false);
    }
  };

  return (
    <section
      className="panel"
      id={`section-${section}`}
      aria-labelledby={`title-${section}`}
      aria-busy={loading}
      data-testid={`section-${section}`}
    >
      <h2 id={`title-${section}`} className="section-title">
        {name} <span className="section-title__count">{count}</span>
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
      {error !== null && <ErrorAlert error={error} onRetry={() => void loadMore()} />}
      {(more.nextCursor || more.items.length > 0) && (
        <div className="section-more">
          <span className="section-more__status" aria-live="polite" data-testid={`shown-${section}`}>
            {t(first.totalCapped ? 'portal.subject.shownOfCapped' : 'portal.subject.shownOf', {
              shown: records.length,
              total: first.total,
            })}
          </span>
          {more.nextCursor && (
            <Button onClick={() => void loadMore()} loading={loading}>
              {t('portal.subject.more', { section: name })}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
