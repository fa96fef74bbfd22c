/**
 * District key domains run by market regulation (plan C1): the abnormal-
 * operation directory, food and drug sampling, product quality spot checks,
 * intellectual property and e-commerce.
 */
import {
  R,
  SHARE_WITH_ALL,
  date,
  decisionDate,
  field,
  oneOf,
  organisationFields,
  penaltyPeriod,
  remarks,
  str,
  subjectFields,
  txt,
  when,
  words,
  type SeedItem,
} from './builders';

const ORGANISATIONS = ['legal_person', 'other_org', 'individual_business'] as const;
const EVERYONE = ['legal_person', 'other_org', 'individual_business', 'natural_person'] as const;

export const MKT_ABNORMAL_OPERATION: SeedItem = {
  definition: {
    code: 'MKT_ABNORMAL_OPERATION',
    nameZh: '经营异常名录',
    nameEn: 'Abnormal-operation directory',
    category: 'abnormal_operation',
    conduct: {
      zh: '企业未按规定公示年度报告等情形被列入经营异常名录及移出情况',
      en: 'Enterprises placed in (and removed from) the abnormal-operation directory, e.g. for not publishing annual reports',
    },
    legalBasis: ['《企业信息公示暂行条例》', '《企业经营异常名录管理暂行办法》第四条'],
    providingDepartments: ['scjgj'],
    subjectKinds: [...ORGANISATIONS],
    fields: [
      ...organisationFields('YC', '企业名称', 'Enterprise name'),
      str('YC_LRWSH', '列入决定书文号', 'Listing decision number', 128, R),
      oneOf(
        'YC_LRYY',
        '列入经营异常名录原因',
        'Reason for listing',
        words(
          '未按照规定期限公示年度报告',
          '未在责令的期限内公示有关企业信息',
          '公示企业信息隐瞒真实情况、弄虚作假',
          '通过登记的住所或者经营场所无法联系',
        ),
        R,
      ),
      decisionDate('YC_LRRQ', '列入日期', 'Listed on'),
      str('YC_ZCJG', '作出决定机关', 'Deciding authority', 200, R),
      oneOf('YC_ZT', '状态', 'Status', words('列入', '已移出'), R),
      date('YC_YCRQ', '移出日期', 'Removed on', { requiredWhen: when('YC_ZT', '已移出') }),
      str('YC_YCYY', '移出原因', 'Reason for removal', 500, { requiredWhen: when('YC_ZT', '已移出') }),
      remarks(),
    ],
    collectionMethods: ['exchange', 'api', 'file'],
    updateFrequency: 'daily',
    disclosure: 'public',
    // Published until removed: the removal date is the end; none yet means still listed.
    publicationPeriod: { kind: 'validity', startField: 'YC_LRRQ', endField: 'YC_YCRQ' },
    retentionYears: 5,
    identityKey: ['YC_LRWSH', 'YC_TYSHXYDM'],
  },
  sharing: SHARE_WITH_ALL,
};

export const FOOD_DRUG_SAMPLING: SeedItem = {
  definition: {
    code: 'FOOD_DRUG_SAMPLING',
    nameZh: '食品药品监督抽检不合格信息',
    nameEn: 'Food and drug sampling failures',
    category: 'administrative_management',
    conduct: {
      zh: '食品、药品、医疗器械、化妆品监督抽检中检验不合格的产品及其处置',
      en: 'Food, drugs, medical devices and cosmetics that failed official sampling, and how they were handled',
    },
    legalBasis: ['《中华人民共和国食品安全法》', '《中华人民共和国药品管理法》'],
    providingDepartments: ['scjgj'],
    subjectKinds: [...ORGANISATIONS],
    fields: [
      ...organisationFields('SP', '被抽样单位名称', 'Sampled business'),
      oneOf('SP_CPLB', '产品类别', 'Product category', words('食品', '食用农产品', '药品', '医疗器械', '化妆品'), R),
      str('SP_CPMC', '产品名称', 'Product', 200, R),
      str('SP_GGXH', '规格型号', 'Specification', 100),
      str('SP_SCPH', '生产日期或批号', 'Production date or batch', 100),
      decisionDate('SP_CYRQ', '抽样日期', 'Sampled on'),
      txt('SP_BHGXM', '不合格项目', 'Failed items', 1000, R),
      str('SP_JYJG', '检验机构', 'Testing body', 200, R),
      str('SP_JYBGBH', '检验报告编号', 'Test report number', 64, R),
      txt('SP_HCCZ', '核查处置情况', 'Follow-up and handling', 2000),
      remarks(),
    ],
    collectionMethods: ['api', 'file'],
    updateFrequency: 'weekly',
    disclosure: 'public',
    publicationPeriod: { kind: 'fixed', startField: 'SP_CYRQ', months: 12 },
    retentionYears: 5,
    identityKey: ['SP_JYBGBH'],
  },
  sharing: SHARE_WITH_ALL,
};

