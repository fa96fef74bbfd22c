import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItemDefinition } from '../../catalog';
import { checkRow } from './check-row';
import { ERROR_REASON_HEADER, mapHeaders, type HeaderMapping } from './header-map';
import { formatRowErrors, writeErrorReportCsv, writeErrorReportXlsx, type RejectedRow } from './error-report';
import { readTable, type TableInput } from './read-table';
import { CTX, penaltyRow, seedDefinition } from './test-support';

const dir = mkdtempSync(path.join(tmpdir(), 'xinyong-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let penalty: CatalogItemDefinition;
beforeAll(async () => {
  penalty = await seedDefinition('ADM_PENALTY');
});

interface Imported {
  readonly headers: string[];
  readonly mapping: HeaderMapping;
  readonly accepted: Record<string, unknown>[];
  readonly rejected: RejectedRow[];
}

/** What a batch does with a file: read, map, check every row. */
async function importFile(input: TableInput): Promise<Imported> {
  const table = await readTable(input);
  const mapping = mapHeaders(penalty, table.headers);
  expect(mapping.errors).toEqual([]);
  expect(mapping.warnings).toEqual([]);
  const accepted: Record<string, unknown>[] = [];
  const rejected: RejectedRow[] = [];
  for await (const row of table.rows) {
    const result = checkRow(penalty, mapping, row.cells, CTX);
    if (result.ok) accepted.push(result.payload);
    else rejected.push({ rowNumber: row.rowNumber, cells: row.cells, errors: result.errors });
  }
  return { headers: table.headers, mapping, accepted, rejected };
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');

/** A department file with shuffled label headers: one good row, two bad ones. */
function departmentFile(): Buffer {
  const codes = Object.keys(penaltyRow()).reverse();
  const labels = codes.map((code) => penalty.fields.find((f) => f.code === code)!.labelZh);
  const row = (overrides: Record<string, string>) => {
    const values = penaltyRow(overrides);
    return codes.map((code) => values[code] ?? '');
  };
  return csv([
    labels,
    row({}),
    row({ CF_WSH: '京海市监罚〔2024〕2号', CF_JDRQ: '2024-02-30', CF_XDR_SHXYM: '91110000600037341M' }),
    row({ CF_WSH: '京海市监罚〔2024〕3号', CF_CFLB: '警告,罚金', CF_XDR_MC: '=HYPERLINK("http://x")' }),
  ]);
}

describe('error reports', () => {
  it('formats reasons as 字段：原因 in Chinese, or field code and English', () => {
    const errors = [
      {
        field: 'CF_WSH',
        label: '行政处罚决定书文号',
        value: '',
        code: 'required',
        reason: { zh: '必填', en: 'required' },
      },
      {
        field: 'CF_JDRQ',
        label: '处罚决定日期',
        value: 'x',
        code: 'date_invalid',
        reason: { zh: '格式', en: 'format' },
      },
    ];
    expect(formatRowErrors(errors)).toBe('行政处罚决定书文号：必填；处罚决定日期：格式');
    expect(formatRowErrors(errors, 'en')).toBe('CF_WSH: required; CF_JDRQ: format');
  });

  it('writes a CSV with BOM, the original headers and cells, and the reason column', async () => {
    const imported = await importFile({ bytes: departmentFile() });
    expect(imported.accepted).toHaveLength(1);
    expect(imported.rejected.map((r) => r.rowNumber)).toEqual([3, 4]);
    const bytes = await writeErrorReportCsv({ headers: imported.headers, rows: imported.rejected });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(`${imported.headers.join(',')},${ERROR_REASON_HEADER}`);
    expect(lines).toHaveLength(4); // header, two rows, final empty line
    expect(text).toContain('"=HYPERLINK(""http://x"")"');
    expect(text).toContain('处罚决定日期：不存在的日期：2024年2月30日');
    expect(text).toContain('统一社会信用代码：校验位应为 L，实际为 M');
    expect(text).toContain('处罚类别：“罚金”不是可选值');
  });

  it('writes an XLSX with a frozen header, highlighted cells with notes, text cells and the reason column', async () => {
    const imported = await importFile({ bytes: departmentFile() });
    const bytes = await writeErrorReportXlsx({
      headers: imported.headers,
      rows: imported.rejected,
      fieldColumns: imported.mapping.fieldColumns,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const reasonColumn = imported.headers.length + 1;
    expect(sheet.getRow(1).getCell(reasonColumn).value).toBe(ERROR_REASON_HEADER);
    const dateColumn = imported.mapping.fieldColumns.get('CF_JDRQ')! + 1;
    const nameColumn = imported.mapping.fieldColumns.get('CF_XDR_MC')! + 1;
    const dateCell = sheet.getRow(2).getCell(dateColumn);
    expect(dateCell.value).toBe('2024-02-30');
    expect(dateCell.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFC7CE' } });
    expect(JSON.stringify(dateCell.note)).toContain('不存在的日期');
    // An untouched cell is not highlighted.
    expect(sheet.getRow(2).getCell(nameColumn).fill).not.toMatchObject({ pattern: 'solid' });
    // A formula-looking value comes back as text, not as a formula.
    expect(sheet.getRow(3).getCell(nameColumn).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(3).getCell(reasonColumn).text).toContain('处罚类别');
  });

  it('writes to a file path and to a stream', async () => {
    const input = {
      headers: ['CF_WSH'],
      rows: [{ rowNumber: 2, cells: [''], errors: [] }],
    };
    const target = path.join(dir, 'report.csv');
    await writeErrorReportCsv(input, { path: target });
    expect(readFileSync(target, 'utf8')).toBe(`\uFEFFCF_WSH,${ERROR_REASON_HEADER}\r\n,\r\n`);
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    await writeErrorReportXlsx(input, { stream });
    expect(Buffer.concat(chunks).subarray(0, 2).toString()).toBe('PK');
  });

  it('round trip (CSV): the clerk fixes the rows in the report and uploads it again; it imports cleanly', async () => {
    const first = await importFile({ bytes: departmentFile() });
    const report = await writeErrorReportCsv({ headers: first.headers, rows: first.rejected });

    // Uploading the report unchanged gives the same errors, and a new report has one reason column.
    const again = await importFile({ path: writeFile('unchanged.csv', report) });
    expect(again.rejected.map((r) => r.errors)).toEqual(first.rejected.map((r) => r.errors));
    const second = await writeErrorReportCsv({ headers: again.headers, rows: again.rejected });
    expect(second.toString('utf8').split('\r\n')[0]!.split(ERROR_REASON_HEADER)).toHaveLength(2);

    const fixedText = report
      .toString('utf8')
      .replace('2024-02-30', '2024-02-29')
      .replace('91110000600037341M', '91110000600037341L')
      .replace('警告,罚金', '警告,罚款');
    const fixed = await importFile({ bytes: Buffer.from(fixedText, 'utf8') });
    expect(fixed.rejected).toEqual([]);
    expect(fixed.accepted.map((p) => p.CF_WSH)).toEqual(['京海市监罚〔2024〕2号', '京海市监罚〔2024〕3号']);
  });

  it('round trip (XLSX): fixed in Excel, uploaded again, imports cleanly', async () => {
    const first = await importFile({ bytes: departmentFile() });
    const report = await writeErrorReportXlsx({
      headers: first.headers,
      rows: first.rejected,
      fieldColumns: first.mapping.fieldColumns,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const column = (code: string) => first.mapping.fieldColumns.get(code)! + 1;
    sheet.getRow(2).getCell(column('CF_JDRQ')).value = new Date(Date.UTC(2024, 1, 29)); // typed as a real date
    sheet.getRow(2).getCell(column('CF_XDR_SHXYM')).value = '91110000600037341L';
    sheet.getRow(3).getCell(column('CF_CFLB')).value = '警告;罚款';
    const fixed = await importFile({ bytes: Buffer.from(await workbook.xlsx.writeBuffer()) });
    expect(fixed.rejected).toEqual([]);
    expect(fixed.accepted).toHaveLength(2);
    expect(fixed.accepted[0]).toMatchObject({ CF_JDRQ: '2024-02-29', CF_NR_FK: 500_000 });
    expect(fixed.accepted[1]).toMatchObject({ CF_XDR_MC: '=HYPERLINK("http://x")', CF_CFLB: ['警告', '罚款'] });
  });
});

function writeFile(name: string, bytes: Buffer): string {
  const target = path.join(dir, name);
  writeFileSync(target, bytes);
  return target;
}
