/**
 * The public shape of a credit record — the one place that decides what the
 * public may see of a record (DESIGN: "Disclosure is enforced in one place").
 * The records module (records.public.ts) applies the same rule in SQL to fill pages;
 * this checks every record again, so a query that forgot a condition still
 * shows nothing it should not.
 */
import type { CatalogField, CatalogItem, FieldCondition } from '../catalog';
import { shanghaiDate, type VisibleRecord } from '../records';
import { amountInWan } from './publicity.amounts';
import { maskIdNumber, maskIdsInText } from './publicity.masking';

export interface DepartmentName {
  readonly zh: string;
  readonly en: string;
}

export interface PublicField {
  readonly code: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly value: string;
  /** `万元` for amounts. */
  readonly unit: string | null;
  /** The dictionary label of an enum value (e.g. XK_ZT `0` → 正常). */
  readonly valueLabelZh: string | null;
  readonly valueLabelEn: string | null;
}

export interface PublicRecord {
  readonly id: string;
  readonly itemCode: string;
  readonly itemNameZh: string;
  readonly itemNameEn: string;
  readonly subject: {
    /** Null for natural persons: they have no public page. */
    readonly id: string | null;
    readonly name: string | null;
    readonly kind: string | null;
    readonly uscc: string | null;
  };
  readonly department: { readonly code: string; readonly nameZh: string; readonly nameEn: string };
  readonly decisionDate: string | null;
  /** The legal date (Asia/Shanghai) the record was published. */
  readonly publishedOn: string;
  /** The last day of publication (`max_end`); null: no end. */
  readonly publicationEnd: string | null;
  readonly fields: PublicField[];
}

const NATURAL_PERSON = '自然人';

const text = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length > 0 ? value.map(String).join('；') : null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
};

/** True when every condition holds for the payload (the catalog's `publicWhen`; none: false). */
export function conditionsHold(
  conditions: readonly FieldCondition[],
  payload: Readonly<Record<string, unknown>>,
): boolean {
  if (conditions.length === 0) return false;
  return conditions.every((c) => {
    const value = payload[c.field];
    if (!('in' in c)) return text(value) !== null;
    const values = Array.isArray(value) ? value.map(String) : text(value) === null ? [] : [text(value)!];
    return values.some((v) => c.in.includes(v));
  });
}

/** The item lets the public see this payload: 主动公开, or its public-when conditions hold. */
const disclosedBy = (item: Pick<CatalogItem, 'disclosure' | 'publicWhen'>, payload: Record<string, unknown>) =>
  item.disclosure === 'public' || conditionsHold(item.publicWhen, payload);

/**
 * The visibility rule. A record is public only when all hold:
 * - its item (the version it was recorded under, and the current version
 *   when given) is 主动公开, or its `publicWhen` conditions hold for the payload;
 * - it was published (`publishedAt` set) and its publication has not ended (`endedAt` null);
 * - its status is `active` (not withdrawn, repaired or expired);
 * - `today` (Asia/Shanghai) is on or before `maxEnd`, when it has one.
 */
export function isPubliclyVisible(
  record: VisibleRecord,
  item: Pick<CatalogItem, 'disclosure' | 'publicWhen'>,
  today: string,
  current?: Pick<CatalogItem, 'disclosure' | 'publicWhen'>,
): boolean {
  if (!disclosedBy(item, record.payload)) return false;
  if (current && !disclosedBy(current, record.payload)) return false;
  if (record.publication.publishedAt === null || record.publication.endedAt !== null) return false;
  if (record.status !== 'active') return false;
  if (record.publication.maxEnd !== null && today > record.publication.maxEnd) return false;
  return true;
}

/** A legal representative's document number is never public (only the counterpart's, masked). */
const isRepresentativeId = (field: CatalogField) => field.type === 'id_number' && field.code.includes('_FR_');

const shownField = (
  field: CatalogField,
  value: string,
  unit: string | null = null,
  valueLabelZh: string | null = null,
  valueLabelEn: string | null = null,
): PublicField => ({
  code: field.code,
  labelZh: field.labelZh,
  labelEn: field.labelEn,
  value,
  unit,
  valueLabelZh,
  valueLabelEn,
});

function presentField(field: CatalogField, raw: unknown): PublicField | null {
  if (isRepresentativeId(field)) return null;
  if (field.type === 'amount_wan') {
    const wan = amountInWan(raw);
    return wan === null ? null : shownField(field, wan, '万元');
  }
  const value = text(raw);
  if (value === null) return null;
  switch (field.type) {
    case 'id_number':
      return shownField(field, maskIdNumber(value));
    case 'enum': {
      const entry = field.dictionary?.find((d) => d.value === value);
      return shownField(field, value, null, entry?.labelZh ?? null, entry?.labelEn ?? null);
    }
    case 'uscc':
    case 'org_code':
    case 'registration_number':
      return shownField(field, value);
    case 'string':
    case 'text':
    case 'date':
    case 'integer':
    case 'decimal':
    case 'multi_enum':
    case 'boolean':
      return shownField(field, maskIdsInText(value));
  }
}

/**
 * The public shape of `record`, or null when the public may not see it.
 * `item` is the catalog item version the record was validated against (its
 * fields and labels); `current`, when given, is the item's current version,
 * whose disclosure must allow it too (an item made less public stops showing
 * its records at once).
 */
export function presentPublicRecord(
  record: VisibleRecord,
  item: CatalogItem,
  departmentName: DepartmentName | null,
  today: string,
  current?: CatalogItem,
): PublicRecord | null {
  if (item.code !== record.itemCode) return null;
  if (!isPubliclyVisible(record, item, today, current)) return null;
  const naturalPerson = record.subject.type === NATURAL_PERSON || record.subject.idNumberMasked !== null;
  const fields: PublicField[] = [];
  for (const field of item.fields) {
    const shown = presentField(field, record.payload[field.code]);
    if (shown) fields.push(shown);
  }
  return {
    id: record.id,
    itemCode: record.itemCode,
    itemNameZh: item.nameZh,
    itemNameEn: item.nameEn,
    subject: {
      id: naturalPerson ? null : record.subject.id,
      name: record.subject.name === null ? null : maskIdsInText(record.subject.name),
      kind: record.subject.type,
      uscc: naturalPerson ? null : record.subject.uscc,
    },
    department: {
      code: record.departmentCode,
      nameZh: departmentName?.zh ?? record.departmentCode,
      nameEn: departmentName?.en ?? record.departmentCode,
    },
    decisionDate: record.decisionDate,
    publishedOn: shanghaiDate(record.publication.publishedAt!),
    publicationEnd: record.publication.maxEnd,
    fields,
  };
}
