import type { DepartmentKind } from './identity.tables';

export interface DepartmentSeed {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly uscc: string;
  readonly kind: DepartmentKind;
}

/**
 * The Haidian district departments loaded at first boot. Each USCC is
 * `11110108` (authority 1 机构编制, category 1 机关, division 110108) + a
 * GB 11714 organisation code + the GB 32100 check character, all computed and
 * verified by departments.test.ts. They are check-valid placeholders, not the
 * departments' registered codes: an operator replaces them with the real ones
 * (PATCH /api/v1/departments/:code) before going live.
 */
export const HAIDIAN_DEPARTMENTS: readonly DepartmentSeed[] = [
  {
    code: 'fgw',
    nameZh: '北京市海淀区发展和改革委员会（区信用办）',
    nameEn: 'Haidian District Development and Reform Commission (District Credit Office)',
    uscc: '11110108000010014L',
    kind: 'platform',
  },
  {
    code: 'scjgj',
    nameZh: '北京市海淀区市场监督管理局',
    nameEn: 'Haidian District Administration for Market Regulation',
    uscc: '11110108000010380G',
    kind: 'government',
  },
  {
    code: 'swj',
    nameZh: '国家税务总局北京市海淀区税务局',
    nameEn: 'Haidian District Tax Service, State Taxation Administration',
    uscc: '111101080000107517',
    kind: 'government',
  },
  {
    code: 'sthjj',
    nameZh: '北京市海淀区生态环境局',
    nameEn: 'Haidian District Ecology and Environment Bureau',
    uscc: '111101080000111219',
    kind: 'government',
  },
  {
    code: 'kxc',
    nameZh: '中关村科学城管理委员会',
    nameEn: 'Zhongguancun Science City Administrative Committee',
    uscc: '111101080000114987',
    kind: 'government',
  },
  {
    code: 'zjw',
    nameZh: '北京市海淀区住房和城乡建设委员会',
    nameEn: 'Haidian District Commission of Housing and Urban-Rural Development',
    uscc: '11110108000011869X',
    kind: 'government',
  },
  {
    code: 'yjglj',
    nameZh: '北京市海淀区应急管理局',
    nameEn: 'Haidian District Emergency Management Bureau',
    uscc: '111101080000122390',
    kind: 'government',
  },
  {
    code: 'wsjkw',
    nameZh: '北京市海淀区卫生健康委员会',
    nameEn: 'Haidian District Health Commission',
    uscc: '1111010800001260XH',
    kind: 'government',
  },
  {
    code: 'rsj',
    nameZh: '北京市海淀区人力资源和社会保障局',
    nameEn: 'Haidian District Human Resources and Social Security Bureau',
    uscc: '11110108000012976J',
    kind: 'government',
  },
  {
    code: 'cgzfj',
    nameZh: '北京市海淀区城市管理综合行政执法局',
    nameEn: 'Haidian District Urban Management and Law Enforcement Bureau',
    uscc: '11110108000013346L',
    kind: 'government',
  },
  {
    code: 'whlyj',
    nameZh: '北京市海淀区文化和旅游局',
    nameEn: 'Haidian District Culture and Tourism Bureau',
    uscc: '11110108000013717B',
    kind: 'government',
  },
  {
    code: 'jw',
    nameZh: '北京市海淀区教育委员会',
    nameEn: 'Haidian District Education Commission',
    uscc: '11110108000014082J',
    kind: 'government',
  },
  {
    code: 'mzj',
    nameZh: '北京市海淀区民政局',
    nameEn: 'Haidian District Civil Affairs Bureau',
    uscc: '111101080000144539',
    kind: 'government',
  },
  {
    code: 'czj',
    nameZh: '北京市海淀区财政局',
    nameEn: 'Haidian District Finance Bureau',
    uscc: '111101080000148240',
    kind: 'government',
  },
  {
    code: 'jrb',
    nameZh: '北京市海淀区金融服务办公室',
    nameEn: 'Haidian District Financial Services Office',
    uscc: '1111010800001519X4',
    kind: 'government',
  },
  {
    code: 'gafj',
    nameZh: '北京市公安局海淀分局',
    nameEn: 'Haidian Branch, Beijing Municipal Public Security Bureau',
    uscc: '11110108000015560X',
    kind: 'government',
  },
  {
    code: 'sfj',
    nameZh: '北京市海淀区司法局',
    nameEn: 'Haidian District Justice Bureau',
    uscc: '11110108000015931L',
    kind: 'government',
  },
  {
    code: 'fy',
    nameZh: '北京市海淀区人民法院',
    nameEn: 'Beijing Haidian District People’s Court',
    uscc: '11110108000016301N',
    kind: 'court',
  },
];
