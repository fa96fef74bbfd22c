/**
 * XLSX rows, streamed with exceljs' WorkbookReader: the first worksheet only,
 * each cell turned into the text a clerk sees — dates as YYYY-MM-DD, numbers
 * without binary float noise, rich text flattened, formulas as their result.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isTableReadError, xlsxCorrupt } from './table-errors';
import { sharedStrings, type SharedStrings } from './shared-strings';
import { checkRowLimits, type RawRow, type TableLimits } from './table-rows';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A date cell: exceljs builds it in UTC from the serial number, so UTC parts are the calendar date typed. */
export function formatExcelDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** `1e-7` → `0.0000001`, `1.5e+21` → `1500000000000000000000`: a decimal string, never an exponent. */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exp = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/\.?0+$/, '');
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A number as Excel shows it in a General cell: at most 15 significant digits
 * (Excel's own precision), so 0.1+0.2 is `0.3`, not `0.30000000000000004`.
 */
export function formatExcelNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return expandExponent(String(Number(value.toPrecision(15))));
}

// Date-ness of a number format, as exceljs decides it for plain cells: date/time letters outside quotes and [...].
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhsb]/i.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const serialToDate = (serial: number): Date => new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));

type Scalar = number | string | boolean | Date | ExcelJS.CellErrorValue | undefined;

function scalarText(value: Scalar, numFmt: string | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatExcelDate(value);
  if (typeof value === 'number') {
    // exceljs converts dates only for plain cells; a formula such as =DATE(2024,3,5) keeps its serial.
    return isDateFormat(numFmt) ? formatExcelDate(serialToDate(value)) : formatExcelNumber(value);
  }
  return value.error;
}

/** The text of one cell value as a clerk reads it on screen. */
export function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object' || value instanceof Date) return scalarText(value, numFmt);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return scalarText(value.result, numFmt);
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    // A hyperlink's text may itself be rich text.
    if (text && typeof text === 'object' && 'richText' in text) return cellText(text as ExcelJS.CellRichTextValue);
    return typeof text === 'string' ? text : '';
  }
  if ('error' in value) return value.error;
  return '';
}

function rowCells(row: ExcelJS.Row, strings: SharedStrings): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const value = cell.value as ExcelJS.CellValue | { sharedString: number };
    const text =
      value !== null && typeof value === 'object' && 'sharedString' in value
        ? strings.get(value.sharedString)
        : cellText(value, cell.numFmt);
    if (text === '') return;
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = text;
  });
  return cells;
}

/**
 * exceljs pipes the source into its unzipper, which never hears of a read
 * error (a vanished file, a size limit hit): it would wait forever. Every
 * step therefore also fails when the source does.
 *
 * Not `Promise.race([next(), failed])`: each race leaves a reaction on the
 * never-settling `failed` promise that holds the step's result, so a sheet of
 * a million rows would keep every row in memory.
 */
interface SourceFailure {
  next<T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T>>;
}

function failureOf(source: Readable): SourceFailure {
  let failure: Error | null = null;
  let failStep: ((error: Error) => void) | null = null;
  source.once('error', (error: Error) => {
    failure = error;
    failStep?.(error);
  });
  return {
    next<T>(iterator: AsyncIterator<T>) {
      if (failure !== null) return Promise.reject(failure);
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        failStep = reject;
        iterator.next().then(resolve, reject);
      });
    },
  };
}

/**
 * What exceljs' `parse()` yields with `sharedStrings: 'emit'`: each shared
 * string as `{ index, text }` (not wrapped in an event, unlike the rest), and
 * each worksheet, read after every shared string is known.
 */
type ParseItem =
  { index: number; text: string | { richText: { text: string }[] } | null } | { eventType: string; value: unknown };

/** A worksheet reader as far as closing it goes: `iterator` is the stream of its temporary copy. */
type OpenWorksheet = { iterator?: { destroy?: () => void } };

/** Non-blank rows of the first worksheet with their Excel row numbers. */
export async function* xlsxRows(
  source: Readable,
  limits: TableLimits,
  sharedStringsInMemory?: number,
): AsyncGenerator<RawRow, void, undefined> {
  const failed = failureOf(source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    // Emitted, not cached by exceljs: the table of a large file moves to disk (shared-strings.ts).
    sharedStrings: 'emit',
    // Styles carry the number formats that say a number is a date.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const strings = sharedStrings(sharedStringsInMemory);
  // Set once the zip has been read through and its worksheets are being handed over.
  let sheet: OpenWorksheet | null = null;
  const items = (reader as unknown as { parse(): AsyncGenerator<ParseItem> }).parse();
  try {
    for (let item = await failed.next(items); !item.done; item = await failed.next(items)) {
      const event = item.value;
      if ('index' in event) {
        const { text } = event;
        strings.add(event.index, typeof text === 'string' ? text : (text?.richText.map((r) => r.text).join('') ?? ''));
        continue;
      }
      if (event.eventType !== 'worksheet') continue;
      sheet = event.value as OpenWorksheet;
      // Only the first worksheet holds data: templates keep their dictionaries on later, hidden sheets.
      const rows = (event.value as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
      for (let next = await failed.next(rows); !next.done; next = await failed.next(rows)) {
        const checked = checkRowLimits(next.value.number, rowCells(next.value, strings), limits);
        if (checked) yield checked;
      }
      return;
    }
  } catch (error) {
    throw isTableReadError(error) ? error : xlsxCorrupt(error);
  } finally {
    source.destroy();
    strings.close();
    if (sheet) {
      sheet.iterator?.destroy?.();
      void discardWorksheets(items);
    } else {
      // Ends exceljs' own generator without waiting for the rest of the zip.
      void items.return(undefined).catch(() => undefined);
    }
  }
}

/**
 * exceljs copies each worksheet to a temporary file and deletes it only once
 * the next one is asked for; stopping at the first would leave them all on
 * disk until the process exits (a server never does). By now the zip has
 * been read through: walk the rest, closing each worksheet unread, so every
 * temporary file is deleted now.
 */
async function discardWorksheets(items: AsyncGenerator<ParseItem>): Promise<void> {
  try {
    for (let item = await items.next(); !item.done; item = await items.next()) {
      const event = item.value;
      if ('eventType' in event && event.eventType === 'worksheet') (event.value as OpenWorksheet).iterator?.destroy?.();
    }
  } catch {
    // A worksheet that cannot even be opened has nothing left to delete.
  }
}
