/**
 * The sample row of a template: realistic, valid against the definition, and
 * unmistakably an example — names and document numbers say 示例 and the
 * identifiers embed EXAMPLE — so that a clerk who forgets to delete it cannot
 * publish a penalty against a real company.
 */
import type { CatalogField, CatalogItemDefinition, FieldCondition } from '../../catalog';
import { computeOrgCodeCheck, computeUsccCheck } from '../../subjects';
import { findDatePairs } from './definition-links';

const withOrgCode = (prefix8: string, orgBody8: string): string => {
  const body17 = prefix8 + orgBody8 + computeOrgCodeCheck(orgBody8);
  return body17 + computeUsccCheck(body17);
};

/** 9 (market regulation) 1 (enterprise), Haidian 110108, organisation part EXAMPLE0. */
export const SAMPLE_COMPANY_USCC = withOrgCode('91110108', 'EXAMPLE0');
/** 1 (机构编制) 1 (机关), Haidian 110108, organisation part EXAMPLE1. */
export const SAMPLE_AUTHORITY_USCC = withOrgCode('11110108', 'EXAMPLE1');
export const SAMPLE_ORG_CODE = `EXAMPLE0-${computeOrgCodeCheck('EXAMPLE0')}`;
/** DOMAIN §1's computed example registration number and GB 11643's own example ID. */
export const SAMPLE_REGISTRATION_NUMBER = '110108000000016';
export const SAMPLE_CITIZEN_ID = '11010519491231002X';

const SAMPLE_DATE = '2024-03-05';
const SAMPLE_END_DATE = '2029-03-04';
const AUTHORITY = '北京市海淀区市场监督管理局';

/** Realistic values of the exchange-standard fields, by code or code suffix. */
const BY_CODE: Readonly<Record<string, string>> = {
  CF_WSH: '示例-京海市监罚〔2024〕12号',
  CF_WFXW: '未按规定公示年度报告',
  CF_SY: '经查，当事人未按规定期限公示 2023 年度报告。',
  CF_YJ: '《企业信息公示暂行条例》第十八条',
  CF_CFLB: '警告;罚款',
  CF_NR: '警告，并处罚款人民币伍仟元整',
  CF_NR_FK: '0.5',
  XK_XKWS: '食品经营许可决定书',
  XK_WSH: '示例-京海市监许〔2024〕34号',
  XK_NR: '预包装食品销售',
  XK_ZT: '0',
};

const BY_SUFFIX: ReadonlyArray<readonly [string, string]> = [
  ['_XDR_MC', '示例：北京某某科技有限公司'],
  ['_ZTMC', '示例：北京某某科技有限公司'],
  ['_QYMC', '示例：北京某某科技有限公司'],
  ['_FRDB', '张三'],
  ['_CFJG', AUTHORITY],
  ['_XKJG', AUTHORITY],
  ['_SJLY', AUTHORITY],
  ['_LYDW', AUTHORITY],
  // Deciding authorities and data sources: a government body's code.
  ['JGDM', SAMPLE_AUTHORITY_USCC],
  ['SJLYDM', SAMPLE_AUTHORITY_USCC],
  ['LYDWDM', SAMPLE_AUTHORITY_USCC],
];

function truncate(text: string, max: number | null): string {
  if (max === null) return text;
  return [...text].slice(0, max).join('');
}

function byType(field: CatalogField, endDates: ReadonlySet<string>): string {
  switch (field.type) {
    case 'string':
    case 'text':
      return truncate(`示例${field.labelZh}`, field.maxLength);
    case 'date':
      return endDates.has(field.code) ? SAMPLE_END_DATE : SAMPLE_DATE;
    case 'integer':
      return '1';
    case 'decimal':
      return '85.5';
    case 'amount_wan':
      return '0.5';
    case 'boolean':
      return '否';
    case 'enum':
    case 'multi_enum':
      return field.dictionary?.[0]?.value ?? '';
    case 'uscc':
      return SAMPLE_COMPANY_USCC;
    case 'org_code':
      return SAMPLE_ORG_CODE;
    case 'registration_number':
      return SAMPLE_REGISTRATION_NUMBER;
    case 'id_number':
      return SAMPLE_CITIZEN_ID;
  }
}

function sampleValue(field: CatalogField, endDates: ReadonlySet<string>): string {
  const known = BY_CODE[field.code] ?? BY_SUFFIX.find(([suffix]) => field.code.endsWith(suffix))?.[1];
  // A known value is used only where it fits the field (a seed may reuse a suffix for another type).
  if (known !== undefined && (field.type === 'string' || field.type === 'text' || field.type === 'uscc')) {
    return truncate(known, field.maxLength);
  }
  if (known !== undefined && (field.type === 'multi_enum' || field.type === 'enum' || field.type === 'amount_wan')) {
    return known;
  }
  return byType(field, endDates);
}

function holds(condition: FieldCondition, row: Readonly<Record<string, string>>): boolean {
  const value = row[condition.field];
  if (value === undefined) return false;
  if (!('in' in condition)) return true;
  return value.split(';').some((v) => condition.in.includes(v));
}

const allHold = (conditions: readonly FieldCondition[], row: Readonly<Record<string, string>>): boolean =>
  conditions.length > 0 && conditions.every((c) => holds(c, row));

/**
 * A valid sample row by field code: every required field, then every field a
 * condition makes required, until nothing changes; fields a condition wants
 * blank stay blank.
 */
export function sampleRow(definition: CatalogItemDefinition): Record<string, string> {
  const endDates = new Set(findDatePairs(definition).map((p) => p.end.code));
  const fields = definition.fields.filter((f) => !f.derived);
  const row: Record<string, string> = {};
  for (let changed = true; changed;) {
    changed = false;
    for (const field of fields) {
      if (field.code in row || allHold(field.blankWhen, row)) continue;
      if (field.required || allHold(field.requiredWhen, row)) {
        row[field.code] = sampleValue(field, endDates);
        changed = true;
      }
    }
  }
  return row;
}
