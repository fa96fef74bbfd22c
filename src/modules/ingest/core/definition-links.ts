/**
 * Relations between fields that validation needs but the catalog model does
 * not state outright:
 *
 * - which 证件类型 field says what kind of document an `id_number` field
 *   holds — by the exchange naming convention (`…_ZJHM` ↔ `…_ZJLX`), or else
 *   by a `present` condition linking an id_number to an ID-type enum;
 * - which date fields form an "end ≥ start" pair — from the definition's
 *   `validity` publication rule (startField/endField), the 有效期自/有效期至
 *   naming convention (`X_YXQZ` ↔ `X_YXQZI`), and a small table of known
 *   pairs keyed by field code (a penalty's 处罚有效期 is not before its decision).
 *
 * When the catalog gains explicit links, this file is the one to replace.
 */
import type { CatalogField, CatalogItemDefinition, FieldCondition } from '../../catalog';
import type { LocalizedText } from '../../../platform/errors';

export interface DatePair {
  readonly start: CatalogField;
  readonly end: CatalogField;
}

/** End ≥ start pairs the definitions do not express; codes from the exchange standard (DOMAIN §3). */
export const KNOWN_DATE_PAIRS: readonly { readonly start: string; readonly end: string }[] = [
  { start: 'CF_JDRQ', end: 'CF_YXQ' },
];

const ID_DOCUMENT_MARKER = '身份证';

const isIdTypeField = (field: CatalogField | undefined): field is CatalogField =>
  field?.type === 'enum' && (field.dictionary ?? []).some((v) => v.value === ID_DOCUMENT_MARKER);

/** id_number field code → the code of the enum field holding its document type. */
export function findIdTypeFields(definition: CatalogItemDefinition): Map<string, string> {
  const byCode = new Map(definition.fields.map((f) => [f.code, f]));
  const links = new Map<string, string>();
  for (const field of definition.fields) {
    if (field.type !== 'id_number') continue;
    const byName = field.code.endsWith('ZJHM') ? byCode.get(`${field.code.slice(0, -4)}ZJLX`) : undefined;
    if (isIdTypeField(byName)) {
      links.set(field.code, byName.code);
      continue;
    }
    const referenced = field.requiredWhen
      .filter((c) => 'present' in c)
      .map((c) => byCode.get(c.field))
      .find(isIdTypeField);
    const referencing = definition.fields.find(
      (f) => isIdTypeField(f) && f.requiredWhen.some((c) => 'present' in c && c.field === field.code),
    );
    const type = referenced ?? referencing;
    if (type) links.set(field.code, type.code);
  }
  return links;
}

export function findDatePairs(definition: CatalogItemDefinition): DatePair[] {
  const byCode = new Map(definition.fields.map((f) => [f.code, f]));
  const candidates: { start: string; end: string }[] = [...KNOWN_DATE_PAIRS];
  const rule = definition.publicationPeriod;
  if (rule.kind === 'validity' && rule.startField) candidates.push({ start: rule.startField, end: rule.endField });
  for (const field of definition.fields) {
    if (field.code.endsWith('_YXQZ')) candidates.push({ start: field.code, end: `${field.code}I` });
  }
  const pairs: DatePair[] = [];
  const seen = new Set<string>();
  for (const { start, end } of candidates) {
    const a = byCode.get(start);
    const b = byCode.get(end);
    const key = `${start}>${end}`;
    if (a?.type !== 'date' || b?.type !== 'date' || seen.has(key)) continue;
    seen.add(key);
    pairs.push({ start: a, end: b });
  }
  return pairs;
}

/** Bilingual text of "every condition holds", for required-when and blank-when reasons. */
export function describeConditions(
  definition: CatalogItemDefinition,
  conditions: readonly FieldCondition[],
): LocalizedText {
  const byCode = new Map(definition.fields.map((f) => [f.code, f]));
  const parts = conditions.map((condition) => {
    const target = byCode.get(condition.field);
    const zhName = target?.labelZh ?? condition.field;
    const enName = target ? `${target.labelZh} (${target.code})` : condition.field;
    if (!('in' in condition)) return { zh: `${zhName}已填写`, en: `${enName} is filled in` };
    return {
      zh: `${zhName}为${condition.in.map((v) => `“${v}”`).join('或')}`,
      en: `${enName} is ${condition.in.join(' or ')}`,
    };
  });
  return { zh: parts.map((p) => p.zh).join('且'), en: parts.map((p) => p.en).join(' and ') };
}
