/**
 * Deterministic double-publicity records (national exchange field codes) for
 * the demo district, the import benchmark and tests: penalties and licences
 * from several departments over the past two years, against given subjects.
 */
import { Random } from './random';

export interface DemoCounterpart {
  readonly name: string;
  readonly kind: 'legal_person' | 'other_org' | 'individual_business' | 'natural_person';
  readonly uscc?: string | null;
  readonly legalRepresentative?: string | null;
  readonly idNumber?: string | null;
}

export interface DemoAuthority {
  readonly code: string;
  readonly name: string;
  readonly uscc: string;
  /** Abbreviation used in decision numbers, e.g. 京海市监. */
  readonly abbreviation: string;
}

interface Violation {
  readonly type: string;
  readonly facts: string;
  readonly basis: string;
  readonly kinds: readonly string[];
  readonly fineWan: readonly [number, number];
}

const VIOLATIONS: Readonly<Record<string, readonly Violation[]>> = {
  scjgj: [
    {
      type: '虚假宣传',
      facts: '当事人在其网店页面发布的商品宣传内容与实际不符，对商品性能作虚假的商业宣传',
      basis: '《中华人民共和国反不正当竞争法》第二十条',
      kinds: ['罚款'],
      fineWan: [2, 20],
    },
    {
      type: '销售不合格产品',
      facts: '当事人销售经抽检不合格的产品，货值金额较小',
      basis: '《中华人民共和国产品质量法》第五十条',
      kinds: ['没收违法所得', '罚款'],
      fineWan: [0.5, 5],
    },
    {
      type: '未按规定公示年度报告',
      facts: '当事人未按照规定期限公示年度报告',
      basis: '《企业信息公示暂行条例》第十八条',
      kinds: ['警告'],
      fineWan: [0, 0],
    },
    {
      type: '食品经营许可违法',
      facts: '当事人未取得食品经营许可从事食品经营活动',
      basis: '《中华人民共和国食品安全法》第一百二十二条',
      kinds: ['没收违法所得', '罚款'],
      fineWan: [5, 10],
    },
  ],
  sthjj: [
    {
      type: '超标排放大气污染物',
      facts: '当事人排放的大气污染物浓度超过国家规定的排放标准',
      basis: '《中华人民共和国大气污染防治法》第九十九条',
      kinds: ['罚款', '责令停产停业'],
      fineWan: [10, 100],
    },
    {
      type: '未批先建',
      facts: '当事人建设项目环境影响报告表未经批准擅自开工建设',
      basis: '《中华人民共和国环境影响评价法》第三十一条',
      kinds: ['罚款'],
      fineWan: [5, 30],
    },
  ],
  yjglj: [
    {
      type: '未按规定开展安全生产教育培训',
      facts: '当事人未按照规定对从业人员进行安全生产教育和培训',
      basis: '《中华人民共和国安全生产法》第九十七条',
      kinds: ['警告', '罚款'],
      fineWan: [1, 10],
    },
  ],
  swj: [
    {
      type: '未按规定期限办理纳税申报',
      facts: '当事人未按照规定的期限办理纳税申报和报送纳税资料',
      basis: '《中华人民共和国税收征收管理法》第六十二条',
      kinds: ['罚款'],
      fineWan: [0.05, 0.2],
    },
  ],
  cgzfj: [
    {
      type: '违规设置户外广告',
      facts: '当事人未经批准擅自设置户外广告设施',
      basis: '《北京市户外广告设施、牌匾标识和标语宣传品设置管理条例》第四十二条',
      kinds: ['罚款'],
      fineWan: [0.2, 1],
    },
  ],
  wsjkw: [
    {
      type: '公共场所卫生违法',
      facts: '当事人公共场所从业人员未取得有效健康合格证明',
      basis: '《公共场所卫生管理条例》第十四条',
      kinds: ['警告', '罚款'],
      fineWan: [0.05, 0.5],
    },
  ],
};

const LICENCES: Readonly<
  Record<string, readonly { doc: string; kind: string; cert: string; content: string; years: number }[]>
> = {
  scjgj: [
    {
      doc: '食品经营许可决定书',
      kind: '普通',
      cert: '食品经营许可证',
      content: '预包装食品销售（含冷藏冷冻食品）；热食类食品制售',
      years: 5,
    },
    { doc: '准予设立登记通知书', kind: '登记', cert: '营业执照', content: '企业设立登记', years: 0 },
  ],
  zjw: [
    { doc: '建筑工程施工许可决定书', kind: '普通', cert: '建筑工程施工许可证', content: '房屋建筑工程施工', years: 0 },
  ],
  wsjkw: [
    { doc: '公共场所卫生许可决定书', kind: '普通', cert: '公共场所卫生许可证', content: '美容美发场所', years: 4 },
  ],
  whlyj: [
    {
      doc: '网络文化经营许可决定书',
      kind: '普通',
      cert: '网络文化经营许可证',
      content: '利用信息网络经营游戏产品',
      years: 3,
    },
    { doc: '营业性演出许可决定书', kind: '普通', cert: '营业性演出许可证', content: '营业性演出经营活动', years: 1 },
  ],
  cgzfj: [
    {
      doc: '临时占用城市道路许可决定书',
      kind: '普通',
      cert: '临时占道许可',
      content: '临时占用城市道路堆放施工物料',
      years: 1,
    },
  ],
  sthjj: [{ doc: '排污许可决定书', kind: '普通', cert: '排污许可证', content: '排放大气污染物、水污染物', years: 5 }],
};

