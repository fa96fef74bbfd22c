import { useTranslation } from 'react-i18next';
import type { SubjectDetail } from '../public-api';

/** Registration basics, as the public presenter gives them (no personal ID numbers exist in this shape). */
export function SubjectBasics({ subject }: { subject: SubjectDetail }) {
  const { t } = useTranslation();
  const none = t('portal.search.none');
  const status = ['active', 'deregistered', 'revoked'].includes(subject.status)
    ? t(`portal.subject.statuses.${subject.status as 'active' | 'deregistered' | 'revoked'}`)
    : subject.status;
  const rows: Array<[string, string | null]> = [
    [t('portal.subject.uscc'), subject.uscc],
    [t('portal.subject.kind'), subject.kindLabel],
    [t('portal.subject.legalRepresentative'), subject.legalRepresentative],
    [t('portal.subject.establishedOn'), subject.establishedOn],
    [t('portal.subject.status'), status],
    [t('portal.subject.region'), subject.regionName],
    [t('portal.subject.industry'), subject.industryName],
    [t('portal.subject.orgCode'), subject.orgCode],
    [t('portal.subject.registrationNumber'), subject.registrationNumber],
  ];
  return (
    <section className="panel" aria-labelledby="basics-title">
      <h2 id="basics-title" className="section-title">
        {t('portal.subject.basics')}
      </h2>
      <dl className="facts" data-testid="subject-basics">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={label === t('portal.subject.uscc') ? 'mono' : undefined}>{value ?? none}</dd>
          </div>
        ))}
        {subject.formerNames.length > 0 && (
          <div className="facts__wide">
            <dt>{t('portal.subject.formerNames')}</dt>
            <dd>{subject.formerNames.map((n) => n.name).join('；')}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
