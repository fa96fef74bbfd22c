/**
 * Factories for the records tests: payloads of the seeded items ADM_PENALTY
 * and ADM_LICENSE with their real exchange field codes, valid identifiers,
 * and a one-call upsert in its own transaction. Never used outside tests.
 */
import { systemCaller, type Caller } from '../../platform/context';
import type { AppDeps } from '../../platform/module';
import { newId } from '../../platform/ids';
import { findDepartmentByCode } from '../identity';
import { computeCitizenIdCheck, computeOrgCodeCheck, computeRegistrationCheck, computeUsccCheck } from '../subjects';
import { shanghaiDate, addCalendarDays } from './records.dates';
import type { RecordsEnv } from './records.settings';
import { upsertRecords, type UpsertInput, type UpsertRow, type UpsertRowResult } from './records.upsert';

let serial = 0;
const next = () => {
  serial += 1;
  return serial;
};

/** A valid USCC in Haidian with a fresh 8-character organisation code body. */
export function makeUscc(prefix2 = '91'): { uscc: string; orgCode: string } {
  // Digits only: the USCC alphabet has no I, O, S, V or Z.
  const body8 = String(10_000_000 + ((next() * 7919 + process.pid) % 89_999_999)).slice(-8);
  const check = computeOrgCodeCheck(body8);
  const body17 = `${prefix2}110108${body8}${check}`;
  return { uscc: body17 + computeUsccCheck(body17), orgCode: `${body8}-${check}` };
}

export function makeRegistrationNumber(): string {
  const body = `1101080${String(next()).padStart(7, '0')}`;
  return body + computeRegistrationCheck(body);
}

/** A valid citizen ID (born 1985) with a fresh sequence. */
export function makeCitizenId(): string {
  const body = `110108198501${String((next() % 28) + 1).padStart(2, '0')}${String(next() % 1000).padStart(3, '0')}`;
  return body + computeCitizenIdCheck(body);
}

export const today = (): string => shanghaiDate();
export const daysAgo = (n: number): string => addCalendarDays(today(), -n);

export interface Authority {
  readonly code: string;
  readonly name: string;
  readonly uscc: string;
}

export async function authority(deps: AppDeps, code = 'scjgj'): Promise<Authority> {
  const d = await findDepartmentByCode(deps.db.kysely, code);
  if (!d) throw new Error(`no department ${code}`);
  return { code, name: d.nameZh, uscc: d.uscc };
}

export interface Counterpart {
  readonly name: string;
  readonly uscc?: string;
  readonly orgCode?: string;
  readonly registrationNumber?: string;
  /** A natural person: 自然人 with a 身份证 number. */
  readonly idNumber?: string;
}

function counterpart(prefix: 'CF' | 'XK', c: Counterpart): Record<string, unknown> {
  const row: Record<string, unknown> = { [`${prefix}_XDR_MC`]: c.name };
  if (c.idNumber) {
    row[`${prefix}_XDR_LB`] = '自然人';
    row[`${prefix}_XDR_ZJLX`] = '身份证';
    row[`${prefix}_XDR_ZJHM`] = c.idNumber;
    return row;
  }
  row[`${prefix}_XDR_LB`] = '法人及非法人组织';
  row[`${prefix}_FRDB`] = '王建国';
  if (c.uscc) row[`${prefix}_XDR_SHXYM`] = c.uscc;
  if (c.orgCode) row[`${prefix}_XDR_ZZJG`] = c.orgCode;
  if (c.registrationNumber) row[`${prefix}_XDR_GSZC`] = c.registrationNumber;
  return row;
}

/** An ADM_PENALTY payload (行政处罚, DOMAIN §3 field codes). */
export function penaltyPayload(
  by: Authority,
  c: Counterpart,
  over: { wsh?: string; decisionDate?: string; kinds?: string[]; fineWan?: string } & Record<string, unknown> = {},
): Record<string, unknown> {
  const { wsh, decisionDate, kinds, fineWan, ...rest } = over;
  const decided = decisionDate ?? today();
  return {
    ...counterpart('CF', c),
    CF_WSH: wsh ?? `京海市监罚〔2026〕${next()}号`,
    CF_WFXW: '虚假宣传',
    CF_SY: '当事人在其网店页面发布的商品宣传内容与实际不符',
    CF_YJ: '《中华人民共和国反不正当竞争法》第二十条',
    CF_CFLB: kinds ?? ['罚款'],
    CF_NR: '罚款人民币伍万元',
    CF_NR_FK: fineWan ?? '5',
    CF_JDRQ: decided,
    CF_YXQ: addCalendarDays(decided, 365),
    CF_CFJG: by.name,
    CF_CFJGDM: by.uscc,
    CF_SJLY: by.name,
    CF_SJLYDM: by.uscc,
    ...rest,
  };
}

/** An ADM_LICENSE payload (行政许可). */
export function licencePayload(
  by: Authority,
  c: Counterpart,
  over: { wsh?: string; decisionDate?: string; validUntil?: string } & Record<string, unknown> = {},
): Record<string, unknown> {
  const { wsh, decisionDate, validUntil, ...rest } = over;
  const decided = decisionDate ?? today();
  return {
    ...counterpart('XK', c),
    XK_XKWS: '食品经营许可决定书',
    XK_WSH: wsh ?? `京海食许〔2026〕${next()}号`,
    XK_XKLB: '普通',
    XK_XKZS: '食品经营许可证',
    XK_XKBH: `JY1110108${String(next()).padStart(6, '0')}`,
    XK_NR: '预包装食品销售',
    XK_JDRQ: decided,
    XK_YXQZ: decided,
    XK_YXQZI: validUntil ?? '9999-12-31',
    XK_XKJG: by.name,
    XK_XKJGDM: by.uscc,
    XK_ZT: '0',
    XK_LYDW: by.name,
    XK_LYDWDM: by.uscc,
    ...rest,
  };
}

export const submitter: Caller = systemCaller('records-test');

/** Upserts rows of one item in a transaction of their own. */
export async function submit(
  deps: AppDeps,
  env: RecordsEnv,
  itemCode: 'ADM_PENALTY' | 'ADM_LICENSE',
  rows: ReadonlyArray<Record<string, unknown> | UpsertRow>,
  over: Partial<Omit<UpsertInput, 'rows'>> & { caller?: Caller } = {},
): Promise<UpsertRowResult[]> {
  const { caller, ...input } = over;
  return deps.db.transaction((tx) =>
    upsertRecords(
      tx,
      caller ?? submitter,
      {
        itemCode,
        itemVersion: 1,
        departmentCode: 'scjgj',
        batchId: newId(),
        fileHash: null,
        channel: 'api',
        ...input,
        rows: rows.map((r, i) =>
          'rowNumber' in r && 'payload' in r ? (r as UpsertRow) : { rowNumber: i + 1, payload: r },
        ),
      },
      env,
    ),
  );
}
