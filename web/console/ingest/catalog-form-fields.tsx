import { DatePicker, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogField, FieldCondition, SubmittedRecord } from './ingest-api';
import { useBilingual } from './ingest-text';

/** The form's raw values, keyed by field code. */
export type FormValues = Record<string, unknown>;

/** A value counts as given when it is not blank (an empty list is blank too). */
export function isGiven(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function holds(condition: FieldCondition, values: FormValues): boolean {
  const value = values[condition.field];
  if ('present' in condition) return isGiven(value);
  const given = Array.isArray(value) ? value.map(String) : isGiven(value) ? [String(value)] : [];
  return given.some((v) => condition.in.includes(v));
}

/** The catalog's rule, evaluated as the person types: required, or required because of other fields. */
export function isRequired(field: CatalogField, values: FormValues): boolean {
  return field.required || (field.requiredWhen.length > 0 && field.requiredWhen.every((c) => holds(c, values)));
}

/** Fields that must stay blank in this case (e.g. organisation codes of a natural person). */
export function mustBeBlank(field: CatalogField, values: FormValues): boolean {
  return field.blankWhen.length > 0 && field.blankWhen.every((c) => holds(c, values));
}

/** Something with `format` (the date pickers' dayjs values) without importing dayjs here. */
interface Formattable {
  format: (pattern: string) => string;
}

function isFormattable(value: unknown): value is Formattable {
  return typeof value === 'object' && value !== null && typeof (value as Formattable).format === 'function';
}

/** The JSON the records API takes, from the form's values: dates as YYYY-MM-DD, blanks left out. */
export function toRecord(fields: readonly CatalogField[], values: FormValues): SubmittedRecord {
  const record: SubmittedRecord = {};
  for (const field of fields) {
    const value = values[field.code];
    if (!isGiven(value)) continue;
    if (field.type === 'date' && isFormattable(value)) record[field.code] = value.format('YYYY-MM-DD');
    else if (typeof value === 'string') record[field.code] = value.trim();
    // The controls above give nothing else: numbers, booleans, lists of dictionary values.
    else record[field.code] = value as SubmittedRecord[string];
  }
  return record;
}

/** The input for one catalog field type. */
export function FieldInput({
  field,
  id,
  disabled,
  ...control
}: {
  field: CatalogField;
  /** Set by Form.Item (the label's `for`), like value and onChange. */
  id?: string;
  disabled: boolean;
  // Injected by Form.Item and handed straight to the control, whose own types they then take.
  value?: never;
  onChange?: never;
}): ReactNode {
  const { t } = useTranslation();
  const { english } = useBilingual();
  const common = { id, disabled, 'data-field': field.code };
  const options = (field.dictionary ?? []).map((entry) => ({
    value: entry.value,
    label: (english ? entry.labelEn : entry.labelZh) ?? entry.value,
  }));
  switch (field.type) {
    case 'enum':
      return (
        <Select
          {...common}
          {...control}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('ingest.entry.selectPlaceholder')}
          options={options}
        />
      );
    case 'multi_enum':
      return (
        <Select
          {...common}
          {...control}
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('ingest.entry.selectPlaceholder')}
          options={options}
        />
      );
    case 'boolean':
      return (
        <Select
          {...common}
          {...control}
          allowClear
          placeholder={t('ingest.entry.selectPlaceholder')}
          options={[
            { value: true, label: t('ingest.entry.yes') },
            { value: false, label: t('ingest.entry.no') },
          ]}
        />
      );
    case 'date':
      return <DatePicker {...common} {...control} placeholder={t('ingest.entry.datePlaceholder')} />;
    case 'amount_wan':
      // A string keeps 万元 exact to the fen (6 decimals); the platform converts it to integer fen.
      return <InputNumber {...common} {...control} stringMode min="0" step="0.0001" suffix={t('ingest.entry.wan')} />;
    case 'integer':
      return <InputNumber {...common} {...control} precision={0} />;
    case 'decimal':
      return <InputNumber {...common} {...control} stringMode />;
    case 'text':
      return (
        <Input.TextArea
          {...common}
          {...control}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={field.maxLength ?? undefined}
          showCount={field.maxLength !== null && field.maxLength <= 5000}
        />
      );
    case 'uscc':
    case 'org_code':
    case 'registration_number':
      return <Input {...common} {...control} autoComplete="off" spellCheck={false} />;
    case 'id_number':
      return <Input {...common} {...control} autoComplete="off" spellCheck={false} />;
    case 'string':
      return <Input {...common} {...control} maxLength={field.maxLength ?? undefined} />;
  }
}
