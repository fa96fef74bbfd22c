/**
 * Why a whole file is refused before any row is validated: wrong format,
 * unreadable bytes, limits exceeded, unusable header. Each error carries a
 * stable code, a bilingual message a clerk can act on, and where it happened
 * (the row number Excel shows, the column letter), so that the API renders it
 * as problem+json and the CLI prints it as is.
 */
import { AppError, type LocalizedText } from '../../../platform/errors';

export const TABLE_ERROR_CODES = [
  'ingest.file_empty',
  'ingest.file_too_large',
  'ingest.no_header',
  'ingest.too_many_columns',
  'ingest.cell_too_large',
  'ingest.not_xlsx',
  'ingest.xlsx_encrypted',
  'ingest.xls_unsupported',
  'ingest.xlsx_corrupt',
  'ingest.binary_file',
  'ingest.utf16_unsupported',
  'ingest.encoding_invalid',
  'ingest.csv_malformed',
  'ingest.format_mismatch',
  'ingest.header_invalid',
] as const;
export type TableErrorCode = (typeof TABLE_ERROR_CODES)[number];

/** Where in the file a problem is: both 1-based, as a clerk counts in Excel. */
export interface TablePosition {
  readonly row?: number;
  readonly column?: number;
}

export class TableReadError extends AppError {
  override readonly code: TableErrorCode;
  readonly row: number | null;
  readonly column: number | null;

  constructor(
    code: TableErrorCode,
    status: number,
    text: LocalizedText,
    position: TablePosition = {},
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const row = position.row ?? null;
    const column = position.column ?? null;
    super(code, status, text, {
      details: { row, column, columnLetter: column === null ? null : columnLetter(column), ...options.details },
      cause: options.cause,
    });
    this.name = 'TableReadError';
    this.code = code;
    this.row = row;
    this.column = column;
  }
}

export const isTableReadError = (error: unknown): error is TableReadError => error instanceof TableReadError;

/** 1 → A, 27 → AA: how Excel names columns. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const where = (position: TablePosition): LocalizedText => {
  const { row, column } = position;
  if (row !== undefined && column !== undefined) {
    return { zh: `第 ${row} 行 ${columnLetter(column)} 列：`, en: `row ${row}, column ${columnLetter(column)}: ` };
  }
  if (row !== undefined) return { zh: `第 ${row} 行：`, en: `row ${row}: ` };
  return { zh: '', en: '' };
};

const at = (position: TablePosition, text: LocalizedText): LocalizedText => {
  const prefix = where(position);
  return { zh: prefix.zh + text.zh, en: prefix.en + text.en };
};

const kib = (bytes: number): string => (bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`);
const mib = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

export const fileEmpty = (): TableReadError =>
  new TableReadError('ingest.file_empty', 422, { zh: '文件为空', en: 'The file is empty' });

export const noHeader = (): TableReadError =>
  new TableReadError('ingest.no_header', 422, {
    zh: '文件中没有表头行（所有行都是空的）',
    en: 'The file has no header row (every row is blank)',
  });

export const fileTooLarge = (limit: number): TableReadError =>
  new TableReadError(
    'ingest.file_too_large',
    413,
    { zh: `文件超过 ${mib(limit)} 的上限`, en: `The file is larger than the ${mib(limit)} limit` },
    {},
    { details: { limit } },
  );

export const tooManyColumns = (row: number, columns: number, limit: number): TableReadError =>
  new TableReadError(
    'ingest.too_many_columns',
    422,
    at(
      { row },
      {
        zh: `共 ${columns} 列，超过 ${limit} 列的上限`,
        en: `${columns} columns, more than the limit of ${limit}`,
      },
    ),
    { row, column: columns },
    { details: { columns, limit } },
  );

export const cellTooLarge = (row: number, column: number, limit: number): TableReadError =>
  new TableReadError(
    'ingest.cell_too_large',
    422,
    at(
      { row, column },
      { zh: `单元格内容超过 ${kib(limit)} 的上限`, en: `the cell is larger than the ${kib(limit)} limit` },
    ),
    { row, column },
    { details: { limit } },
  );

export const notXlsx = (): TableReadError =>
  new TableReadError('ingest.not_xlsx', 415, {
    zh: '文件不是 XLSX 格式（不是 zip 压缩包），请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”或 CSV',
    en: 'The file is not an XLSX workbook (not a zip archive); save it from Excel as "Excel Workbook (*.xlsx)" or CSV',
  });

export const xlsxEncrypted = (): TableReadError =>
  new TableReadError('ingest.xlsx_encrypted', 415, {
    zh: '文件已加密（设置了打开密码），请取消密码后重新上传',
    en: 'The workbook is encrypted (it has an open password); remove the password and upload it again',
  });

export const xlsUnsupported = (): TableReadError =>
  new TableReadError('ingest.xls_unsupported', 415, {
    zh: '不支持旧版 Excel 97-2003 (.xls) 文件，请另存为“Excel 工作簿 (*.xlsx)”或 CSV',
    en: 'Old Excel 97-2003 (.xls) files are not supported; save it as "Excel Workbook (*.xlsx)" or CSV',
  });

export const xlsxCorrupt = (cause: unknown): TableReadError =>
  new TableReadError(
    'ingest.xlsx_corrupt',
    422,
    { zh: 'XLSX 文件已损坏，无法读取', en: 'The XLSX file is damaged and cannot be read' },
    {},
    { cause },
  );

export const binaryFile = (): TableReadError =>
  new TableReadError('ingest.binary_file', 415, {
    zh: '文件不是文本 CSV，也不是 XLSX 工作簿',
    en: 'The file is neither a text CSV nor an XLSX workbook',
  });

export const utf16Unsupported = (): TableReadError =>
  new TableReadError('ingest.utf16_unsupported', 415, {
    zh: '不支持 UTF-16（“Unicode 文本”）文件，请另存为 CSV（逗号分隔）或 CSV UTF-8',
    en: 'UTF-16 ("Unicode Text") files are not supported; save as CSV (Comma delimited) or CSV UTF-8',
  });

export const encodingInvalid = (row: number): TableReadError =>
  new TableReadError(
    'ingest.encoding_invalid',
    422,
    at(
      { row },
      {
        zh: '文件编码不一致：前文为 UTF-8，此处出现了非 UTF-8 字节',
        en: 'inconsistent encoding: the file starts as UTF-8 but has non-UTF-8 bytes here',
      },
    ),
    { row },
  );

export const csvMalformed = (row: number, detail: string, cause: unknown): TableReadError =>
  new TableReadError(
    'ingest.csv_malformed',
    422,
    at({ row }, { zh: `CSV 格式错误（${detail}）`, en: `malformed CSV (${detail})` }),
    { row },
    { cause },
  );

export const formatMismatch = (expected: 'csv' | 'xlsx', actual: string): TableReadError =>
  new TableReadError(
    'ingest.format_mismatch',
    415,
    {
      zh: `文件应为 ${expected.toUpperCase()}，实际内容是 ${actual}`,
      en: `Expected a ${expected.toUpperCase()} file, but the content is ${actual}`,
    },
    {},
    { details: { expected, actual } },
  );
