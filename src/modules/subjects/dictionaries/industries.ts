/**
 * GB/T 4754-2017 industry sections (门类) A–T with the 2-digit divisions (大类)
 * each covers, so a 4-digit industry code from registration data can be rolled
 * up to its section without a full class table.
 */

export type IndustrySectionCode =
  'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T';

export interface IndustrySection {
  readonly section: IndustrySectionCode;
  readonly name_zh: string;
  readonly name_en: string;
  /** Inclusive range of 2-digit division codes, e.g. ['13', '43'] for manufacturing. */
  readonly divisions: readonly [string, string];
}

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  {
    section: 'A',
    name_zh: '农、林、牧、渔业',
    name_en: 'Agriculture, forestry, animal husbandry and fishery',
    divisions: ['01', '05'],
  },
  { section: 'B', name_zh: '采矿业', name_en: 'Mining', divisions: ['06', '12'] },
  { section: 'C', name_zh: '制造业', name_en: 'Manufacturing', divisions: ['13', '43'] },
  {
    section: 'D',
    name_zh: '电力、热力、燃气及水生产和供应业',
    name_en: 'Production and supply of electricity, heat, gas and water',
    divisions: ['44', '46'],
  },
  { section: 'E', name_zh: '建筑业', name_en: 'Construction', divisions: ['47', '50'] },
  { section: 'F', name_zh: '批发和零售业', name_en: 'Wholesale and retail trade', divisions: ['51', '52'] },
  {
    section: 'G',
    name_zh: '交通运输、仓储和邮政业',
    name_en: 'Transport, storage and postal services',
    divisions: ['53', '60'],
  },
  { section: 'H', name_zh: '住宿和餐饮业', name_en: 'Accommodation and catering', divisions: ['61', '62'] },
  {
    section: 'I',
    name_zh: '信息传输、软件和信息技术服务业',
    name_en: 'Information transmission, software and information technology services',
    divisions: ['63', '65'],
  },
  { section: 'J', name_zh: '金融业', name_en: 'Finance', divisions: ['66', '69'] },
  { section: 'K', name_zh: '房地产业', name_en: 'Real estate', divisions: ['70', '70'] },
  { section: 'L', name_zh: '租赁和商务服务业', name_en: 'Leasing and business services', divisions: ['71', '72'] },
  {
    section: 'M',
    name_zh: '科学研究和技术服务业',
    name_en: 'Scientific research and technical services',
    divisions: ['73', '75'],
  },
  {
    section: 'N',
    name_zh: '水利、环境和公共设施管理业',
    name_en: 'Water conservancy, environment and public facilities management',
    divisions: ['76', '79'],
  },
  {
    section: 'O',
    name_zh: '居民服务、修理和其他服务业',
    name_en: 'Resident services, repair and other services',
    divisions: ['80', '82'],
  },
  { section: 'P', name_zh: '教育', name_en: 'Education', divisions: ['83', '83'] },
  { section: 'Q', name_zh: '卫生和社会工作', name_en: 'Health and social work', divisions: ['84', '85'] },
  {
    section: 'R',
    name_zh: '文化、体育和娱乐业',
    name_en: 'Culture, sports and entertainment',
    divisions: ['86', '90'],
  },
  {
    section: 'S',
    name_zh: '公共管理、社会保障和社会组织',
    name_en: 'Public management, social security and social organisations',
    divisions: ['91', '96'],
  },
  { section: 'T', name_zh: '国际组织', name_en: 'International organisations', divisions: ['97', '97'] },
];

export function industryBySection(
  section: string,
  sections: readonly IndustrySection[] = INDUSTRY_SECTIONS,
): IndustrySection | undefined {
  const wanted = section.trim().toUpperCase();
  return sections.find((s) => s.section === wanted);
}

/**
 * The section of an industry code: accepts a division ('65'), group ('651'),
 * class ('6510') or a section-prefixed code ('I6510').
 */
export function industryByCode(
  code: string,
  sections: readonly IndustrySection[] = INDUSTRY_SECTIONS,
): IndustrySection | undefined {
  const match = /^([A-T])?([0-9]{2,4})$/.exec(code.trim().toUpperCase());
  if (!match?.[2]) return undefined;
  const division = match[2].slice(0, 2);
  const found = sections.find((s) => division >= s.divisions[0] && division <= s.divisions[1]);
  // A prefix that contradicts the digits ('A6510') is a data error, not a hint to trust.
  return match[1] && found?.section !== match[1] ? undefined : found;
}
