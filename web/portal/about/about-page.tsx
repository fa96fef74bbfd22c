import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useLocalized } from '../common/localized';
import { fetchDepartments } from '../public-api';

/** Sources, disclosure rules, objections and credit repair, in plain words (DOMAIN §4, §9, §10). */
export function AboutPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  useDocumentTitle(`${t('portal.about.title')} · ${t('site.name')}`);
  const departments = useApiQuery('departments', fetchDepartments);

  return (
    <div className="container page about">
      <h1 className="page__title">{t('portal.about.title')}</h1>
      <p className="page__intro">{t('portal.about.intro')}</p>

      <section className="panel" aria-labelledby="about-sources">
        <h2 id="about-sources" className="section-title">
          {t('portal.about.sourcesTitle')}
        </h2>
        <p>{t('portal.about.sources')}</p>
        {departments.status === 'success' && (
          <ul className="about__departments" data-testid="about-departments">
            {departments.data.map((d) => (
              <li key={d.code}>{localized(d.nameZh, d.nameEn)}</li>
            ))}
          </ul>
        )}
        {departments.status === 'error' && <p>{t('portal.about.sourcesUnavailable')}</p>}
      </section>

      <section className="panel" aria-labelledby="about-rules">
        <h2 id="about-rules" className="section-title">
          {t('portal.about.rulesTitle')}
        </h2>
        <ul className="about__list">
          <li>{t('portal.about.rulePublic')}</li>
          <li>{t('portal.about.ruleWindow')}</li>
          <li>{t('portal.about.rulePeriods')}</li>
          <li>{t('portal.about.ruleWithdrawn')}</li>
          <li>{t('portal.about.ruleLists')}</li>
        </ul>
      </section>

      <section className="panel" aria-labelledby="about-masking">
        <h2 id="about-masking" className="section-title">
          {t('portal.about.maskingTitle')}
        </h2>
        <p>{t('portal.about.masking')}</p>
      </section>

      <section className="panel" aria-labelledby="about-objection">
        <h2 id="about-objection" className="section-title">
          {t('portal.about.objectionTitle')}
        </h2>
        <p>{t('portal.about.objectionIntro')}</p>
        <ol className="about__list">
          <li>{t('portal.about.objectionStep1')}</li>
          <li>{t('portal.about.objectionStep2')}</li>
          <li>{t('portal.about.objectionStep3')}</li>
          <li>{t('portal.about.objectionStep4')}</li>
        </ol>
      </section>

      <section className="panel" aria-labelledby="about-repair">
        <h2 id="about-repair" className="section-title">
          {t('portal.about.repairTitle')}
        </h2>
        <p>{t('portal.about.repairIntro')}</p>
        <ul className="about__list">
          <li>{t('portal.about.repairCond1')}</li>
          <li>{t('portal.about.repairCond2')}</li>
          <li>{t('portal.about.repairCond3')}</li>
          <li>{t('portal.about.repairCond4')}</li>
        </ul>
        <p>{t('portal.about.repairOutcome')}</p>
      </section>

      <section className="panel" aria-labelledby="about-contact">
        <h2 id="about-contact" className="section-title">
          {t('portal.about.contactTitle')}
        </h2>
        <p>{t('portal.about.contact')}</p>
      </section>
    </div>
  );
}
