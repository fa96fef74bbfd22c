import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { ErrorAlert } from '../common/error-alert';
import { fetchSubject, fetchSubjectRecords } from '../public-api';
import { RecordSections } from './record-sections';
import { SubjectBasics } from './subject-basics';

/** An entity's credit page: registration basics, then every public record by section, each with source and dates. */
export function SubjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const subject = useApiQuery(`subject:${id}`, (signal) => fetchSubject(id, signal));
  const records = useApiQuery(`records:${id}`, (signal) => fetchSubjectRecords(id, signal));
  const name = subject.status === 'success' ? subject.data.name : null;
  useDocumentTitle(`${name ?? t('portal.nav.search')} · ${t('site.name')}`);

  if (subject.status === 'error') {
    const notFound = isApiError(subject.error) && subject.error.status === 404;
    return (
      <div className="container page">
        <h1 className="page__title">{notFound ? t('common.notFoundTitle') : t('portal.nav.search')}</h1>
        <ErrorAlert error={subject.error} onRetry={notFound ? undefined : subject.reload} />
        <p className="page__actions">
          <Link to="/search">{t('portal.nav.search')}</Link>
        </p>
      </div>
    );
  }
  if (subject.status !== 'success') {
    return (
      <div className="container page page-loading">
        <Spin description={t('common.loading')} />
      </div>
    );
  }
  return (
    <div className="container page">
      <h1 className="page__title subject-page__name" data-testid="subject-name">
        {subject.data.name}
      </h1>
      <SubjectBasics subject={subject.data} />
      <RecordSections state={records} />
      <p className="source-note">
        {t('portal.subject.sourceNote')} <Link to="/about">{t('portal.subject.aboutLink')}</Link>
      </p>
    </div>
  );
}
