/**
 * Factories for the publicity tests: valid identifiers and payloads of the
 * seeded items with their exchange field codes, written through the records
 * module's real write path with a fixed clock. Never used outside tests.
 */
import { systemCaller } from '../../platform/context';
import { newId } from '../../platform/ids';
import type { AppDeps } from '../../platform/module';
import { findDepartmentByCode } from '../identity';
import { recordsEnv, upsertRecords, type RecordsEnv, type UpsertRowResult } from '../records';
import { computeCitizenIdCheck, computeOrgCodeCheck, computeUsccCheck } from '../subjects';
import { shanghaiDate } from '../records';

let serial = 0;
const next = () => (serial += 1);

export function makeUscc(): string {
  const body8 = String(10_000_000 + ((next() * 7919 + process.pid * 13) % 89_999_999)).slice(-8);
  const body17 = `91110108${body8}${computeOrgCodeCheck(body8)}`;
  return body17 + computeUsccCheck(body17);
}

/** A valid citizen ID (born 1985-01-dd) with a fresh sequence. */
export function makeCitizenId(): string {
  const n = next();
  const body = `110108198501${String((n % 28) + 1).padStart(2, '0')}${String((n * 37 + process.pid) % 1000).padStart(3, '0')}`;
  return body + computeCitizenIdCheck(body);
}

export const today = (): string => shanghaiDate();
export const daysAgo = (n: number, from = today()): string =>
  new Date(Date.parse(`${from}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
/** 00:30 in Beijing on `date`: a fixed clock that is never ahead of the real one on today's date. */
export const clockOn = (date: string) => () => new Date(`${date}T00:30:00+08:00`);

export interface Authority {
  readonly code: string;
  readonly name: string;
  readonly uscc: string;
}

export async function authority(deps: AppDeps, code: string): Promise<Authority> {
  const d = await findDepartmentByCode(deps.db.kysely, code);
  if (!d) throw new Error(`no department ${code}`);
  return { code, name: d.nameZh, uscc: d.uscc };
}

export type Counterpart = { name: string; uscc: string; repId?: string } | { name: string; idNumber: string };

function counterpart(prefix: 'CF' | 'XK', c: Counterpart): Record<string, unknown> {
  if ('idNumber' in c) {
    return {
      [`${prefix}_XDR_MC`]: c.name,
      [`${prefix}_XDR_LB`]: '自然人',
      [`${prefix}_XDR_ZJLX`]: '身份证',
      [`${prefix}_XDR_ZJHM`]: c.idNumber,
    };
  }
  return {
    [`${prefix}_XDR_MC`]: c.name,
    [`${prefix}_XDR_LB`]: '法人及非法人组织',
    [`${prefix}_XDR_SHXYM`]: c.uscc,
    [`${prefix}_FRDB`]: '王建国',
    ...(c.repId ? { [`${prefix}_FR_ZJLX`]: '身份证', [`${prefix}_FR_ZJHM`]: c.repId } : {}),
  };
}

/** An ADM_PENALTY payload as ingest hands it over: amounts in integer fen. */
export function penalty(
  by: Authority,
  c: Counterpart,
  decided: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...counterpart('CF', c),
    CF_WSH: `京海罚〔2026〕${next()}号`,
    CF_WFXW: '虚假宣传',
    CF_SY: '当事人在其网店页面发布的商品宣传内容与实际不符',
    CF_YJ: '《中华人民共和国反不正当竞争法》第二十条',
    CF_CFLB: ['罚款'],
    CF_NR: '罚款',
    CF_NR_FK: 50_000_000,
    CF_JDRQ: decided,
    CF_YXQ: daysAgo(-365, decided),
    CF_CFJG: by.name,
    CF_CFJGDM: by.uscc,
    CF_SJLY: by.name,
    CF_SJLYDM: by.uscc,
    ...over,
  };
}

export function licence(
  by: Authority,
  c: Counterpart,
  decided: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...counterpart('XK', c),
    XK_XKWS: '食品经营许可决定书',
    XK_WSH: `京海食许〔2026〕${next()}号`,
    XK_XKLB: '普通',
    XK_XKZS: '食品经营许可证',
    XK_XKBH: `JY1110108${String(next()).padStart(6, '0')}`,
    XK_NR: '预包装食品销售',
    XK_JDRQ: decided,
    XK_YXQZ: decided,
    XK_YXQZI: '9999-12-31',
    XK_XKJG: by.name,
    XK_XKJGDM: by.uscc,
    XK_ZT: '0',
    XK_LYDW: by.name,
    XK_LYDWDM: by.uscc,
    ...over,
  };
}

export const submitter = systemCaller('publicity-test');

/** Upserts the rows of one item and department, with the clock at `receivedOn`. */
export async function submit(
  deps: AppDeps,
  itemCode: string,
  departmentCode: string,
  rows: ReadonlyArray<Record<string, unknown>>,
  receivedOn: string,
  settings: Partial<RecordsEnv['settings']> = {},
): Promise<UpsertRowResult[]> {
  const base = recordsEnv(deps);
  const env: RecordsEnv = { ...base, settings: { ...base.settings, ...settings }, now: clockOn(receivedOn) };
  return deps.db.transaction((tx) =>
    upsertRecords(
      tx,
      submitter,
      {
        itemCode,
        itemVersion: 1,
        departmentCode,
        batchId: newId(),
        fileHash: null,
        channel: 'api',
        rows: rows.map((payload, i) => ({ rowNumber: i + 1, payload })),
      },
      env,
    ),
  );
}
