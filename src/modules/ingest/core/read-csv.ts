/**
 * CSV records as rows, streamed: bytes → UTF-8 (DecodeToUtf8) → csv-parse.
 * Row numbers count every record, blank ones included, because that is the
 * row number the clerk sees when the file is opened in Excel (a quoted line
 * break stays inside its row there too).
 */
import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { DecodeToUtf8, InvalidUtf8Error, type DetectedEncoding } from './decode-stream';
import { cellTooLarge, csvMalformed, encodingInvalid, isTableReadError, tooManyColumns } from './table-errors';
import type { RawRow, TableLimits } from './table-rows';
import { checkRowLimits } from './table-rows';

export interface CsvSource {
  readonly rows: AsyncGenerator<RawRow, void, undefined>;
  /** Known once the first non-ASCII byte has been seen; null for a pure-ASCII file. */
  encoding(): DetectedEncoding | null;
}

const MALFORMED_DETAIL: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'quote not closed / 引号未闭合',
  CSV_INVALID_CLOSING_QUOTE: 'invalid closing quote / 引号后有多余字符',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text after a closing quote / 引号后有多余字符',
};

function translate(error: unknown, recordsSoFar: number, limits: TableLimits): unknown {
  if (isTableReadError(error)) return error;
  if (error instanceof InvalidUtf8Error) return encodingInvalid(error.line);
  if (error instanceof CsvError) {
    // The record being parsed when the error struck is the next one.
    const row = (typeof error.records === 'number' ? error.records : recordsSoFar) + 1;
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      // The record limit is maxColumns × maxCellBytes: exceeding it means one of the two limits is.
      const column = (typeof error.column === 'number' ? error.column : 0) + 1;
      return column > limits.maxColumns
        ? tooManyColumns(row, column, limits.maxColumns)
        : cellTooLarge(row, column, limits.maxCellBytes);
    }
    return csvMalformed(row, MALFORMED_DETAIL[error.code] ?? error.code, error);
  }
  return error;
}

/** Non-blank records with their Excel row numbers; the caller takes the first as the header. */
export function csvRows(source: Readable, limits: TableLimits): CsvSource {
  const decoder = new DecodeToUtf8();
  const parser = parse({
    // Rows shorter or longer than the header are handled by the caller, which knows the header.
    relax_column_count: true,
    // A lone quote inside an unquoted cell (ab"c) is text, as Excel reads it.
    relax_quotes: true,
    // Hand-edited files mix line endings; csv-parse would otherwise keep only the first one it sees.
    record_delimiter: ['\r\n', '\n', '\r'],
    // Blank lines are rows in Excel: keep them so that row numbers agree.
    skip_empty_lines: false,
    // Bounds memory per record: a 10 MB cell is refused after at most this much, never held whole.
    max_record_size: limits.maxCellBytes * limits.maxColumns,
  });
  // pipeline() destroys every stage when one fails or the reader stops early.
  pipeline(source, decoder, parser, () => undefined);

  async function* rows(): AsyncGenerator<RawRow, void, undefined> {
    let records = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        records += 1;
        const row = checkRowLimits(records, record, limits);
        if (row) yield row;
      }
    } catch (error) {
      throw translate(error, records, limits);
    } finally {
      parser.destroy();
      source.destroy();
    }
  }

  return { rows: rows(), encoding: () => decoder.encoding };
}
