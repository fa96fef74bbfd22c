import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { ErrorAlert } from '../common/error-alert';
import { useLocalized } from '../common/localized';
import { useFieldValue } from '../common/record-card';
import { fetchPublicRecord } from '../public-api';

/** One public record with every field the presenter lets the public see. */
export function RecordPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const fieldValue = useFieldValue();
  const { id = '' } = useParams();
  const record = useApiQuery(`record:${id}`, (signal) => fetchPublicRecord(id, signal));
  const title =
    record.status === 'success'
      ? `${localized(record.data.itemNameZh, record.data.itemNameEn)} · ${record.data.subject.name ?? ''}`
      : t('portal.record.title');
  useDocumentTitle(`${title} · ${t('site.name')}`);

  return (
    <div className="container page">
      <p className="page__back">
        <Link to="/publicity">{t('portal.record.back')}</Link>
      </p>
      {record.status === 'loading' && (
        <>
          <h1 className="page__title">{t('portal.record.title')}</h1>
          <Spin description={t('common.loading')} />
        </>
      )}
      {record.status === 'error' && (
        <>
          <h1 className="page__title">{t('portal.record.title')}</h1>
          <ErrorAlert error={record.error} />
        </>
      )}
      {record.status === 'success' && (
        <>
          <h1 className="page__title" data-testid="record-title">
            {localized(record.data.itemNameZh, record.data.itemNameEn)}
          </h1>
          <section className="panel" aria-labelledby="record-basics">
            <h2 id="record-basics" className="section-title">
              {record.data.subject.name ?? t('portal.record.subject')}
            </h2>
            <dl className="facts">
              <div>
                <dt>{t('portal.record.department')}</dt>
                <dd>{localized(record.data.department.nameZh, record.data.department.nameEn)}</dd>
              </div>
              <div>
                <dt>{t('portal.record.decisionDate')}</dt>
                <dd>{record.data.decisionDate ?? t('portal.search.none')}</dd>
              </div>
              <div>
                <dt>{t('portal.record.publishedOn')}</dt>
                <dd>{record.data.publishedOn}</dd>
              </div>
              <div>
                <dt>{t('portal.record.publicationEnd')}</dt>
                <dd>{record.data.publicationEnd ?? t('portal.record.noEnd')}</dd>
              </div>
            </dl>
            {record.data.subject.id && (
              <p className="page__actions">
                <Link to={`/subjects/${record.data.subject.id}`}>{t('portal.record.openSubject')}</Link>
              </p>
            )}
          </section>
          <section className="panel" aria-labelledby="record-fields">
            <h2 id="record-fields" className="section-title">
              {t('portal.record.fields')}
            </h2>
            <dl className="facts facts--list" data-testid="record-fields">
              {record.data.fields.map((field) => (
                <div key={field.code}>
                  <dt>{localized(field.labelZh, field.labelEn)}</dt>
                  <dd>{fieldValue(field)}</dd>
                </div>
              ))}
            </dl>
          </section>
        </>
      )}
    </div>
  );
}
