import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/use-api-query';
import { useLocalized } from '../common/localized';
import { fetchDepartments } from '../public-api';

export const CHANNEL_KEYS = ['item', 'department', 'from', 'to', 'q'] as const;
export type ChannelValues = Partial<Record<(typeof CHANNEL_KEYS)[number], string>>;

interface ChannelFiltersProps {
  values: ChannelValues;
  /** The category select (licences / penalties): the double-publicity channel has it, the lists do not. */
  withItem?: boolean;
  nameLabel?: string;
  onSubmit: (values: ChannelValues) => void;
}

/**
 * A plain form (native selects and date inputs): it works with the keyboard
 * and on phones' own pickers, and submitting it changes the URL, not state
 * hidden in the page.
 */
export function ChannelFilters({ values, withItem = false, nameLabel, onSubmit }: ChannelFiltersProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [draft, setDraft] = useState<ChannelValues>(values);
  const departments = useApiQuery('departments', fetchDepartments);
  const set = (key: keyof ChannelValues) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <form
      className="filters"
      onSubmit={submit}
      aria-label={t('portal.publicity.filters')}
      data-testid="channel-filters"
    >
      <div className="filters__row">
        {withItem && (
          <div className="filters__field">
            <label htmlFor="filter-item">{t('portal.publicity.item')}</label>
            <select id="filter-item" className="filters__control" value={draft.item ?? ''} onChange={set('item')}>
              <option value="">{t('common.all')}</option>
              <option value="ADM_LICENSE">{t('portal.publicity.itemLicence')}</option>
              <option value="ADM_PENALTY">{t('portal.publicity.itemPenalty')}</option>
            </select>
          </div>
        )}
        <div className="filters__field">
          <label htmlFor="filter-department">{t('portal.publicity.department')}</label>
          <select
            id="filter-department"
            className="filters__control"
            value={draft.department ?? ''}
            onChange={set('department')}
          >
            <option value="">{t('portal.publicity.allDepartments')}</option>
            {departments.status === 'success' &&
              departments.data.map((d) => (
                <option key={d.code} value={d.code}>
                  {localized(d.nameZh, d.nameEn)}
                </option>
              ))}
            {draft.department && departments.status !== 'success' && (
              <option value={draft.department}>{draft.department}</option>
            )}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor="filter-from">{t('portal.publicity.from')}</label>
          <input
            id="filter-from"
            className="filters__control"
            type="date"
            value={draft.from ?? ''}
            // The browser then refuses a start after the end before anything is sent.
            max={draft.to || undefined}
            onChange={set('from')}
          />
        </div>
        <div className="filters__field">
          <label htmlFor="filter-to">{t('portal.publicity.to')}</label>
          <input
            id="filter-to"
            className="filters__control"
            type="date"
            value={draft.to ?? ''}
            min={draft.from || undefined}
            onChange={set('to')}
          />
        </div>
        <div className="filters__field">
          <label htmlFor="filter-q">{nameLabel ?? t('portal.publicity.q')}</label>
          <input
            id="filter-q"
            className="filters__control"
            type="search"
            value={draft.q ?? ''}
            onChange={set('q')}
            maxLength={100}
            autoComplete="off"
          />
        </div>
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t('portal.publicity.submit')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft({});
              onSubmit({});
            }}
          >
            {t('portal.publicity.reset')}
          </button>
        </div>
      </div>
    </form>
  );
}
