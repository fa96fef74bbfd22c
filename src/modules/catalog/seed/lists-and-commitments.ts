/**
 * Red and black list entries (DOMAIN §5), credit commitments (§7) and
 * double-random inspection results (§8).
 */
import { OPEN_END_DATE } from '../catalog.dictionaries';
import {
  R,
  SHARE_WITH_ALL,
  date,
  decisionDate,
  oneOf,
  remarks,
  str,
  subjectFields,
  txt,
  uscc,
  when,
  words,
  type FieldInput,
  type SeedItem,
} from './builders';

const LIST_LEGAL_BASIS = [
  '《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）',
];

/**
 * The fields of a list entry. A 认定文号 may cover several subjects, so the
 * subject's name is part of the identity key.
 */
function listEntryFields(listTypes: string[]): FieldInput[] {
  return [
    oneOf('MD_MDLX', '名单类型', 'List type', words(...listTypes), R),
    ...subjectFields('MD'),
    txt('MD_LRYY', '列入原因', 'Reason for listing', 2000, R),
    str('MD_RDWH', '认定文号', 'Basis document number', 128, R),
    str('MD_RDBM', '认定部门', 'Deciding department', 200, R),
    uscc('MD_RDBMDM', '认定部门统一社会信用代码', "Deciding department's USCC"),
    decisionDate('MD_RDRQ', '认定日期', 'Decided on'),
    date('MD_YXQZ', '有效期自', 'Valid from', R),
    date('MD_YXQZI', '有效期至', 'Valid until', {
      required: true,
      description: `${OPEN_END_DATE} 表示长期有效 / ${OPEN_END_DATE} means no end`,
    }),
    oneOf('MD_ZT', '状态', 'Status', words('有效', '已移出', '已撤销'), R),
    date('MD_YCRQ', '移出日期', 'Removed on', { requiredWhen: when('MD_ZT', '已移出', '已撤销') }),
    remarks(),
  ];
}

const listPeriod = { kind: 'validity', startField: 'MD_YXQZ', endField: 'MD_YXQZI' } as const;

export const RED_LIST: SeedItem = {
  definition: {
    code: 'RED_LIST',
    nameZh: '守信红名单',
    nameEn: 'Red list (trustworthy) entries',
    category: 'honours',
    conduct: {
      zh: '依据法律法规或中央政策文件认定的守信激励对象',
      en: 'Subjects recognised as trustworthy under a law or central policy document',
    },
    legalBasis: [...LIST_LEGAL_BASIS, '《纳税信用管理办法》'],
    providingDepartments: ['fgw', 'swj', 'scjgj'],
    subjectKinds: ['legal_person', 'other_org', 'individual_business', 'natural_person'],
    fields: listEntryFields(['纳税信用A级纳税人', '守合同重信用企业', '诚信示范企业']),
    collectionMethods: ['exchange', 'file', 'api'],
    updateFrequency: 'on_change',
    disclosure: 'public',
    publicationPeriod: listPeriod,
    retentionYears: 5,
    identityKey: ['MD_MDLX', 'MD_RDWH', 'MD_ZTMC'],
  },
  sharing: SHARE_WITH_ALL,
};

export const BLACK_LIST: SeedItem = {
  definition: {
    code: 'BLACK_LIST',
    nameZh: '失信黑名单',
    nameEn: 'Black list (serious dishonesty) entries',
    category: 'serious_dishonesty',
    conduct: {
      zh: '依据法律法规或中央政策文件认定的严重失信主体',
      en: 'Subjects found seriously dishonest under a law or central policy document',
    },
    legalBasis: [
      ...LIST_LEGAL_BASIS,
      '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
      '《市场监督管理严重违法失信名单管理办法》',
      '《重大税收违法失信主体信息公布管理办法》',
    ],
    providingDepartments: ['fgw', 'fy', 'scjgj', 'swj'],
    subjectKinds: ['legal_person', 'other_org', 'individual_business', 'natural_person'],
    fields: listEntryFields(['失信被执行人', '市场监督管理严重违法失信名单', '重大税收违法失信主体']),
    collectionMethods: ['exchange', 'file', 'api'],
    updateFrequency: 'on_change',
    disclosure: 'public',
    publicationPeriod: listPeriod,
    retentionYears: 5,
    identityKey: ['MD_MDLX', 'MD_RDWH', 'MD_ZTMC'],
  },
  sharing: SHARE_WITH_ALL,
};