export const QUALITY_SPOT_CHECK: SeedItem = {
  definition: {
    code: 'QUALITY_SPOT_CHECK',
    nameZh: '产品质量监督抽查',
    nameEn: 'Product quality spot check',
    category: 'administrative_management',
    conduct: {
      zh: '产品质量国家、市、区监督抽查的结论',
      en: 'Conclusions of national, municipal and district product quality spot checks',
    },
    legalBasis: ['《中华人民共和国产品质量法》第十五条'],
    providingDepartments: ['scjgj'],
    subjectKinds: [...ORGANISATIONS],
    fields: [
      ...organisationFields('ZL', '受检企业名称', 'Inspected enterprise'),
      str('ZL_CCPC', '抽查批次', 'Spot-check round', 200, R),
      str('ZL_CPMC', '产品名称', 'Product', 200, R),
      str('ZL_GGXH', '规格型号', 'Specification', 100),
      decisionDate('ZL_CCRQ', '抽查日期', 'Checked on'),
      oneOf('ZL_CCJL', '抽查结论', 'Conclusion', words('合格', '不合格'), R),
      txt('ZL_BHGXM', '不合格项目', 'Failed items', 1000, { requiredWhen: when('ZL_CCJL', '不合格') }),
      str('ZL_JYBGBH', '检验报告编号', 'Test report number', 64, R),
      remarks(),
    ],
    collectionMethods: ['api', 'file'],
    updateFrequency: 'quarterly',
    disclosure: 'public',
    publicationPeriod: { kind: 'fixed', startField: 'ZL_CCRQ', months: 12 },
    retentionYears: 5,
    identityKey: ['ZL_JYBGBH'],
  },
  sharing: SHARE_WITH_ALL,
};

export const IP_INFRINGEMENT: SeedItem = {
  definition: {
    code: 'IP_INFRINGEMENT',
    nameZh: '知识产权侵权假冒',
    nameEn: 'Intellectual property infringement and counterfeiting',
    category: 'intellectual_property',
    conduct: {
      zh: '经行政处理认定的专利、商标、著作权等侵权假冒行为及非正常专利申请、恶意商标注册',
      en: 'Patent, trademark and copyright infringement or counterfeiting found by administrative decision, abnormal patent and bad-faith trademark filings',
    },
    legalBasis: ['《中华人民共和国专利法》', '《中华人民共和国商标法》', '《中华人民共和国著作权法》'],
    providingDepartments: ['scjgj', 'whlyj'],
    subjectKinds: [...EVERYONE],
    fields: [
      ...subjectFields('ZC'),
      oneOf('ZC_QLLX', '权利类型', 'Right', words('专利', '商标', '著作权', '地理标志', '其他'), R),
      oneOf(
        'ZC_WFXW',
        '行为类型',
        'Conduct',
        words('假冒专利', '专利侵权', '商标侵权', '著作权侵权', '非正常专利申请', '恶意商标注册申请', '其他'),
        R,
      ),
      txt('ZC_SS', '事实', 'Facts', 4000, R),
      str('ZC_CLJDWH', '处理决定文号', 'Decision number', 128, R),
      decisionDate('ZC_CLRQ', '处理决定日期', 'Decision date'),
      str('ZC_CLJG', '处理机关', 'Deciding authority', 200, R),
      remarks(),
    ],
    collectionMethods: ['api', 'file', 'form'],
    updateFrequency: 'weekly',
    disclosure: 'public',
    publicationPeriod: { kind: 'fixed', startField: 'ZC_CLRQ', months: 36 },
    retentionYears: 5,
    identityKey: ['ZC_CLJDWH'],
  },
  sharing: SHARE_WITH_ALL,
};

export const ECOMMERCE_VIOLATION: SeedItem = {
  definition: {
    code: 'ECOMMERCE_VIOLATION',
    nameZh: '电子商务经营者违法失信',
    nameEn: 'E-commerce operator violations',
    category: 'law_compliance',
    conduct: {
      zh: '电子商务平台内经营者及平台经营者经查实的违法失信行为',
      en: 'Proven violations by e-commerce platforms and the businesses on them',
    },
    legalBasis: ['《中华人民共和国电子商务法》', '《网络交易监督管理办法》'],
    providingDepartments: ['scjgj'],
    subjectKinds: [...EVERYONE],
    fields: [
      ...subjectFields('DS', '经营者名称'),
      str('DS_PTMC', '所在平台', 'Platform', 200, R),
      str('DS_DPMC', '店铺名称', 'Shop name', 200),
      oneOf(
        'DS_WFXW',
        '违法行为',
        'Violation',
        words('未依法公示营业执照信息', '虚假宣传', '刷单炒信', '销售假冒伪劣商品', '侵害消费者个人信息', '其他'),
        R,
      ),
      txt('DS_SS', '违法事实', 'Facts', 4000, R),
      str('DS_CLJDWH', '处理决定文号', 'Decision number', 128, R),
      decisionDate('DS_CLRQ', '处理日期', 'Decision date'),
      txt('DS_CLJG', '处理结果', 'Outcome', 2000, R),
      field('DS_FKJE', '罚款金额(万元)', 'Fine (10,000 yuan)', 'amount_wan'),
      str('DS_CLJGMC', '处理机关', 'Deciding authority', 200, R),
      remarks(),
    ],
    collectionMethods: ['api', 'file'],
    updateFrequency: 'weekly',
    disclosure: 'public',
    publicationPeriod: penaltyPeriod('DS_CLRQ'),
    retentionYears: 5,
    identityKey: ['DS_CLJDWH'],
  },
  sharing: SHARE_WITH_ALL,
};
