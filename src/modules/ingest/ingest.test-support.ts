import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import type { TestApp } from '../../platform/testing';
import { systemCaller } from '../../platform/context';
import { createApiKey, listDepartments } from '../identity';
import { getCatalogItem } from '../catalog';
import { registerSubject, subjectsEnv, computeOrgCodeCheck, computeUsccCheck } from '../subjects';
import { AUTHORITY_ABBREVIATIONS, generatePenalties, type DemoCounterpart } from '../../demo/records.generator';

export function usccFor(body8: string, prefix = '91'): string {
  const body17 = `${prefix}110108${body8}${computeOrgCodeCheck(body8)}`;
  return body17 + computeUsccCheck(body17);
}

const COMPANIES = ['北京测试甲科技有限公司', '北京测试乙商贸有限公司', '北京测试丙餐饮管理有限公司'];

/** Registers the fixture's companies (once per database). */
export async function registerFixtureSubjects(t: TestApp): Promise<void> {
  for (const [i, name] of COMPANIES.entries()) {
    await registerSubject(subjectsEnv(t), systemCaller('test'), {
      kind: 'legal_person',
      name,
      uscc: usccFor(`2${i}3A4B5C`),
      legalRepresentative: '王芳',
    });
  }
}

/** Penalty rows (by field code) naming the fixture's subjects; `seed` varies the decision numbers. */
export async function penaltyFixture(t: TestApp, count: number, seed = 1): Promise<Record<string, string>[]> {
  const subjects: DemoCounterpart[] = COMPANIES.map((name, i) => ({
    name,
    kind: 'legal_person',
    uscc: usccFor(`2${i}3A4B5C`),
    legalRepresentative: '王芳',
  }));
  subjects.push({ name: '张三', kind: 'natural_person', idNumber: '11010519491231002X' });
  const departments = await listDepartments(t.db.kysely);
  const authorities = departments
    .filter((d) => d.code === 'scjgj')
    .map((d) => ({ code: d.code, name: d.nameZh, uscc: d.uscc, abbreviation: AUTHORITY_ABBREVIATIONS[d.code]! }));
  return [
    ...generatePenalties({
      seed,
      count,
      startIndex: seed * 100_000,
      from: '2025-01-01',
      to: '2026-10-31',
      subjects,
      authorities,
    }),
  ];
}

export async function headersFor(t: TestApp, use: 'labels' | 'codes'): Promise<{ codes: string[]; headers: string[] }> {
  const item = await getCatalogItem(t.db.kysely, 'ADM_PENALTY');
  const fields = item.fields.filter((f) => !f.derived);
  return { codes: fields.map((f) => f.code), headers: fields.map((f) => (use === 'labels' ? f.labelZh : f.code)) };
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export async function toCsv(
  t: TestApp,
  rows: readonly Record<string, string>[],
  options: { use?: 'labels' | 'codes'; encoding?: 'utf8' | 'utf8bom' | 'gb18030'; reverse?: boolean } = {},
): Promise<Buffer> {
  const { codes, headers } = await headersFor(t, options.use ?? 'labels');
  const order = options.reverse ? [...codes.keys()].reverse() : [...codes.keys()];
  const lines = [order.map((i) => quote(headers[i]!)).join(',')];
  for (const row of rows) lines.push(order.map((i) => quote(row[codes[i]!] ?? '')).join(','));
  const text = lines.join('\r\n') + '\r\n';
  if (options.encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.from((options.encoding === 'utf8bom' ? '\ufeff' : '') + text, 'utf8');
}

export async function toXlsx(t: TestApp, rows: readonly Record<string, string>[]): Promise<Buffer> {
  const { codes, headers } = await headersFor(t, 'labels');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('处罚');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(codes.map((c) => row[c] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function clerkKey(t: TestApp, departmentCode = 'scjgj'): Promise<string> {
  const { key } = await createApiKey(t.db, systemCaller('test'), {
    name: `clerk-${departmentCode}-${Math.random().toString(36).slice(2, 8)}`,
    departmentCode,
    permissions: ['records.submit', 'records.read'],
  });
  return key;
}
