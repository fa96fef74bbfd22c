/**
 * Small builders that keep the seed definitions readable: one line per field.
 * They produce zod *input* (defaults omitted); the seed parses it like any
 * submitted definition.
 */
import type { z } from 'zod';
import type { conditionSchema, definitionSchema, fieldSchema, sharingSchema } from '../catalog.definition';
import {
  COUNTERPART_KINDS,
  ID_DOCUMENT_TYPES,
  NATURAL_PERSON_COUNTERPART,
  ORGANISATION_COUNTERPARTS,
} from '../catalog.dictionaries';
import type { DictionaryValue, FieldType, PenaltyRegime } from '../catalog.types';

export type FieldInput = z.input<typeof fieldSchema>;
export type ConditionInput = z.input<typeof conditionSchema>;
export type DefinitionInput = z.input<typeof definitionSchema>;
export type SharingInput = z.input<typeof sharingSchema>;

export interface SeedItem {
  readonly definition: DefinitionInput;
  readonly sharing: SharingInput;
}

type Extra = Omit<Partial<FieldInput>, 'code' | 'labelZh' | 'labelEn' | 'type'>;

export const R: Extra = { required: true };

export const field = (
  code: string,
  labelZh: string,
  labelEn: string,
  type: FieldType,
  extra: Extra = {},
): FieldInput => ({
  code,
  labelZh,
  labelEn,
  type,
  ...extra,
});

export const str = (code: string, zh: string, en: string, maxLength: number, extra: Extra = {}) =>
  field(code, zh, en, 'string', { maxLength, ...extra });
export const txt = (code: string, zh: string, en: string, maxLength: number, extra: Extra = {}) =>
  field(code, zh, en, 'text', { maxLength, ...extra });
export const date = (code: string, zh: string, en: string, extra: Extra = {}) => field(code, zh, en, 'date', extra);
export const uscc = (code: string, zh: string, en: string, extra: Extra = {}) => field(code, zh, en, 'uscc', extra);
export const idNumber = (code: string, zh: string, en: string, extra: Extra = {}) =>
  field(code, zh, en, 'id_number', { maxLength: 64, ...extra });
export const oneOf = (
  code: string,
  zh: string,
  en: string,
  dictionary: readonly DictionaryValue[],
  extra: Extra = {},
) => field(code, zh, en, 'enum', { dictionary: [...dictionary], ...extra });

/** A dictionary of plain values (no labels, no synonyms). */
export const words = (...values: string[]): DictionaryValue[] =>
  values.map((value) => ({ value, labelZh: null, labelEn: null, synonyms: [] }));

export const when = (field: string, ...values: string[]): ConditionInput[] => [{ field, in: values }];

/** A decision date: required, never in the future. */
export const decisionDate = (code: string, zh: string, en: string) =>
  date(code, zh, en, { required: true, notInFuture: true });

export const remarks = (): FieldInput => txt('BZ', '备注', 'Remarks', 512);

/**
 * The counterpart (行政相对人) block shared by penalties and licences (DOMAIN §3),
 * with its cross-field rules: organisations and individual businesses need a
 * USCC, natural persons an ID document and no organisation codes.
 */
export function counterpartFields(prefix: 'CF' | 'XK'): FieldInput[] {
  const kind = `${prefix}_XDR_LB`;
  const natural = when(kind, NATURAL_PERSON_COUNTERPART);
  const blankForPerson: Extra = { blankWhen: natural };
  return [
    str(`${prefix}_XDR_MC`, '行政相对人名称', 'Counterpart name', 200, R),
    oneOf(kind, '行政相对人类别', 'Counterpart kind', COUNTERPART_KINDS, R),
    uscc(`${prefix}_XDR_SHXYM`, '统一社会信用代码', 'Unified social credit code', {
      requiredWhen: when(kind, ...ORGANISATION_COUNTERPARTS),
      ...blankForPerson,
    }),
    field(`${prefix}_XDR_GSZC`, '工商注册号', 'Business registration number', 'registration_number', blankForPerson),
    field(`${prefix}_XDR_ZZJG`, '组织机构代码', 'Organisation code', 'org_code', blankForPerson),
    str(`${prefix}_XDR_SWDJ`, '税务登记号', 'Tax registration number', 20, blankForPerson),
    str(`${prefix}_XDR_SYDW`, '事业单位证书号', 'Public institution certificate number', 50, blankForPerson),
    str(`${prefix}_XDR_SHZZ`, '社会组织登记证号', 'Social organisation registration number', 50, blankForPerson),
    str(`${prefix}_FRDB`, '法定代表人', 'Legal representative', 50, { requiredWhen: when(kind, '法人及非法人组织') }),
    oneOf(`${prefix}_FR_ZJLX`, '法定代表人证件类型', "Legal representative's ID document type", ID_DOCUMENT_TYPES, {
      requiredWhen: [{ field: `${prefix}_FR_ZJHM`, present: true }],
    }),
    idNumber(`${prefix}_FR_ZJHM`, '法定代表人证件号码', "Legal representative's ID document number", {
      requiredWhen: [{ field: `${prefix}_FR_ZJLX`, present: true }],
    }),
    oneOf(`${prefix}_XDR_ZJLX`, '证件类型', 'ID document type', ID_DOCUMENT_TYPES, { requiredWhen: natural }),
    idNumber(`${prefix}_XDR_ZJHM`, '证件号码', 'ID document number', { requiredWhen: natural }),
  ];
}

