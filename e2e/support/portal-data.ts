/**
 * Public records the portal tests need, submitted through the platform's own
 * ingest API as a department clerk would. The demo district has subjects but
 * no records, and a test file must not rely on another's data, so each file
 * calls `ensurePortalData`: the document numbers are fixed per day, so a
 * second call finds the same records (`unchanged`) and writes nothing new.
 */
import { pickSearchCase, searchSubjects, type PublicSubject } from './platform-api';

const DAY = 86_400_000;

/** Today's date in Beijing, and `n` days before it. */
export function shanghaiDaysAgo(n: number): string {
  const now = new Date(Date.now() + 8 * 3_600_000 - n * DAY);
  return now.toISOString().slice(0, 10);
}

/** A valid citizen ID number (GB 11643 check character) for a body of 17 digits. */
export function citizenId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return body17 + '10X98765432'[sum % 11]!;
}

/** 18 characters shaped like a citizen ID number: what must never appear on a public page in full. */
export const fullIdPattern = /\b\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]\b/;

export interface PortalData {
  /** A demo company (found by search) that now has a licence, a penalty and a black list entry. */
  company: PublicSubject & { regionName: string | null };
  /** A name piece that finds the company on the first page of results. */
  query: string;
  /** The natural person's full ID number, submitted in a penalty and a black list entry. */
  personId: string;
  personName: string;
  department: { code: string; nameZh: string; nameEn: string; uscc: string };
  dates: { licence: string; penalty: string; person: string; listed: string };
  documentNumbers: { licence: string; penalty: string; person: string };
  /** Another demo company with more licences than an entity page's section opens with (10). */
  busy: { id: string; name: string; licences: number };
}

interface Department {
  code: string;
  nameZh: string;
  nameEn: string;
  uscc: string;
}