function isoDate(random: Random, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(random.next() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
}

function counterpart(prefix: 'CF' | 'XK', subject: DemoCounterpart): Record<string, string> {
  const row: Record<string, string> = { [`${prefix}_XDR_MC`]: subject.name };
  if (subject.kind === 'natural_person') {
    row[`${prefix}_XDR_LB`] = '自然人';
    row[`${prefix}_XDR_ZJLX`] = '身份证';
    row[`${prefix}_XDR_ZJHM`] = subject.idNumber ?? '';
  } else {
    row[`${prefix}_XDR_LB`] = subject.kind === 'individual_business' ? '个体工商户' : '法人及非法人组织';
    row[`${prefix}_XDR_SHXYM`] = subject.uscc ?? '';
    if (subject.kind !== 'individual_business' && subject.legalRepresentative)
      row[`${prefix}_FRDB`] = subject.legalRepresentative;
  }
  return row;
}

export interface GenerateOptions {
  readonly seed: number;
  readonly count: number;
  /** Offset of the first record: decision numbers continue the sequence. */
  readonly startIndex?: number;
  readonly from: string;
  readonly to: string;
  readonly subjects: readonly DemoCounterpart[];
  /** Picks each record's counterpart instead of a uniform pick from `subjects` (e.g. a skewed spread). */
  readonly pickSubject?: (random: Random) => DemoCounterpart;
  readonly authorities: readonly DemoAuthority[];
}

/** Penalty rows keyed by field code; every value a string, as in an exchange file. */
export function* generatePenalties(options: GenerateOptions): Generator<Record<string, string>> {
  const authorities = options.authorities.filter((a) => VIOLATIONS[a.code]);
  for (let i = options.startIndex ?? 0; i < (options.startIndex ?? 0) + options.count; i++) {
    const random = new Random(options.seed * 7_368_787 + i);
    const authority = random.pick(authorities);
    const violation = random.pick(VIOLATIONS[authority.code]!);
    const subject = options.pickSubject ? options.pickSubject(random) : random.pick(options.subjects);
    const decided = isoDate(random, options.from, options.to);
    const fine = violation.kinds.includes('罚款')
      ? (violation.fineWan[0] + random.next() * (violation.fineWan[1] - violation.fineWan[0]))
          .toFixed(4)
          .replace(/\.?0+$/, '')
      : '';
    const year = decided.slice(0, 4);
    const row: Record<string, string> = {
      ...counterpart('CF', subject),
      CF_WSH: `${authority.abbreviation}罚〔${year}〕${String(i + 1).padStart(6, '0')}号`,
      CF_WFXW: violation.type,
      CF_SY: violation.facts,
      CF_YJ: violation.basis,
      CF_CFLB: violation.kinds.join(';'),
      CF_NR: fine ? `${violation.kinds.join('、')}，罚款人民币${fine}万元` : violation.kinds.join('、'),
      CF_JDRQ: decided,
      CF_YXQ: `${Number(year) + 1}${decided.slice(4)}`,
      CF_CFJG: authority.name,
      CF_CFJGDM: authority.uscc,
      CF_SJLY: authority.name,
      CF_SJLYDM: authority.uscc,
    };
    if (fine) row.CF_NR_FK = fine;
    if (violation.kinds.includes('没收违法所得')) row.CF_NR_WFFF = (random.next() * 2).toFixed(2);
    yield row;
  }
}

/** Licence rows keyed by field code. */
export function* generateLicences(options: GenerateOptions): Generator<Record<string, string>> {
  const authorities = options.authorities.filter((a) => LICENCES[a.code]);
  for (let i = options.startIndex ?? 0; i < (options.startIndex ?? 0) + options.count; i++) {
    const random = new Random(options.seed * 3_571_429 + i);
    const authority = random.pick(authorities);
    const licence = random.pick(LICENCES[authority.code]!);
    const subject = options.pickSubject ? options.pickSubject(random) : random.pick(options.subjects);
    const decided = isoDate(random, options.from, options.to);
    const year = decided.slice(0, 4);
    yield {
      ...counterpart('XK', subject),
      XK_XKWS: licence.doc,
      XK_WSH: `${authority.abbreviation}许〔${year}〕${String(i + 1).padStart(6, '0')}号`,
      XK_XKLB: licence.kind,
      XK_XKZS: licence.cert,
      XK_XKBH: `${authority.abbreviation}${year}${String(i + 1).padStart(7, '0')}`,
      XK_NR: licence.content,
      XK_JDRQ: decided,
      XK_YXQZ: decided,
      XK_YXQZI: licence.years ? `${Number(year) + licence.years}${decided.slice(4)}` : '9999-12-31',
      XK_XKJG: authority.name,
      XK_XKJGDM: authority.uscc,
      XK_ZT: '0',
      XK_LYDW: authority.name,
      XK_LYDWDM: authority.uscc,
    };
  }
}

/** Decision-number abbreviations of the district's departments. */
export const AUTHORITY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  scjgj: '京海市监',
  sthjj: '京海环',
  yjglj: '京海应急',
  swj: '京海税',
  cgzfj: '京海城管',
  wsjkw: '京海卫',
  zjw: '京海建',
  whlyj: '京海文旅',
};
