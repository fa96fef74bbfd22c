/**
 * The legal periods and policies of the records module as configuration
 * (DOMAIN: "every period and deadline is data"). Read once from the
 * environment, with the defaults below.
 */
import { createProtector, type Protector } from '../../platform/crypto';
import type { AppDeps } from '../../platform/module';
import type { PenaltyClass } from '../catalog';
import { HAIDIAN_DISTRICT } from '../subjects';

export type DayKind = 'working' | 'calendar';

export interface RecordsSettings {
  /**
   * Double publicity: published within 7 working days of the decision date
   * (DOMAIN §3) — the decision date is day 0.
   */
  readonly publicationWorkingDays: number;
  /**
   * A changed, revoked or annulled decision leaves publication within 3 days
   * (行政处罚法 art. 48 §2, "三日内撤回"). Art. 85 of the same law reads its
   * "二日、三日、五日、七日" as working days (excluding statutory holidays);
   * 行政许可法 art. 82 counts licensing periods in working days too. Default:
   * 3 working days, counted from the revocation date (day 0).
   */
  readonly withdrawalDays: number;
  readonly withdrawalDayKind: DayKind;
  /**
   * Name matching only considers subjects whose region code lies in this
   * division (the district the platform serves): names are unique within a
   * registration area, not across the country.
   */
  readonly regionCode: string;
  /**
   * Optional floor class per penalty kind (处罚类别), e.g. 吊销许可证件=serious.
   * A record with several kinds takes the longest class among the submitted
   * classification and its kinds. Empty by default: no legal text maps kinds
   * to classes, so a deployment configures it [judgement].
   */
  readonly penaltyKindClasses: Readonly<Record<string, PenaltyClass>>;
  /**
   * The platform publishes public records at receipt (default). When false,
   * records wait as `pending` until `markPublished` (publication after review).
   */
  readonly publishOnReceipt: boolean;
}

export const DEFAULT_RECORDS_SETTINGS: RecordsSettings = {
  publicationWorkingDays: 7,
  withdrawalDays: 3,
  withdrawalDayKind: 'working',
  regionCode: HAIDIAN_DISTRICT.code,
  penaltyKindClasses: {},
  publishOnReceipt: true,
};

const CLASSES: readonly string[] = ['minor', 'general', 'serious'];

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
}

/** `吊销许可证件=serious,责令关闭=serious` → a map; unknown classes are refused at boot. */
function kindClasses(raw: string | undefined): Record<string, PenaltyClass> {
  const out: Record<string, PenaltyClass> = {};
  for (const pair of (raw ?? '').split(/[,，;；]/)) {
    if (!pair.trim()) continue;
    const [kind, cls] = pair.split('=').map((s) => s.trim());
    if (!kind || !cls || !CLASSES.includes(cls))
      throw new Error(`XINYONG_PENALTY_KIND_CLASSES: bad entry "${pair}" (want kind=minor|general|serious)`);
    out[kind] = cls as PenaltyClass;
  }
  return out;
}

/** Reads the settings from the environment (XINYONG_* variables); unset values take the defaults. */
export function loadRecordsSettings(env: NodeJS.ProcessEnv = process.env): RecordsSettings {
  const dayKind = env.XINYONG_WITHDRAWAL_DAY_KIND ?? DEFAULT_RECORDS_SETTINGS.withdrawalDayKind;
  if (dayKind !== 'working' && dayKind !== 'calendar')
    throw new Error('XINYONG_WITHDRAWAL_DAY_KIND must be "working" or "calendar"');
  const regionCode = env.XINYONG_REGION_CODE?.trim() || DEFAULT_RECORDS_SETTINGS.regionCode;
  if (!/^\d{2,12}$/.test(regionCode)) throw new Error('XINYONG_REGION_CODE must be a division code (digits)');
  return {
    publicationWorkingDays: positiveInt(
      env.XINYONG_PUBLICATION_WORKING_DAYS,
      DEFAULT_RECORDS_SETTINGS.publicationWorkingDays,
      'XINYONG_PUBLICATION_WORKING_DAYS',
    ),
    withdrawalDays: positiveInt(
      env.XINYONG_WITHDRAWAL_DAYS,
      DEFAULT_RECORDS_SETTINGS.withdrawalDays,
      'XINYONG_WITHDRAWAL_DAYS',
    ),
    withdrawalDayKind: dayKind,
    regionCode,
    penaltyKindClasses: kindClasses(env.XINYONG_PENALTY_KIND_CLASSES),
    publishOnReceipt: env.XINYONG_PUBLISH_ON_RECEIPT !== 'false',
  };
}

/** What the records services need besides a database handle. */
export interface RecordsEnv {
  readonly protector: Protector;
  readonly settings: RecordsSettings;
  /** The clock (tests may fix it); legal dates derive from it in Asia/Shanghai. */
  readonly now?: () => Date;
}

const cache = new WeakMap<AppDeps, RecordsEnv>();

/** The records services' environment for a running platform (one protector per process). */
export function recordsEnv(deps: AppDeps): RecordsEnv {
  let env = cache.get(deps);
  if (!env) {
    env = { protector: createProtector(deps.config.secretKey), settings: loadRecordsSettings() };
    cache.set(deps, env);
  }
  return env;
}

export const clockOf = (env: Pick<RecordsEnv, 'now'>): Date => (env.now ? env.now() : new Date());