async function signIn(baseUrl: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'scjg.clerk', password: 'Clerk@2026' }),
  });
  if (!response.ok) throw new Error(`sign-in as scjg.clerk failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

async function submit(
  baseUrl: string,
  session: { cookie: string; csrf: string },
  itemCode: string,
  records: Array<Record<string, unknown>>,
): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/ingest/items/${itemCode}/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ records, mode: 'all_or_nothing' }),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`submitting ${itemCode} failed: ${response.status} ${body}`);
}

let cached: Promise<PortalData> | null = null;

/** Submits (once per run; idempotent across files) the records the portal tests look for. */
export function ensurePortalData(baseUrl: string): Promise<PortalData> {
  cached ??= build(baseUrl);
  return cached;
}

async function build(baseUrl: string): Promise<PortalData> {
  const { subject, query } = await pickSearchCase(baseUrl);
  // The public search answer carries the region too; the shared type names only what most tests use.
  const company = subject as PublicSubject & { regionName: string | null };
  if (!company.uscc) throw new Error(`the demo company ${company.name} has no USCC`);
  const departments = (await (await fetch(`${baseUrl}/api/v1/departments`)).json()) as { items: Department[] };
  const department = departments.items.find((d) => d.code === 'scjgj');
  if (!department) throw new Error('the demo district has no scjgj department');
  const personId = citizenId('11010819850315123');
  const personName = '公示测试人';
  const stamp = shanghaiDaysAgo(0).replaceAll('-', '');
  const dates = {
    licence: shanghaiDaysAgo(20),
    penalty: shanghaiDaysAgo(12),
    person: shanghaiDaysAgo(9),
    listed: shanghaiDaysAgo(30),
  };
  const documentNumbers = {
    licence: `京海市监许〔E2E〕${stamp}1号`,
    penalty: `京海市监罚〔E2E〕${stamp}1号`,
    person: `京海市监罚〔E2E〕${stamp}2号`,
  };
  const by = {
    name: department.nameZh,
    uscc: department.uscc,
  };
  const session = await signIn(baseUrl);
  const { items: others } = await searchSubjects(baseUrl, '有限', 10);
  const busy = others.find((s) => s.id !== company.id && s.uscc);
  if (!busy?.uscc) throw new Error('the demo district has no second company with a USCC');

  const licence = (over: Record<string, unknown>) => ({
    XK_XDR_LB: '法人及非法人组织',
    XK_FRDB: '王建国',
    XK_XKWS: '食品经营许可决定书',
    XK_XKLB: '普通',
    XK_XKZS: '食品经营许可证',
    XK_NR: '预包装食品销售',
    XK_YXQZI: '9999-12-31',
    XK_XKJG: by.name,
    XK_XKJGDM: by.uscc,
    XK_ZT: '0',
    XK_LYDW: by.name,
    XK_LYDWDM: by.uscc,
    ...over,
  });
  const busyLicences = 13;
  await submit(
    baseUrl,
    session,
    'ADM_LICENSE',
    Array.from({ length: busyLicences }, (_, i) =>
      licence({
        XK_XDR_MC: busy.name,
        XK_XDR_SHXYM: busy.uscc,
        XK_WSH: `京海市监许〔E2E〕${stamp}B${i + 1}号`,
        XK_XKBH: `JY11101081${stamp.slice(2)}${String(i).padStart(2, '0')}`,
        XK_JDRQ: shanghaiDaysAgo(21 + i),
        XK_YXQZ: shanghaiDaysAgo(21 + i),
      }),
    ),
  );
  await submit(baseUrl, session, 'ADM_LICENSE', [
    licence({
      XK_XDR_MC: company.name,
      XK_XDR_SHXYM: company.uscc,
      XK_WSH: documentNumbers.licence,
      XK_XKBH: `JY11101080${stamp.slice(2)}`,
      XK_JDRQ: dates.licence,
      XK_YXQZ: dates.licence,
    }),
  ]);
  const penalty = (over: Record<string, unknown>) => ({
    CF_WFXW: '虚假宣传',
    CF_SY: '当事人在网店页面发布的商品宣传内容与实际不符',
    CF_YJ: '《中华人民共和国反不正当竞争法》第二十条',
    CF_CFLB: '警告;罚款',
    CF_NR: '警告，并处罚款',
    CF_NR_FK: '2.5',
    CF_CFJG: by.name,
    CF_CFJGDM: by.uscc,
    CF_SJLY: by.name,
    CF_SJLYDM: by.uscc,
    ...over,
  });
  await submit(baseUrl, session, 'ADM_PENALTY', [
    penalty({
      CF_XDR_MC: company.name,
      CF_XDR_LB: '法人及非法人组织',
      CF_XDR_SHXYM: company.uscc,
      CF_FRDB: '王建国',
      CF_FR_ZJLX: '身份证',
      CF_FR_ZJHM: citizenId('11010819700101456'),
      CF_WSH: documentNumbers.penalty,
      CF_JDRQ: dates.penalty,
      CF_YXQ: shanghaiDaysAgo(-365),
    }),
    penalty({
      CF_XDR_MC: personName,
      CF_XDR_LB: '自然人',
      CF_XDR_ZJLX: '身份证',
      CF_XDR_ZJHM: personId,
      CF_WSH: documentNumbers.person,
      CF_JDRQ: dates.person,
      CF_YXQ: shanghaiDaysAgo(-365),
      // An ID number typed into free text must be masked too.
      CF_SY: `当事人（身份证号${personId}）无证经营`,
    }),
  ]);
  const listEntry = (over: Record<string, unknown>) => ({
    MD_MDLX: '市场监督管理严重违法失信名单',
    MD_LRYY: '提交虚假材料取得行政许可，情节严重',
    MD_RDBM: by.name,
    MD_RDBMDM: by.uscc,
    MD_RDRQ: dates.listed,
    MD_YXQZ: dates.listed,
    MD_YXQZI: shanghaiDaysAgo(-1000),
    MD_ZT: '有效',
    ...over,
  });
  await submit(baseUrl, session, 'BLACK_LIST', [
    listEntry({
      MD_ZTMC: company.name,
      MD_ZTLB: '法人及非法人组织',
      MD_TYSHXYDM: company.uscc,
      MD_RDWH: `京海市监严〔E2E〕${stamp}1号`,
    }),
    listEntry({
      MD_ZTMC: personName,
      MD_ZTLB: '自然人',
      MD_ZJLX: '身份证',
      MD_ZJHM: personId,
      MD_RDWH: `京海市监严〔E2E〕${stamp}2号`,
    }),
  ]);
  return {
    company,
    query,
    personId,
    personName,
    department,
    dates,
    documentNumbers,
    busy: { id: busy.id, name: busy.name, licences: busyLicences },
  };
}
