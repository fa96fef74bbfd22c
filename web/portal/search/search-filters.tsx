import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/use-api-query';
import { useLocalized } from '../common/localized';
import { fetchIndustries, fetchRegions, fetchSubjectKinds, type DictionaryEntry } from '../public-api';

interface Dictionaries {
  kinds: DictionaryEntry[];
  regions: DictionaryEntry[];
  industries: DictionaryEntry[];
}

async function loadDictionaries(signal: AbortSignal): Promise<Dictionaries> {
  const [kinds, regions, industries] = await Promise.all([
    fetchSubjectKinds(signal),
    fetchRegions(signal),
    fetchIndustries(signal),
  ]);
  // Natural persons are never listed publicly: offering them as a filter would only disappoint.
  return { kinds: kinds.filter((k) => k.code !== 'natural_person'), regions, industries };
}

interface SearchFiltersProps {
  values: Record<string, string>;
  onChange: (changes: Partial<Record<'kind' | 'region' | 'industry', string>>) => void;
}

/** Native selects: labelled, keyboard- and screen-reader-friendly on every phone, and light to download. */
export function SearchFilters({ values, onChange }: SearchFiltersProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const dictionaries = useApiQuery('dictionaries', loadDictionaries);
  const data = dictionaries.status === 'success' ? dictionaries.data : { kinds: [], regions: [], industries: [] };
  const selects = [
    { key: 'kind', label: t('portal.search.kind'), any: t('portal.search.anyKind'), options: data.kinds },
    { key: 'region', label: t('portal.search.region'), any: t('portal.search.anyRegion'), options: data.regions },
    {
      key: 'industry',
      label: t('portal.search.industry'),
      any: t('portal.search.anyIndustry'),
      options: data.industries.map((i) => ({ ...i, nameZh: `${i.code} ${i.nameZh}`, nameEn: `${i.code} ${i.nameEn}` })),
    },
  ] as const;
  const anySet = Object.keys(values).some((key) => key !== 'q' && values[key]);

  return (
    <fieldset className="filters">
      <legend className="filters__legend">{t('portal.search.filters')}</legend>
      {dictionaries.status === 'error' && <p className="filters__note">{t('portal.search.filtersUnavailable')}</p>}
      <div className="filters__row">
        {selects.map((select) => (
          <div key={select.key} className="filters__field">
            <label htmlFor={`filter-${select.key}`}>{select.label}</label>
            <select
              id={`filter-${select.key}`}
              className="filters__control"
              value={values[select.key] ?? ''}
              onChange={(event) => onChange({ [select.key]: event.target.value })}
            >
              <option value="">{select.any}</option>
              {select.options.map((option) => (
                <option key={option.code} value={option.code}>
                  {localized(option.nameZh, option.nameEn)}
                </option>
              ))}
              {/* A value from a shared link shows even before (or without) the dictionaries. */}
              {values[select.key] && !select.options.some((o) => o.code === values[select.key]) && (
                <option value={values[select.key]}>{values[select.key]}</option>
              )}
            </select>
          </div>
        ))}
        {anySet && (
          <button
            type="button"
            className="filters__clear"
            onClick={() => onChange({ kind: '', region: '', industry: '' })}
          >
            {t('portal.search.clearFilters')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