/**
 * The subject block of the other items: name, kind (`<prefix>_ZTLB`), and
 * the identifier that kind needs.
 */
export function subjectFields(prefix: string, nameZh = '主体名称'): FieldInput[] {
  const kind = `${prefix}_ZTLB`;
  const natural = when(kind, NATURAL_PERSON_COUNTERPART);
  return [
    str(`${prefix}_ZTMC`, nameZh, 'Subject name', 200, R),
    oneOf(kind, '主体类别', 'Subject kind', COUNTERPART_KINDS, R),
    uscc(`${prefix}_TYSHXYDM`, '统一社会信用代码', 'Unified social credit code', {
      requiredWhen: when(kind, ...ORGANISATION_COUNTERPARTS),
      blankWhen: natural,
    }),
    oneOf(`${prefix}_ZJLX`, '证件类型', 'ID document type', ID_DOCUMENT_TYPES, { requiredWhen: natural }),
    idNumber(`${prefix}_ZJHM`, '证件号码', 'ID document number', { requiredWhen: natural }),
  ];
}

/** Name and USCC of an organisation-only subject (enterprises, taxpayers). */
export function organisationFields(prefix: string, nameZh: string, nameEn: string): FieldInput[] {
  return [
    str(`${prefix}_QYMC`, nameZh, nameEn, 200, R),
    uscc(`${prefix}_TYSHXYDM`, '统一社会信用代码', 'Unified social credit code', R),
  ];
}

/**
 * Publication periods of penalty records (DOMAIN §4). Regime in force since
 * 2026-04-01: minor normally unpublished (≤ 3 months), general 3–12 months,
 * serious 12–36 months. Records decided before it: 3 months – 3 years.
 */
export const PENALTY_REGIMES: readonly PenaltyRegime[] = [
  {
    effectiveFrom: null,
    basis: '2026年4月1日前作出的处罚决定：公示期最短3个月、最长3年',
    minor: { minMonths: 3, maxMonths: 36, publishedByDefault: true },
    general: { minMonths: 3, maxMonths: 36, publishedByDefault: true },
    serious: { minMonths: 3, maxMonths: 36, publishedByDefault: true },
  },
  {
    effectiveFrom: '2026-04-01',
    basis: '国办发〔2025〕22号；国家发展改革委信用修复管理办法',
    minor: { minMonths: 0, maxMonths: 3, publishedByDefault: false },
    general: { minMonths: 3, maxMonths: 12, publishedByDefault: true },
    serious: { minMonths: 12, maxMonths: 36, publishedByDefault: true },
  },
];

export const penaltyPeriod = (startField: string): DefinitionInput['publicationPeriod'] => ({
  kind: 'penalty_classified',
  startField,
  regimes: PENALTY_REGIMES.map((r) => ({ ...r })),
  unclassifiedAs: 'general',
});

/** C2 "share by default": every department, online and in bulk. */
export const SHARE_WITH_ALL: SharingInput = {
  type: 'unconditional',
  allDepartments: true,
  methods: ['online_query', 'bulk'],
};

export const shareOnCondition = (zh: string, en: string, departments?: string[]): SharingInput => ({
  type: 'conditional',
  condition: { zh, en },
  allDepartments: !departments,
  departments: departments ?? [],
  methods: ['online_query'],
});
