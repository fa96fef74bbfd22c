import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PublicField, PublicRecord } from '../public-api';
import { useLocalized } from './localized';

/** The fields that say what a record is about, per catalog item; the detail page shows every field. */
const SUMMARY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  ADM_PENALTY: ['CF_WSH', 'CF_WFXW', 'CF_CFLB', 'CF_NR_FK'],
  ADM_LICENSE: ['XK_XKWS', 'XK_WSH', 'XK_NR', 'XK_YXQZI'],
  RED_LIST: ['MD_MDLX', 'MD_RDWH', 'MD_YXQZI'],
  BLACK_LIST: ['MD_MDLX', 'MD_LRYY', 'MD_RDWH', 'MD_YXQZI'],
  COMMITMENT: ['CN_CNLX', 'CN_CNSX', 'CN_ZT'],
  INSPECTION_RESULT: ['CC_CCSX', 'CC_JCJG', 'CC_JCBM'],
};

/** Units the publicity presenter names (in Chinese), as an English reader reads them. */
const UNITS_EN: Readonly<Record<string, string>> = { 万元: '× 10,000 yuan' };

/** A field's value as a reader sees it: the dictionary label when there is one, and the unit. */
export function useFieldValue(): (field: PublicField) => string {
  const localized = useLocalized();
  return (field) => {
    const label =
      field.valueLabelZh || field.valueLabelEn ? localized(field.valueLabelZh ?? '', field.valueLabelEn ?? '') : null;
    const value = label ?? field.value;
    return field.unit ? `${value} ${localized(field.unit, UNITS_EN[field.unit] ?? field.unit)}` : value;
  };
}

/** On an entity's own page every card has the same subject: its title says what the record is about instead. */
const TITLE_FIELD: Readonly<Record<string, string>> = {
  ADM_PENALTY: 'CF_WFXW',
  ADM_LICENSE: 'XK_NR',
  RED_LIST: 'MD_MDLX',
  BLACK_LIST: 'MD_MDLX',
  COMMITMENT: 'CN_CNSX',
  INSPECTION_RESULT: 'CC_CCSX',
};

function summaryOf(record: PublicRecord, except: PublicField | undefined): PublicField[] {
  const codes = SUMMARY_FIELDS[record.itemCode];
  const fields = codes
    ? codes.flatMap((code) => record.fields.filter((f) => f.code === code))
    : record.fields.slice(0, 3);
  return fields.filter((f) => f !== except);
}

interface RecordCardProps {
  record: PublicRecord;
  /** Show the counterpart's name (lists of many subjects), not on the subject's own page. */
  showSubject?: boolean;
  headingLevel?: 3 | 4;
}

/** One public record in a list: what it is, who decided it and when, and a link to every field. */
export function RecordCard({ record, showSubject = false, headingLevel = 3 }: RecordCardProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const fieldValue = useFieldValue();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const itemName = localized(record.itemNameZh, record.itemNameEn);
  const titleField = showSubject ? undefined : record.fields.find((f) => f.code === TITLE_FIELD[record.itemCode]);
  const title =
    showSubject && record.subject.name ? record.subject.name : titleField ? fieldValue(titleField) : itemName;
  return (
    <li className="record-card" data-record-id={record.id} data-item={record.itemCode}>
      <div className="record-card__head">
        <Heading className="record-card__title">
          {showSubject && record.subject.id ? <Link to={`/subjects/${record.subject.id}`}>{title}</Link> : title}
        </Heading>
        {(showSubject || titleField) && <span className="record-card__item">{itemName}</span>}
      </div>
      <dl className="record-card__facts">
        <div>
          <dt>{t('portal.record.department')}</dt>
          <dd data-testid="record-department">{localized(record.department.nameZh, record.department.nameEn)}</dd>
        </div>
        <div>
          <dt>{t('portal.record.decisionDate')}</dt>
          <dd data-testid="record-decision-date">{record.decisionDate ?? t('portal.search.none')}</dd>
        </div>
        <div>
          <dt>{t('portal.record.publishedOn')}</dt>
          <dd>{record.publishedOn}</dd>
        </div>
        <div>
          <dt>{t('portal.record.publicationEnd')}</dt>
          <dd>{record.publicationEnd ?? t('portal.record.noEnd')}</dd>
        </div>
        {summaryOf(record, titleField).map((field) => (
          <div key={field.code} className={field.value.length > 40 ? 'record-card__wide' : undefined}>
            <dt>{localized(field.labelZh, field.labelEn)}</dt>
            <dd>{fieldValue(field)}</dd>
          </div>
        ))}
      </dl>
      <Link
        className="record-card__more"
        to={`/publicity/${record.id}`}
        aria-label={t('portal.record.detailsOf', { name: title })}
      >
        {t('portal.record.details')}
      </Link>
    </li>
  );
}
