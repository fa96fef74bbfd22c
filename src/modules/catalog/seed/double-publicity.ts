/**
 * 行政处罚 and 行政许可: the double-publicity items, field for field the
 * exchange standard of DOMAIN §3 (codes, Chinese labels, order, required and
 * conditional rules). Where DOMAIN abbreviates a label in context ("its
 * USCC", "文书号"), the full label of the exchange standard is used so that
 * every label is unique within the item, as Chinese column headers must be.
 */
import {
  LICENCE_KINDS,
  LICENCE_STATUSES,
  MULTI_VALUE_SEPARATORS,
  OPEN_END_DATE,
  PENALTY_KINDS,
} from '../catalog.dictionaries';
import {
  R,
  SHARE_WITH_ALL,
  counterpartFields,
  date,
  decisionDate,
  field,
  oneOf,
  penaltyPeriod,
  remarks,
  str,
  txt,
  uscc,
  when,
  type SeedItem,
} from './builders';

const ALL_DEPARTMENTS = [
  'fgw',
  'scjgj',
  'swj',
  'sthjj',
  'kxc',
  'zjw',
  'yjglj',
  'wsjkw',
  'rsj',
  'cgzfj',
  'whlyj',
  'jw',
  'mzj',
  'czj',
  'jrb',
  'gafj',
  'sfj',
];

export const ADM_PENALTY: SeedItem = {
  definition: {
    code: 'ADM_PENALTY',
    nameZh: '行政处罚',
    nameEn: 'Administrative penalty',
    category: 'administrative_management',
    conduct: {
      zh: '行政机关依法对违反行政管理秩序的公民、法人或者其他组织作出的行政处罚决定',
      en: 'Administrative penalty decisions against citizens, legal persons or other organisations that broke administrative rules',
    },
    legalBasis: [
      '《中华人民共和国行政处罚法》第四十八条',
      '《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）',
    ],
    providingDepartments: ALL_DEPARTMENTS,
    subjectKinds: ['legal_person', 'other_org', 'individual_business', 'natural_person'],
    fields: [
      ...counterpartFields('CF'),
      str('CF_WSH', '行政处罚决定书文号', 'Penalty decision number', 128, R),
      str('CF_WFXW', '违法行为类型', 'Type of violation', 2000, R),
      txt('CF_SY', '违法事实', 'Facts of the violation', 5000, R),
      txt('CF_YJ', '处罚依据', 'Legal basis of the penalty', 2000, R),
      field('CF_CFLB', '处罚类别', 'Penalty kinds', 'multi_enum', {
        required: true,
        dictionary: [...PENALTY_KINDS],
        separators: [...MULTI_VALUE_SEPARATORS],
        description: '可多选；交换文件中以 ; 分隔，也接受 ；、,， / several allowed, separated by ;',
      }),
      txt('CF_NR', '处罚内容', 'Penalty content', 4000, R),
      field('CF_NR_FK', '罚款金额(万元)', 'Fine (10,000 yuan)', 'amount_wan', {
        requiredWhen: when('CF_CFLB', '罚款'),
      }),
      field(
        'CF_NR_WFFF',
        '没收违法所得、没收非法财物的金额(万元)',
        'Confiscated gains and property (10,000 yuan)',
        'amount_wan',
        {
          requiredWhen: when('CF_CFLB', '没收违法所得', '没收非法财物'),
        },
      ),
      str('CF_NR_ZKDX', '暂扣或吊销证照名称及编号', 'Licence suspended or revoked: name and number', 200, {
        requiredWhen: when('CF_CFLB', '暂扣许可证件', '吊销许可证件'),
      }),
      decisionDate('CF_JDRQ', '处罚决定日期', 'Decision date'),
      date('CF_YXQ', '处罚有效期', 'Penalty valid until', R),
      date('CF_GSJZQ', '公示截止期', 'Publication ends', {
        derived: true,
        description: '由平台按公示期规则计算 / computed by the platform from the publication period rule',
      }),
      str('CF_CFJG', '处罚机关', 'Deciding authority', 200, R),
      uscc('CF_CFJGDM', '处罚机关统一社会信用代码', "Deciding authority's USCC", R),
      str('CF_SJLY', '数据来源单位', 'Data source unit', 200, R),
      uscc('CF_SJLYDM', '数据来源单位统一社会信用代码', "Data source unit's USCC", R),
      remarks(),
    ],
    collectionMethods: ['api', 'file', 'form', 'exchange'],
    updateFrequency: 'daily',
    disclosure: 'public',
    publicationPeriod: penaltyPeriod('CF_JDRQ'),
    retentionYears: 5,
    identityKey: ['CF_WSH'],
  },
  sharing: SHARE_WITH_ALL,
};

export const ADM_LICENSE: SeedItem = {
  definition: {
    code: 'ADM_LICENSE',
    nameZh: '行政许可',
    nameEn: 'Administrative licence',
    category: 'administrative_management',
    conduct: {
      zh: '行政机关根据公民、法人或者其他组织的申请，准予其从事特定活动的行政许可决定',
      en: 'Licensing decisions allowing citizens, legal persons or other organisations to carry on a specific activity',
    },
    legalBasis: ['《中华人民共和国行政许可法》第四十条'],
    providingDepartments: ALL_DEPARTMENTS,
    subjectKinds: ['legal_person', 'other_org', 'individual_business', 'natural_person'],
    fields: [
      ...counterpartFields('XK'),
      str('XK_XKWS', '行政许可决定文书名称', 'Licensing decision document name', 200, R),
      str('XK_WSH', '行政许可决定文书号', 'Licensing decision document number', 128, R),
      oneOf('XK_XKLB', '许可类别', 'Licence kind', LICENCE_KINDS, R),
      str('XK_XKZS', '许可证书名称', 'Licence certificate name', 200),
      str('XK_XKBH', '许可编号', 'Licence number', 128),
      txt('XK_NR', '许可内容', 'Licensed activity', 4000, R),
      decisionDate('XK_JDRQ', '许可决定日期', 'Decision date'),
      date('XK_YXQZ', '有效期自', 'Valid from', R),
      date('XK_YXQZI', '有效期至', 'Valid until', {
        required: true,
        description: `${OPEN_END_DATE} 表示长期有效 / ${OPEN_END_DATE} means no end`,
      }),
      str('XK_XKJG', '许可机关', 'Licensing authority', 200, R),
      uscc('XK_XKJGDM', '许可机关统一社会信用代码', "Licensing authority's USCC", R),
      oneOf('XK_ZT', '当前状态', 'Current status', LICENCE_STATUSES),
      str('XK_LYDW', '数据来源单位', 'Data source unit', 200, R),
      uscc('XK_LYDWDM', '数据来源单位统一社会信用代码', "Data source unit's USCC", R),
      remarks(),
    ],
    collectionMethods: ['api', 'file', 'form', 'exchange'],
    updateFrequency: 'daily',
    disclosure: 'public',
    publicationPeriod: { kind: 'validity', startField: 'XK_YXQZ', endField: 'XK_YXQZI', openEndDate: OPEN_END_DATE },
    retentionYears: 5,
    identityKey: ['XK_WSH'],
  },
  sharing: SHARE_WITH_ALL,
};
