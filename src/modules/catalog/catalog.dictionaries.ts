/**
 * Reference dictionaries of the catalog: the 13 categories of the national
 * basic catalog (2024 edition) and the value lists of the double-publicity
 * exchange standard (DOMAIN §3). Plain data, so a deployment changes data,
 * not code.
 */
import type {
  CatalogCategory,
  CollectionMethod,
  DictionaryValue,
  Disclosure,
  LocalizedNote,
  SharingMethod,
  SharingType,
  UpdateFrequency,
} from './catalog.types';

export const CATALOG_CATEGORIES: readonly CatalogCategory[] = [
  { code: 'registration_basics', seq: 1, nameZh: '登记注册基本信息', nameEn: 'Registration basics' },
  { code: 'judicial', seq: 2, nameZh: '司法裁判及执行信息', nameEn: 'Judicial rulings and enforcement' },
  {
    code: 'administrative_management',
    seq: 3,
    nameZh: '行政管理信息（行政许可、行政处罚、行政强制、行政检查等）',
    nameEn: 'Administrative management (licensing, penalties, enforcement, inspections)',
  },
  {
    code: 'titles_qualifications',
    seq: 4,
    nameZh: '职称和职业资格信息',
    nameEn: 'Professional titles and qualifications',
  },
  { code: 'abnormal_operation', seq: 5, nameZh: '经营异常名录（状态）信息', nameEn: 'Abnormal-operation lists' },
  { code: 'serious_dishonesty', seq: 6, nameZh: '严重失信主体名单信息', nameEn: 'Serious-dishonesty lists' },
  { code: 'contract_performance', seq: 7, nameZh: '合同履行信息', nameEn: 'Contract performance' },
  {
    code: 'commitment',
    seq: 8,
    nameZh: '信用承诺及履行情况信息',
    nameEn: 'Credit commitments and their performance',
  },
  { code: 'credit_evaluation', seq: 9, nameZh: '信用评价结果信息', nameEn: 'Credit evaluations' },
  { code: 'honours', seq: 10, nameZh: '诚实守信相关荣誉信息', nameEn: 'Honours' },
  { code: 'law_compliance', seq: 11, nameZh: '遵守法律法规情况信息', nameEn: 'Compliance with laws' },
  { code: 'intellectual_property', seq: 12, nameZh: '知识产权信息', nameEn: 'Intellectual property' },
  { code: 'other', seq: 13, nameZh: '其他信息', nameEn: 'Other' },
];

const values = (...list: Array<string | [string, string[]]>): DictionaryValue[] =>
  list.map((entry) =>
    typeof entry === 'string'
      ? { value: entry, labelZh: null, labelEn: null, synonyms: [] }
      : { value: entry[0], labelZh: null, labelEn: null, synonyms: entry[1] },
  );

/** 处罚类别: the 14 kinds of administrative penalty (行政处罚法 art. 9 and the exchange standard). */
export const PENALTY_KINDS: readonly DictionaryValue[] = values(
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '行政拘留',
  '其他',
);

/** 行政相对人类别; older exchange files say 法人及其他组织. */
export const COUNTERPART_KINDS: readonly DictionaryValue[] = values(
  ['法人及非法人组织', ['法人及其他组织']],
  '自然人',
  '个体工商户',
);

/** Values of 行政相对人类别 meaning an organisation or an individual business (USCC required). */
export const ORGANISATION_COUNTERPARTS: readonly string[] = ['法人及非法人组织', '个体工商户'];
export const NATURAL_PERSON_COUNTERPART = '自然人';

/** 许可类别. */
export const LICENCE_KINDS: readonly DictionaryValue[] = values('普通', '特许', '认可', '核准', '登记', '其他');

/** 证件类型, with the names older systems use for the same documents. */
export const ID_DOCUMENT_TYPES: readonly DictionaryValue[] = values(
  ['身份证', ['居民身份证', '中华人民共和国居民身份证', '二代身份证']],
  ['护照号', ['护照']],
  ['港澳居民来往内地通行证', ['回乡证']],
  ['台湾居民来往大陆通行证', ['台胞证']],
  ['外国人永久居留身份证', ['外国人永久居留证']],
);

/** 当前状态 of a licence: codes 0–3, the Chinese words accepted as synonyms. */
export const LICENCE_STATUSES: readonly DictionaryValue[] = [
  { value: '0', labelZh: '正常', labelEn: 'In force', synonyms: ['正常'] },
  { value: '1', labelZh: '撤销', labelEn: 'Revoked', synonyms: ['撤销'] },
  { value: '2', labelZh: '异议', labelEn: 'Under objection', synonyms: ['异议'] },
  { value: '3', labelZh: '其他', labelEn: 'Other', synonyms: ['其他'] },
];

/** Separators of multi-valued cells in exchange files; the first is written, all are read. */
export const MULTI_VALUE_SEPARATORS: readonly string[] = [';', '；', '、', ',', '，'];

/** The end date meaning "no end" in exchange files. */
export const OPEN_END_DATE = '9999-12-31';

export const DISCLOSURE_LABELS: Readonly<Record<Disclosure, LocalizedNote>> = {
  public: { zh: '主动公开', en: 'Public' },
  authorised: { zh: '授权查询', en: "On the subject's authorisation" },
  government: { zh: '政务共享', en: 'Government only' },
};

export const COLLECTION_METHOD_LABELS: Readonly<Record<CollectionMethod, LocalizedNote>> = {
  api: { zh: '接口', en: 'API' },
  file: { zh: '文件', en: 'File' },
  form: { zh: '表单填报', en: 'Form' },
  exchange: { zh: '平台交换', en: 'Exchange' },
};

export const UPDATE_FREQUENCY_LABELS: Readonly<Record<UpdateFrequency, LocalizedNote>> = {
  realtime: { zh: '实时', en: 'Real time' },
  daily: { zh: '每日', en: 'Daily' },
  weekly: { zh: '每周', en: 'Weekly' },
  monthly: { zh: '每月', en: 'Monthly' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
  yearly: { zh: '每年', en: 'Yearly' },
  on_change: { zh: '变化时', en: 'On change' },
};

export const SHARING_TYPE_LABELS: Readonly<Record<SharingType, LocalizedNote>> = {
  unconditional: { zh: '无条件共享', en: 'Unconditional' },
  conditional: { zh: '有条件共享', en: 'Conditional' },
  none: { zh: '不予共享', en: 'Not shared' },
};

export const SHARING_METHOD_LABELS: Readonly<Record<SharingMethod, LocalizedNote>> = {
  online_query: { zh: '在线查询', en: 'Online query' },
  bulk: { zh: '批量交换', en: 'Bulk' },
  push: { zh: '主动推送', en: 'Push' },
};
