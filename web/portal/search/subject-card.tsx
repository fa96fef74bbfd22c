import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SubjectSummary } from '../public-api';
import { highlight } from './highlight';

export function SubjectCard({ subject, query }: { subject: SubjectSummary; query: string }) {
  const { t } = useTranslation();
  const none = t('portal.search.none');
  return (
    <li className="subject-card" data-subject-id={subject.id}>
      <div className="subject-card__head">
        <h3 className="subject-card__name">
          <Link to={`/subjects/${subject.id}`}>{highlight(subject.name, query)}</Link>
        </h3>
        <Tag className="subject-card__kind" color="blue">
          {subject.kindLabel ?? t(`portal.kind.${subject.kind}`)}
        </Tag>
      </div>
      {subject.matchedName && (
        <p className="subject-card__former">
          {highlight(t('portal.search.formerName', { name: subject.matchedName }), query)}
        </p>
      )}
      <dl className="subject-card__facts">
        <div>
          <dt>{t('portal.search.uscc')}</dt>
          <dd className="subject-card__uscc">{subject.uscc ? highlight(subject.uscc, query) : none}</dd>
        </div>
        <div>
          <dt>{t('portal.search.region')}</dt>
          <dd>{subject.regionName ?? none}</dd>
        </div>
        <div>
          <dt>{t('portal.search.industry')}</dt>
          <dd>{subject.industryName ?? none}</dd>
        </div>
      </dl>
    </li>
  );
}
