/**
 * The file a clerk downloads after an import: the rejected rows exactly as
 * submitted, under the original headers, plus one column 错误原因 listing
 * `字段：原因` for every error. The clerk fixes the cells and uploads the same
 * file again: header-map recognises and skips the reason column, so only the
 * corrected rows go in. CSV (UTF-8 with BOM, so Excel opens it as UTF-8) and
 * XLSX (offending cells highlighted with the reason as a note, header frozen).
 */
import ExcelJS from 'exceljs';
import { ERROR_REASON_HEADER } from './header-map';
import { openSink, type OutputTarget } from './output-sink';
import { WHOLE_ROW, type RowError } from './row-error';
import { normalizeHeader } from './text-normalize';

export interface RejectedRow {
  readonly rowNumber: number;
  /** The row's cells as read (readTable), in the original column order. */
  readonly cells: readonly string[];
  readonly errors: readonly RowError[];
}

export type ReportLanguage = 'zh' | 'en' | 'both';

export interface ErrorReportInput {
  /** The original header row. */
  readonly headers: readonly string[];
  readonly rows: Iterable<RejectedRow> | AsyncIterable<RejectedRow>;
  /** Field code → 0-based column (HeaderMapping.fieldColumns): which cell to highlight in the XLSX. */
  readonly fieldColumns?: ReadonlyMap<string, number>;
  /** Language of the reasons; Chinese by default. */
  readonly language?: ReportLanguage;
}

const UTF8_BOM = '\uFEFF';
const REASON_KEYS = new Set([normalizeHeader(ERROR_REASON_HEADER), normalizeHeader('错误原因')]);

/** `字段：原因；字段：原因` — how one row's errors read in the reason column. */
export function formatRowErrors(errors: readonly RowError[], language: ReportLanguage = 'zh'): string {
  const zh = errors.map((e) => `${e.label}：${e.reason.zh}`).join('；');
  const en = errors.map((e) => `${e.field === WHOLE_ROW ? 'row' : e.field}: ${e.reason.en}`).join('; ');
  if (language === 'zh') return zh;
  if (language === 'en') return en;
  return `${zh}\n${en}`;
}

interface Layout {
  /** Original column indexes kept (a reason column from an earlier report is dropped, then re-added). */
  readonly keep: readonly number[];
  readonly headers: readonly string[];
}

function layoutOf(headers: readonly string[]): Layout {
  const keep = headers.flatMap((h, i) => (REASON_KEYS.has(normalizeHeader(h)) ? [] : [i]));
  return { keep, headers: [...keep.map((i) => headers[i] ?? ''), ERROR_REASON_HEADER] };
}

const reportCells = (layout: Layout, row: RejectedRow, language: ReportLanguage): string[] => [
  ...layout.keep.map((i) => row.cells[i] ?? ''),
  formatRowErrors(row.errors, language),
];

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

const csvLine = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * The CSV error report. Cells are written exactly as submitted — no
 * formula-guard prefix — because the file must re-import unchanged; they are
 * the clerk's own cells coming back to the clerk.
 */
export function writeErrorReportCsv(input: ErrorReportInput): Promise<Buffer>;
export function writeErrorReportCsv(input: ErrorReportInput, target: OutputTarget): Promise<void>;
export async function writeErrorReportCsv(input: ErrorReportInput, target?: OutputTarget): Promise<Buffer | void> {
  const sink = openSink(target);
  const layout = layoutOf(input.headers);
  const language = input.language ?? 'zh';
  await sink.write(UTF8_BOM + csvLine(layout.headers));
  for await (const row of input.rows) await sink.write(csvLine(reportCells(layout, row, language)));
  return sink.done();
}

const HIGHLIGHT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const REASON_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };
const REASON_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };

/**
 * The XLSX error report, streamed row by row. Every cell is written as text
 * (and the columns formatted as text) so that an 18-digit ID number or a
 * leading `=` comes back exactly as submitted.
 */
export function writeErrorReportXlsx(input: ErrorReportInput): Promise<Buffer>;
export function writeErrorReportXlsx(input: ErrorReportInput, target: OutputTarget): Promise<void>;
export async function writeErrorReportXlsx(input: ErrorReportInput, target?: OutputTarget): Promise<Buffer | void> {
  const sink = openSink(target);
  const layout = layoutOf(input.headers);
  const language = input.language ?? 'zh';
  // Original column index → report column (1-based), for highlighting.
  const reportColumn = new Map(layout.keep.map((original, i) => [original, i + 1]));
  const reasonColumn = layout.headers.length;

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink.stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('错误行', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = layout.headers.map((_, i) => ({
    width: i + 1 === reasonColumn ? 60 : 18,
    style: { numFmt: '@' },
  }));

  const header = sheet.addRow([...layout.headers]);
  header.eachCell((cell, column) => {
    cell.font = { bold: true };
    cell.fill = column === reasonColumn ? REASON_FILL : HEADER_FILL;
  });
  header.commit();

  for await (const row of input.rows) {
    const excelRow = sheet.addRow(reportCells(layout, row, language));
    const reasons = new Map<number, string[]>();
    for (const error of row.errors) {
      const original = input.fieldColumns?.get(error.field);
      const column = original === undefined ? undefined : reportColumn.get(original);
      if (column === undefined) continue;
      reasons.set(column, [...(reasons.get(column) ?? []), formatRowErrors([error], language)]);
    }
    for (const [column, texts] of reasons) {
      const cell = excelRow.getCell(column);
      cell.fill = HIGHLIGHT;
      cell.note = texts.join('\n');
    }
    const reason = excelRow.getCell(reasonColumn);
    reason.font = REASON_FONT;
    reason.alignment = { wrapText: true, vertical: 'top' };
    excelRow.commit();
  }
  sheet.commit();
  await workbook.commit();
  return sink.done();
}
