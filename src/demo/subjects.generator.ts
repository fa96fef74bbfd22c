import {
  HAIDIAN_REGIONS,
  computeCitizenIdCheck,
  computeOrgCodeCheck,
  computeRegistrationCheck,
  computeUsccCheck,
  type NewSubjectInput,
} from '../modules/subjects';
import { Random } from './random';

// Word pools for plausible Haidian company names: a brand of two syllables,
// an industry phrase, and a legal form. 140 × 139 brands × 40 industries is
// far more than the million names the benchmarks need.
const SYLLABLES = [
  ...'华中清北京海博睿智慧云图星河天合信达创新远航恒通鼎盛金宏泰安瑞康嘉禾明德启航亿联众和卓越融汇新源同方易达正元长城万象宇辰晨光东方紫光方正联想百度知行科达思源腾飞凯旋卓远汇丰泰和永信诚达佳和润泽华夏国宏润德立信精诚中科京科智联云帆数联海创蓝海青松翠微颐和玉泉香山燕京学府弘毅厚德明远致远博雅仁和志诚蓝鲸极光星辰未来新锐领航天工开物',
];
const INDUSTRIES: readonly (readonly [string, string, number])[] = [
  ['科技', 'I', 10],
  ['信息技术', 'I', 8],
  ['软件技术', 'I', 6],
  ['网络科技', 'I', 6],
  ['数据科技', 'I', 4],
  ['人工智能科技', 'I', 3],
  ['电子商务', 'F', 3],
  ['生物科技', 'M', 4],
  ['医药科技', 'M', 2],
  ['技术服务', 'M', 4],
  ['科技发展', 'M', 3],
  ['教育科技', 'P', 2],
  ['教育咨询', 'P', 2],
  ['文化传媒', 'R', 3],
  ['文化发展', 'R', 2],
  ['广告', 'L', 2],
  ['企业管理咨询', 'L', 3],
  ['物业管理', 'K', 2],
  ['房地产开发', 'K', 1],
  ['建筑工程', 'E', 2],
  ['装饰工程', 'E', 2],
  ['商贸', 'F', 4],
  ['贸易', 'F', 3],
  ['餐饮管理', 'H', 3],
  ['酒店管理', 'H', 1],
  ['环保科技', 'N', 1],
  ['新能源科技', 'D', 1],
  ['电气设备', 'C', 1],
  ['仪器仪表', 'C', 1],
  ['医疗器械', 'C', 1],
  ['食品', 'C', 1],
  ['投资管理', 'J', 1],
  ['融资租赁', 'J', 1],
  ['保险代理', 'J', 1],
  ['物流', 'G', 1],
  ['汽车服务', 'O', 1],
  ['家政服务', 'O', 1],
  ['人力资源', 'L', 1],
  ['知识产权代理', 'M', 1],
  ['检测技术', 'M', 1],
];
const COMPANY_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 80],
  ['有限责任公司', 8],
  ['股份有限公司', 6],
  ['集团有限公司', 1],
];
const PREFIXES: readonly (readonly [string, number])[] = [
  ['北京', 75],
  ['北京中关村', 8],
  ['北京海淀', 5],
  ['中关村', 4],
  ['', 8],
];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍鹏辉建国红梅飞鑫波斌宇浩凯瑶琳晨欣怡佳雨子轩梓涵一诺思远博文嘉懿俊熙',
];
const ORG_FORMS: readonly (readonly [string, string, string, number])[] = [
  // [name suffix, USCC authority + category, industry, weight]
  ['协会', '51', 'S', 2],
  ['促进会', '51', 'S', 1],
  ['研究院', '52', 'M', 2],
  ['培训学校', '52', 'P', 2],
  ['基金会', '53', 'S', 1],
  ['服务中心', '52', 'O', 1],
];
// Organisation-code bodies embedded in a USCC must use the USCC alphabet (no I O S V Z).
const BODY_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN) + (random.chance(0.6) ? random.pick(GIVEN) : '');
}

/** Spreads consecutive indexes over the whole code space (a bijection: the multiplier is coprime to the modulus). */
function scatter(index: number, modulus: bigint, multiplier: bigint): bigint {
  return (BigInt(index) * multiplier + 7_919n) % modulus;
}

/**
 * A distinct organisation-code body per index, shaped like real ones: codes
 * issued since the 2015 reform look like `MA0…` (letters and digits), older
 * organisation codes are eight digits.
 */
