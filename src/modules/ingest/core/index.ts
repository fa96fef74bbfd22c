/**
 * The pure core of ingestion — no database, no HTTP: read a department's file
 * (CSV in UTF-8 or GB18030, XLSX) as a stream of rows, bind its headers to a
 * catalog item's fields, validate and normalise each row, write error reports
 * the clerk can fix and upload again, and build download templates. Batches,
 * the API and the CLI are built on top of it.
 */
export {
  readTable,
  DEFAULT_MAX_CELL_BYTES,
  DEFAULT_MAX_COLUMNS,
  type ReadTableOptions,
  type Table,
  type TableInput,
  type TableRow,
} from './read-table';
export { detectFormat, type TableFormat } from './detect-format';
export type { DetectedEncoding } from './decode-stream';
export { cellText, formatExcelDate, formatExcelNumber } from './read-xlsx';
export {
  TABLE_ERROR_CODES,
  TableReadError,
  columnLetter,
  isTableReadError,
  type TableErrorCode,
  type TablePosition,
} from './table-errors';
export {
  ERROR_REASON_HEADER,
  headerMappingFailed,
  mapHeaders,
  rowValues,
  type ColumnBinding,
  type HeaderIssue,
  type HeaderIssueCode,
  type HeaderMapping,
  type RowValues,
} from './header-map';
export { CITIZEN_ID_DOCUMENT, validateRow, type ValidationContext, type ValidationResult } from './validate-row';
export { checkRow } from './check-row';
export { WHOLE_ROW, type RowError } from './row-error';
export { KNOWN_DATE_PAIRS, findDatePairs, findIdTypeFields, type DatePair } from './definition-links';
export { FEN_PER_WAN, fenToWan, wanToFen, type AmountErrorCode, type AmountResult } from './amount';
export { excelSerialToDate, parseDate, type DateErrorCode, type DateResult } from './dates';
export { normalizeHeader, normalizeLine, normalizeMultiline, normalizeStructured } from './text-normalize';
export {
  formatRowErrors,
  writeErrorReportCsv,
  writeErrorReportXlsx,
  type ErrorReportInput,
  type RejectedRow,
  type ReportLanguage,
} from './error-report';
export { TEMPLATE_ROWS, buildTemplateCsv, buildTemplateXlsx, templateFields, templateHeaders } from './template';
export { sampleRow } from './template-sample';
export type { OutputTarget } from './output-sink';
