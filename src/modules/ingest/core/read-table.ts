/**
 * readTable: one entry point for every department file. It sniffs the
 * format from the bytes, streams rows (never the whole file in memory),
 * enforces the size limits, and returns the header row and an async iterable
 * of the data rows. Every refusal is a TableReadError with a stable code.
 */
import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { detectFormat, oleDirectorySector, SNIFF_BYTES, type TableFormat } from './detect-format';
import type { DetectedEncoding } from './decode-stream';
import { csvRows } from './read-csv';
import { xlsxRows } from './read-xlsx';
import { fileEmpty, fileTooLarge, noHeader } from './table-errors';
import type { RawRow } from './table-rows';

export type TableInput = { readonly path: string } | { readonly bytes: Buffer };

export interface ReadTableOptions {
  /** Expected format; by default detected from the content (a zip is XLSX, text is CSV). */
  readonly format?: TableFormat;
  /** Default 200. */
  readonly maxColumns?: number;
  /** UTF-8 bytes of one cell; default 32 KiB. */
  readonly maxCellBytes?: number;
  /** No limit by default. */
  readonly maxFileBytes?: number;
}

export interface TableRow {
  /** The row number Excel shows (the header is row 1 unless blank rows precede it). */
  readonly rowNumber: number;
  /** Cells by column, trailing blank cells removed; may be shorter or longer than the header. */
  readonly cells: string[];
}

export interface Table {
  readonly format: TableFormat;
  /** CSV only: the encoding detected, `utf-8` for a pure-ASCII file; null for XLSX. */
  readonly encoding: DetectedEncoding | null;
  readonly headerRowNumber: number;
  /** Header cells as written (normalise them with header-map), trailing blank cells removed. */
  readonly headers: string[];
  /** The data rows, blank rows skipped. Single use: iterate once. */
  readonly rows: AsyncIterable<TableRow>;
  /** Stops reading and releases the file, for a caller that stops before the end. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_COLUMNS = 200;
export const DEFAULT_MAX_CELL_BYTES = 32 * 1024;

/** Counts bytes as they stream and refuses the file once it passes the limit. */
class SizeGuard extends Transform {
  private seen = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) return done(fileTooLarge(this.limit));
    done(null, chunk);
  }
}

async function readPrefix(input: TableInput): Promise<{ prefix: Buffer; size: number; ole: Buffer | undefined }> {
  if ('bytes' in input) {
    const prefix = input.bytes.subarray(0, SNIFF_BYTES);
    const sector = oleDirectorySector(prefix);
    const ole = sector ? input.bytes.subarray(sector.offset, sector.offset + sector.length) : undefined;
    return { prefix, size: input.bytes.length, ole };
  }
  const handle = await open(input.path, 'r');
  try {
    const size = (await stat(input.path)).size;
    const prefix = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    const { bytesRead } = await handle.read(prefix, 0, prefix.length, 0);
    const sector = oleDirectorySector(prefix.subarray(0, bytesRead));
    let ole: Buffer | undefined;
    if (sector) {
      ole = Buffer.alloc(sector.length);
      const read = await handle.read(ole, 0, sector.length, sector.offset);
      ole = ole.subarray(0, read.bytesRead);
    }
    return { prefix: prefix.subarray(0, bytesRead), size, ole };
  } finally {
    await handle.close();
  }
}

function openSource(input: TableInput, maxFileBytes: number | undefined): Readable {
  const raw =
    'bytes' in input
      ? // 64 KiB slices: one huge chunk would make every later stage handle it whole.
        Readable.from(
          (function* slices(bytes: Buffer) {
            for (let at = 0; at < bytes.length; at += SNIFF_BYTES) yield bytes.subarray(at, at + SNIFF_BYTES);
          })(input.bytes),
          { objectMode: false },
        )
      : createReadStream(input.path, { highWaterMark: SNIFF_BYTES });
  if (maxFileBytes === undefined) return raw;
  const guard = new SizeGuard(maxFileBytes);
  raw.on('error', (error: Error) => guard.destroy(error));
  guard.on('close', () => raw.destroy());
  return raw.pipe(guard);
}

const blankText = (prefix: Buffer): boolean =>
  // A BOM and whitespace only: nothing was ever typed.
  prefix
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim().length === 0;

/**
 * Opens a department file and reads its header row. The data rows stream
 * from `rows`; errors found while streaming (a cell too large on row 80,000)
 * are thrown from the iteration as TableReadErrors.
 */
export async function readTable(input: TableInput, options: ReadTableOptions = {}): Promise<Table> {
  const limits = {
    maxColumns: options.maxColumns ?? DEFAULT_MAX_COLUMNS,
    maxCellBytes: options.maxCellBytes ?? DEFAULT_MAX_CELL_BYTES,
  };
  const { prefix, size, ole } = await readPrefix(input);
  if (options.maxFileBytes !== undefined && size > options.maxFileBytes) throw fileTooLarge(options.maxFileBytes);
  const format = detectFormat(prefix, options.format, ole);

  const source = openSource(input, options.maxFileBytes);
  let rows: AsyncGenerator<RawRow, void, undefined>;
  let encoding: () => DetectedEncoding | null = () => null;
  if (format === 'csv') {
    const csv = csvRows(source, limits);
    rows = csv.rows;
    encoding = () => csv.encoding() ?? 'utf-8';
  } else {
    rows = xlsxRows(source, limits);
  }

  const first = await rows.next();
  if (first.done) {
    await rows.return(undefined);
    throw format === 'csv' && !blankText(prefix) ? noHeader() : fileEmpty();
  }
  const header = first.value;
  return {
    format,
    get encoding() {
      return format === 'csv' ? encoding() : null;
    },
    headerRowNumber: header.rowNumber,
    headers: header.cells,
    rows: { [Symbol.asyncIterator]: () => rows },
    async close() {
      await rows.return(undefined);
    },
  };
}