function orgBody(index: number, recent: boolean): string {
  if (!recent) return scatter(index, 100_000_000n, 61_803_399n).toString().padStart(8, '0');
  let n = scatter(index, 28_629_151n, 17_694_443n); // 31^5
  let out = '';
  for (let i = 0; i < 5; i++) {
    out = BODY_ALPHABET[Number(n % 31n)]! + out;
    n /= 31n;
  }
  return `MA0${out}`;
}

function uscc(prefix2: string, division: string, body8: string): { uscc: string; orgCode: string } {
  const orgCheck = computeOrgCodeCheck(body8);
  const body17 = prefix2 + division + body8 + orgCheck;
  return { uscc: body17 + computeUsccCheck(body17), orgCode: `${body8}-${orgCheck}` };
}

function dateBetween(random: Random, fromYear: number, toYear: number): string {
  const y = random.int(fromYear, toYear);
  const m = random.int(1, 12);
  const d = random.int(1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface DemoSubjectOptions {
  readonly seed: number;
  readonly divisionCode: string;
  /** Global index of the first subject, so batches continue one sequence. */
  readonly startIndex: number;
  readonly count: number;
}

/**
 * Deterministic demo subjects for one batch: about 82 % companies, 10 %
 * individual businesses, 3 % other organisations and 5 % natural persons,
 * every identifier with a correct check character.
 */
export function generateDemoSubjects(options: DemoSubjectOptions, usedNames: Set<string>): NewSubjectInput[] {
  const out: NewSubjectInput[] = [];
  for (let i = options.startIndex; i < options.startIndex + options.count; i++) {
    const random = new Random(options.seed * 1_000_003 + i);
    const region = random.pick(HAIDIAN_REGIONS).code;
    const roll = random.next();
    if (roll < 0.05) {
      // Birth day and sequence number are both derived from the index, so no two people share an ID.
      const birth = new Date(Date.UTC(1950, 0, 1) + (i % 19_997) * 86_400_000)
        .toISOString()
        .slice(0, 10)
        .replaceAll('-', '');
      const body17 = options.divisionCode + birth + String(Math.floor(i / 19_997) % 1000).padStart(3, '0');
      out.push({
        kind: 'natural_person',
        name: personName(random),
        idNumber: body17 + computeCitizenIdCheck(body17),
        region,
      });
      continue;
    }
    const [industryWord, section] = random.weighted(
      INDUSTRIES.map(([w, s, weight]) => [[w, s] as const, weight] as const),
    );
    const brand = () => random.pick(SYLLABLES) + random.pick(SYLLABLES);
    let name: string;
    let kind: NewSubjectInput['kind'];
    let prefix2: string;
    let industry: string = section;
    if (roll < 0.15) {
      kind = 'individual_business';
      prefix2 = '92';
      name = `北京市海淀区${brand()}${random.pick(['便利店', '餐馆', '理发店', '五金店', '水果店', '文印部', '洗衣店', '电脑维修部'])}`;
      industry = random.pick(['F', 'H', 'O']);
    } else if (roll < 0.18) {
      const [suffix, code, orgIndustry] = random.weighted(
        ORG_FORMS.map(([s, c, ind, w]) => [[s, c, ind] as const, w] as const),
      );
      kind = 'other_org';
      prefix2 = code;
      name = `北京市海淀区${brand()}${industryWord.replace('科技', '')}${suffix}`;
      industry = orgIndustry;
    } else {
      kind = 'legal_person';
      prefix2 = '91';
      name = `${random.weighted(PREFIXES)}${brand()}${industryWord}${random.weighted(COMPANY_FORMS)}`;
    }
    // Names are unique in the demo; a collision gets a branch-office qualifier.
    for (let n = 2; usedNames.has(name); n++) name = name.replace(/(（第\d+分公司）)?$/, `（第${n}分公司）`);
    usedNames.add(name);
    const established = dateBetween(random, 1992, 2026);
    const codes = uscc(prefix2, options.divisionCode, orgBody(i, established >= '2015-10-01'));
    const hasLegacy = kind !== 'other_org' && established < '2015-10-01' && random.chance(0.7);
    const regBody = options.divisionCode + String(i).padStart(8, '0');
    out.push({
      kind,
      name,
      uscc: codes.uscc,
      registrationNumber: hasLegacy ? regBody + computeRegistrationCheck(regBody) : null,
      legalRepresentative: personName(random),
      region,
      industrySection: industry,
      establishedOn: established > '2026-11-01' ? '2026-11-01' : established,
      formerNames: random.chance(0.05) ? [`${random.weighted(PREFIXES)}${brand()}${industryWord}有限公司`] : [],
    });
  }
  return out;
}