export const COMMITMENT: SeedItem = {
  definition: {
    code: 'COMMITMENT',
    nameZh: '信用承诺',
    nameEn: 'Credit commitment',
    category: 'commitment',
    conduct: {
      zh: '市场主体在行政审批、资金申请等事项中作出的公开信用承诺及其履行情况',
      en: 'Public credit commitments made in approvals, funding applications and other matters, and how they were kept',
    },
    legalBasis: [
      '《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）',
    ],
    providingDepartments: ['fgw', 'scjgj', 'swj', 'zjw', 'kxc', 'rsj', 'whlyj', 'jw', 'mzj'],
    subjectKinds: ['legal_person', 'other_org', 'individual_business', 'natural_person'],
    fields: [
      str('CN_CNBH', '承诺书编号', 'Commitment number', 64, R),
      oneOf(
        'CN_CNLX',
        '承诺类型',
        'Commitment type',
        [
          { value: '告知承诺', labelZh: null, labelEn: 'Approval-replacing', synonyms: ['审批替代型'] },
          { value: '自愿承诺', labelZh: null, labelEn: 'Voluntary', synonyms: ['主动型'] },
          { value: '行业自律承诺', labelZh: null, labelEn: 'Industry self-discipline', synonyms: ['行业自律型'] },
          { value: '信用修复承诺', labelZh: null, labelEn: 'Credit repair', synonyms: ['信用修复型'] },
        ],
        R,
      ),
      str('CN_CNSX', '承诺事项', 'Matter', 500, R),
      str('CN_MBBB', '承诺书模板版本', 'Template version', 50, R),
      ...subjectFields('CN', '承诺主体名称'),
      str('CN_QSR', '签署人', 'Signatory', 50, R),
      decisionDate('CN_CNRQ', '承诺日期', 'Signed on'),
      date('CN_YXQZ', '有效期自', 'Valid from', R),
      date('CN_YXQZI', '有效期至', 'Valid until', R),
      txt('CN_CNNR', '承诺内容', 'Commitment text', 8000, R),
      oneOf('CN_ZT', '履约状态', 'Status', words('有效', '已履行', '已违诺', '已撤回'), R),
      str('CN_SLBM', '受理部门', 'Receiving department', 200, R),
      remarks(),
    ],
    collectionMethods: ['form', 'api', 'file'],
    updateFrequency: 'realtime',
    disclosure: 'public',
    publicationPeriod: { kind: 'validity', startField: 'CN_YXQZ', endField: 'CN_YXQZI' },
    retentionYears: 5,
    identityKey: ['CN_CNBH'],
  },
  sharing: SHARE_WITH_ALL,
};

const INSPECTION_RESULTS = [
  '未发现问题',
  '发现问题已责令改正',
  '发现问题待后续处理',
  '未按规定公示应当公示的信息',
  '公示信息隐瞒真实情况、弄虚作假',
  '通过登记的住所（经营场所）无法联系',
  '不配合检查情节严重',
  '未发现开展本次抽查涉及的经营活动',
  '其他',
];

export const INSPECTION_RESULT: SeedItem = {
  definition: {
    code: 'INSPECTION_RESULT',
    nameZh: '双随机抽查结果',
    nameEn: 'Double-random inspection result',
    category: 'administrative_management',
    conduct: {
      zh: '“双随机、一公开”抽查中对被抽中主体的检查结果',
      en: 'Results of "double random, one public" inspections of the subjects drawn',
    },
    legalBasis: ['《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）'],
    providingDepartments: ['scjgj', 'sthjj', 'yjglj', 'wsjkw', 'zjw', 'cgzfj', 'whlyj', 'swj'],
    subjectKinds: ['legal_person', 'other_org', 'individual_business', 'natural_person'],
    fields: [
      str('CC_JHBH', '抽查计划编号', 'Plan number', 64, R),
      str('CC_JHMC', '抽查计划名称', 'Plan name', 200, R),
      str('CC_JLBH', '检查记录编号', 'Inspection record number', 64, R),
      str('CC_CCSX', '抽查事项', 'Inspection item', 500, R),
      ...subjectFields('CC', '被检查主体名称'),
      str('CC_JCBM', '检查部门', "Inspectors' department", 200, R),
      uscc('CC_JCBMDM', '检查部门统一社会信用代码', "Inspectors' department's USCC"),
      decisionDate('CC_JCRQ', '检查日期', 'Inspected on'),
      oneOf('CC_JCJG', '检查结果', 'Result', words(...INSPECTION_RESULTS), R),
      txt('CC_CLQK', '后续处理情况', 'Handling', 2000, {
        requiredWhen: when('CC_JCJG', '发现问题已责令改正', '发现问题待后续处理'),
      }),
      remarks(),
    ],
    collectionMethods: ['api', 'file', 'form'],
    updateFrequency: 'on_change',
    disclosure: 'public',
    publicationPeriod: { kind: 'fixed', startField: 'CC_JCRQ', months: 36 },
    retentionYears: 5,
    identityKey: ['CC_JHBH', 'CC_JLBH'],
  },
  sharing: SHARE_WITH_ALL,
};
