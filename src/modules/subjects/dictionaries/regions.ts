/**
 * Street- and town-level divisions of the district the platform serves
 * (DOMAIN §11). Plain data so another district swaps in its own array; the
 * lookup helpers take the array as a parameter for that reason.
 *
 * Codes are the 9-digit NBS statistical division codes (统计用区划代码, 2017
 * list, without the 3-digit village suffix; 009 is unused). Some older
 * datasets give the five former towns 101–105 (温泉镇 110108101 …); those are
 * kept as aliases by name only, because a code must map to one region.
 *
 * Haidian has 22 streets (街道) and 7 area offices (地区办事处). Each area office
 * sits with a township or town government (万柳 = 海淀乡, 东升 = 东升乡, the
 * other five are 镇), so they are classed 'town' here: they administer rural
 * collective land and villages, which is what the distinction is used for.
 */

export type RegionKind = 'street' | 'town';

export interface Region {
  readonly code: string;
  readonly name_zh: string;
  /** Hanyu Pinyin of the proper name, without the "street"/"town" suffix. */
  readonly name_en: string;
  readonly kind: RegionKind;
  /** Other names found in source data, matched by regionByName. */
  readonly aliases_zh: readonly string[];
}

export interface District {
  readonly code: string;
  readonly name_zh: string;
  readonly name_en: string;
}

export const HAIDIAN_DISTRICT: District = { code: '110108', name_zh: '海淀区', name_en: 'Haidian' };

const street = (code: string, name_zh: string, name_en: string): Region => ({
  code,
  name_zh,
  name_en,
  kind: 'street',
  aliases_zh: [],
});

const town = (code: string, name_zh: string, name_en: string, aliases_zh: readonly string[]): Region => ({
  code,
  name_zh,
  name_en,
  kind: 'town',
  aliases_zh,
});

export const HAIDIAN_REGIONS: readonly Region[] = [
  street('110108001', '万寿路街道', 'Wanshoulu'),
  street('110108002', '永定路街道', 'Yongdinglu'),
  street('110108003', '羊坊店街道', 'Yangfangdian'),
  street('110108004', '甘家口街道', 'Ganjiakou'),
  street('110108005', '八里庄街道', 'Balizhuang'),
  street('110108006', '紫竹院街道', 'Zizhuyuan'),
  street('110108007', '北下关街道', 'Beixiaguan'),
  street('110108008', '北太平庄街道', 'Beitaipingzhuang'),
  street('110108010', '学院路街道', 'Xueyuanlu'),
  street('110108011', '中关村街道', 'Zhongguancun'),
  street('110108012', '海淀街道', 'Haidian'),
  street('110108013', '青龙桥街道', 'Qinglongqiao'),
  street('110108014', '清华园街道', 'Qinghuayuan'),
  street('110108015', '燕园街道', 'Yanyuan'),
  street('110108016', '香山街道', 'Xiangshan'),
  street('110108017', '清河街道', 'Qinghe'),
  street('110108018', '花园路街道', 'Huayuanlu'),
  street('110108019', '西三旗街道', 'Xisanqi'),
  street('110108020', '马连洼街道', 'Malianwa'),
  street('110108021', '田村路街道', 'Tiancunlu'),
  street('110108022', '上地街道', 'Shangdi'),
  town('110108023', '万柳地区', 'Wanliu', ['万柳地区办事处', '海淀乡']),
  town('110108024', '东升地区', 'Dongsheng', ['东升地区办事处', '东升乡']),
  street('110108025', '曙光街道', 'Shuguang'),
  town('110108026', '温泉地区', 'Wenquan', ['温泉地区办事处', '温泉镇']),
  town('110108027', '四季青地区', 'Sijiqing', ['四季青地区办事处', '四季青镇']),
  town('110108028', '西北旺地区', 'Xibeiwang', ['西北旺地区办事处', '西北旺镇']),
  town('110108029', '苏家坨地区', 'Sujiatuo', ['苏家坨地区办事处', '苏家坨镇']),
  town('110108030', '上庄地区', 'Shangzhuang', ['上庄地区办事处', '上庄镇']),
];

// Longest first so '街道办事处' is stripped before '街道'.
const SUFFIXES = ['街道办事处', '地区办事处', '办事处', '街道', '地区', '镇', '乡'];

function coreName(name: string): string {
  const trimmed = name.trim();
  const suffix = SUFFIXES.find((s) => trimmed.endsWith(s) && trimmed.length > s.length);
  return suffix ? trimmed.slice(0, -suffix.length) : trimmed;
}

export function regionByCode(code: string, regions: readonly Region[] = HAIDIAN_REGIONS): Region | undefined {
  const wanted = code.trim();
  // Statistical data often carries the 12-digit form with a 000 village suffix.
  const nine = /^[0-9]{9}000$/.test(wanted) ? wanted.slice(0, 9) : wanted;
  return regions.find((r) => r.code === nine);
}

/**
 * Matches the exact name or an alias first (so '海淀乡' finds 万柳, not 海淀街道),
 * then the name without its 街道/地区/镇/乡 suffix, then the pinyin, case-insensitively.
 */
export function regionByName(name: string, regions: readonly Region[] = HAIDIAN_REGIONS): Region | undefined {
  const wanted = name.trim();
  if (wanted === '') return undefined;
  const exact = regions.find((r) => r.name_zh === wanted || r.aliases_zh.includes(wanted));
  if (exact) return exact;
  const core = coreName(wanted);
  const byCore = regions.find((r) => coreName(r.name_zh) === core);
  if (byCore) return byCore;
  const latin = wanted.toLowerCase().replace(/\s+/g, '');
  return regions.find((r) => r.name_en.toLowerCase() === latin);
}
