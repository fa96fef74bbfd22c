/**
 * The seam between batches and the pure core: where rows come from (a file
 * or JSON records), how their cells reach validation, and the downloadable
 * error report and template.
 */
import { open } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CatalogItem } from '../catalog';
import { AppError } from '../../platform/errors';
import {
  TableReadError,
  buildTemplateCsv,
  buildTemplateXlsx,
  headerMappingFailed,
  mapHeaders,
  readTable,
  rowValues,
  validateRow,
  writeErrorReportCsv,
  writeErrorReportXlsx,
  type HeaderMapping,
  type RowError,
  type ValidationContext,
} from './core';
import type { IngestBatchesTable, IngestRejectionsTable } from './ingest.repository';

export type { RowError } from './core';
export type IngestContext = ValidationContext;

export type BatchSource =
  | { readonly kind: 'file'; readonly path: string; readonly fileName: string }
  | { readonly kind: 'rows'; readonly rows: readonly Record<string, unknown>[] };

export interface OpenedSource {
  readonly format: string;
  readonly headers: readonly string[];
  readonly mapping: HeaderMapping;
  readonly warnings: { code: string; zh: string; en: string }[];
  readonly rows: AsyncIterable<{ rowNumber: number; cells: string[] }>;
  /** Stops reading and releases the file. */
  close(): Promise<void>;
}

/** JSON values as the text a file cell would hold. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(';');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return JSON.stringify(value);
}

/** Opens a file (CSV/XLSX, streamed) or JSON records as one shape of rows, with the header bound to the item. */
export async function openSource(item: CatalogItem, source: BatchSource): Promise<OpenedSource> {
  if (source.kind === 'file') {
    const table = await readTable({ path: source.path });
    const mapping = mapHeaders(item, table.headers);
    if (!mapping.ok) {
      await table.close();
      throw headerMappingFailed(mapping);
    }
    return {
      format: table.encoding ? `${table.format}/${table.encoding}` : table.format,
      headers: table.headers,
      mapping,
      warnings: mapping.warnings.map((w) => ({ code: `ingest.${w.code}`, zh: w.message.zh, en: w.message.en })),
      rows: table.rows,
      close: () => table.close(),
    };
  }
  // JSON records: the union of their keys is the header, in first-seen order.
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const record of source.rows)
    for (const key of Object.keys(record))
      if (!seen.has(key)) {
        seen.add(key);
        headers.push(key);
      }
  const mapping = mapHeaders(item, headers);
  if (!mapping.ok) throw headerMappingFailed(mapping);
  const records = source.rows;
  return {
    format: 'json',
    headers,
    mapping,
    warnings: mapping.warnings.map((w) => ({ code: `ingest.${w.code}`, zh: w.message.zh, en: w.message.en })),
    rows: (async function* () {
      for (const [i, record] of records.entries()) {
        yield { rowNumber: i + 1, cells: headers.map((h) => cellText(record[h])) };
      }
    })(),
    close: async () => {},
  };
}

export type CellsResult = { ok: true; payload: Record<string, unknown> } | { ok: false; errors: RowError[] };

/** One row's cells through the header binding and the item's validation rules. */
export function validateCells(
  item: CatalogItem,
  mapping: HeaderMapping,
  cells: readonly string[],
  context: IngestContext,
): CellsResult {
  const { values, errors: shapeErrors } = rowValues(mapping, cells);
  const result = validateRow(item, values, context);
  if (shapeErrors.length === 0) return result;
  return { ok: false, errors: [...shapeErrors, ...(result.ok ? [] : result.errors)] };
}

/**
 * A row read and checked: its payload, or its cells as uploaded with every
 * reason it is refused (invalid, or the same record as an earlier row).
 */
export type CheckedRow =
  | { readonly rowNumber: number; readonly payload: Record<string, unknown> }
  | { readonly rowNumber: number; readonly cells: readonly string[]; readonly errors: RowError[] };

export interface CheckedSource {
  readonly format: string;
  readonly headers: readonly string[];
  readonly warnings: { code: string; zh: string; en: string }[];
  /** Every row in file order, a few hundred at a time. Single use. */
  readonly batches: AsyncGenerator<readonly CheckedRow[], void, undefined>;
  /** Releases the file (and the reader thread) whether or not every batch was taken. */
  close(): Promise<void>;
}

/** Rows per batch handed from reading to writing, and the characters of cells that end one sooner. */
const BATCH_ROWS = 250;
const BATCH_CHARS = 1_000_000;
/** Batches a reader thread may have sent ahead of the writer (bounds the memory in flight). */
const BATCHES_AHEAD = 4;
/**
 * Files from this size are read and validated on a worker thread while the
 * batch is written on this one: the two halves of an import take about as
 * long as each other, and starting the thread (about a second: it loads the
 * validation code through tsx) pays only for a large file. An XLSX file
 * holds about four times the rows of a CSV file of its size, and each costs
 * more to read. XINYONG_INGEST_WORKER_MIN_BYTES overrides both (0: always,
 * `off`: never).
 */
const WORKER_MIN_BYTES = 32 * 2 ** 20;
const XLSX_WORKER_MIN_BYTES = 8 * 2 ** 20;
/**
 * The reader thread's heap. Old generation: its code (~35 MB), the keys kept
 * in memory (at most ~20 MB) and a few batches, with room to spare, for a
 * thread out of memory fails the batch; unbounded, V8 lets it grow past
 * 200 MB before collecting. Young generation: reading makes short-lived
 * strings by the million (24 MB: 2.9 s of scavenges per 200,000 rows; 48 MB:
 * 1.4 s, for 8 MB more).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 48 };
/** A reader thread is running (or about to start): there is one at a time. */
let readerBusy = false;

/** The row's identity in the file: two rows with the same one are the same record twice. */
function recordKey(item: CatalogItem, payload: Record<string, unknown>): string {
  // Identity fields are text after validation (document numbers).
  return item.identityKey
    .map((k) => (typeof payload[k] === 'string' ? payload[k] : JSON.stringify(payload[k] ?? '')).trim())
    .join('|');
}

function duplicateInFile(item: CatalogItem, key: string, firstRow: number): RowError {
  const field = item.fields.find((f) => f.code === item.identityKey[0]);
  return {
    field: field?.code ?? item.identityKey.join('+'),
    label: field?.labelZh ?? item.identityKey.join('+'),
    value: key,
    code: 'duplicate_in_file',
    reason: { zh: `与第 ${firstRow} 行重复（同一文书号）`, en: `duplicates row ${firstRow} (same document number)` },
  };
}

/** The first row of each record key seen so far in a file. */
export interface FirstRows {
  /** The earlier row with `key`; undefined (and `row` remembered) when there is none. */
  firstOf(key: string, row: number): number | undefined;
  close(): void;
}

/**
 * Keys kept in memory before they all move to disk: a Map holds about 80
 * bytes per document number; a key of many characters counts as several.
 */
const FIRST_ROWS_IN_MEMORY = 250_000;
const KEY_CHARS_PER_ENTRY = 24;

/**
 * The same for a file of any size: in memory for its first keys, then in a
 * private temporary SQLite database on disk (deleted when closed), whose
 * memory stays at its page cache however many rows follow.
 */
export function firstRowsBounded(inMemory = FIRST_ROWS_IN_MEMORY): FirstRows {
  const seen = new Map<string, number>();
  let weight = 0;
  let disk: { db: Database.Database; insert: Database.Statement; select: Database.Statement } | null = null;
  const toDisk = () => {
    const db = new Database('');
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -8192');
    db.exec('CREATE TABLE first_rows (key TEXT PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID');
    // One transaction for the whole file: nothing here needs to outlive the batch.
    db.exec('BEGIN');
    const insert = db.prepare('INSERT INTO first_rows (key, row) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
    for (const [key, row] of seen) insert.run(key, row);
    seen.clear();
    return { db, insert, select: db.prepare('SELECT row FROM first_rows WHERE key = ?').pluck() };
  };
  return {
    firstOf(key, row) {
      if (!disk) {
        const first = seen.get(key);
        if (first !== undefined) return first;
        seen.set(key, row);
        weight += 1 + Math.floor(key.length / KEY_CHARS_PER_ENTRY);
        if (weight >= inMemory) disk = toDisk();
        return undefined;
      }
      if (disk.insert.run(key, row).changes === 1) return undefined;
      return disk.select.get(key) as number;
    },
    close: () => {
      seen.clear();
      disk?.db.close();
    },
  };
}

/** Validates each row, and refuses a row whose record an earlier row of the file already gave. */
async function* checkedBatches(
  item: CatalogItem,
  opened: OpenedSource,
  context: IngestContext,
  seen: FirstRows,
): AsyncGenerator<CheckedRow[], void, undefined> {
  let batch: CheckedRow[] = [];
  let chars = 0;
  try {
    for await (const { rowNumber, cells } of opened.rows) {
      for (const cell of cells) chars += cell.length;
      const result = validateCells(item, opened.mapping, cells, context);
      if (!result.ok) {
        batch.push({ rowNumber, cells, errors: result.errors });
      } else {
        const key = recordKey(item, result.payload);
        const first = seen.firstOf(key, rowNumber);
        batch.push(
          first === undefined
            ? { rowNumber, payload: result.payload }
            : { rowNumber, cells, errors: [duplicateInFile(item, key, first)] },
        );
      }
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
        yield batch;
        batch = [];
        chars = 0;
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    seen.close();
  }
}

/**
 * A file from the threshold size: read on a worker thread. The thread's heap
 * is bounded, and so is what an XLSX reader keeps of its shared strings
 * (core/shared-strings.ts), so a workbook of any size fits.
 */
async function useWorker(source: BatchSource): Promise<boolean> {
  // One reader thread at a time: a second large upload meanwhile is read here rather than
  // adding another thread's memory (the batches queue for the database anyway).
  if (source.kind !== 'file' || !isMainThread || readerBusy) return false;
  const setting = process.env.XINYONG_INGEST_WORKER_MIN_BYTES?.trim();
  if (setting === 'off') return false;
  const configured = setting && Number.isFinite(Number(setting)) ? Number(setting) : null;
  readerBusy = true; // reserved now; released below, or when the thread exits
  let use = false;
  try {
    const file = await open(source.path, 'r');
    try {
      const { size } = await file.stat();
      const head = Buffer.alloc(2);
      await file.read(head, 0, 2, 0);
      const xlsx = head[0] === 0x50 && head[1] === 0x4b; // "PK": a zip, so XLSX
      use = size >= (configured ?? (xlsx ? XLSX_WORKER_MIN_BYTES : WORKER_MIN_BYTES));
    } finally {
      await file.close();
    }
  } catch {
    // Whatever is wrong with the file, reading it here reports it.
  }
  if (!use) readerBusy = false;
  return use;
}

/**
 * Opens a source and validates its rows, in file order: a large file on a
 * worker thread (the reader below), so that reading, decoding and
 * validating overlap with the writing of earlier rows; anything else here.
 * Either way the same code reads and validates every row.
 */
export async function checkSource(
  item: CatalogItem,
  source: BatchSource,
  context: IngestContext,
): Promise<CheckedSource> {
  if (source.kind === 'file' && (await useWorker(source))) {
    const opened = await checkOnWorker(item, source.path, context);
    if (opened) return opened;
  }
  const opened = await openSource(item, source);
  const batches = checkedBatches(item, opened, context, firstRowsBounded());
  return {
    format: opened.format,
    headers: opened.headers,
    warnings: opened.warnings,
    batches,
    close: async () => {
      await batches.return();
      await opened.close();
    },
  };
}

// ---- The reader thread ----------------------------------------------------

const READER = 'xinyong.ingest.reader';

let started = 0;
/** Reader threads that opened a file since the process started (for tests and diagnostics). */
export const readerThreadsStarted = (): number => started;

interface ReaderData {
  readonly [READER]: true;
  readonly item: CatalogItem;
  readonly path: string;
  readonly context: IngestContext;
}

/** An error as it crosses threads: an AppError keeps what the batch records and the API shows. */
interface SentError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly app?: {
    readonly code: string;
    readonly status: number;
    readonly text: { zh: string; en: string };
    readonly details?: Record<string, unknown>;
  };
}

type ReaderMessage =
  | {
      readonly type: 'opened';
      readonly format: string;
      readonly headers: string[];
      readonly warnings: CheckedSource['warnings'];
    }
  | { readonly type: 'rows'; readonly rows: CheckedRow[] }
  | { readonly type: 'done' }
  | { readonly type: 'failed'; readonly error: SentError; readonly opened: boolean };

function sendable(error: unknown): SentError {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    name: e.name,
    message: e.message,
    ...(e.stack ? { stack: e.stack } : {}),
    ...(error instanceof AppError
      ? {
          app: {
            code: error.code,
            status: error.status,
            text: error.text,
            ...(error.details ? { details: error.details } : {}),
          },
        }
      : {}),
  };
}

function received(sent: SentError): Error {
  if (sent.app) {
    const { code, status, text, details } = sent.app;
    const error =
      sent.name === 'TableReadError'
        ? new TableReadError(
            code as TableReadError['code'],
            status,
            text,
            {
              ...(typeof details?.row === 'number' ? { row: details.row } : {}),
              ...(typeof details?.column === 'number' ? { column: details.column } : {}),
            },
            { ...(details ? { details } : {}) },
          )
        : new AppError(code, status, text, details ? { details } : {});
    if (sent.stack) error.stack = sent.stack;
    return error;
  }
  const error = new Error(sent.message);
  error.name = sent.name;
  if (sent.stack) error.stack = sent.stack;
  return error;
}

/** Runs in the worker: reads and validates the file, sending batches as the writer asks for them. */
async function runReader(data: ReaderData): Promise<void> {
  const port = parentPort!;
  const post = (message: ReaderMessage) => port.postMessage(message);
  let credits = BATCHES_AHEAD;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    credits += 1;
    wake?.();
    wake = null;
  });
  let opened: OpenedSource | null = null;
  try {
    opened = await openSource(data.item, { kind: 'file', path: data.path, fileName: '' });
    post({ type: 'opened', format: opened.format, headers: [...opened.headers], warnings: opened.warnings });
    for await (const rows of checkedBatches(data.item, opened, data.context, firstRowsBounded())) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits -= 1;
      post({ type: 'rows', rows });
    }
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'failed', error: sendable(error), opened: opened !== null });
  }
}

if (!isMainThread && (workerData as Partial<ReaderData> | null)?.[READER]) void runReader(workerData as ReaderData);

/** Loads this module in the worker through tsx, as the CLI and the server load the sources. */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => {
  register();
  return import(workerData.entry);
});
`;

/** tsx's ESM API (its CommonJS build cannot register the hooks from another directory). */
function tsxApi(): string {
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

/**
 * Starts the reader thread and waits for the file's header. Null when the
 * thread could not start at all (the caller then reads here); a file that
 * cannot be read throws, as it would here.
 */
async function checkOnWorker(item: CatalogItem, path: string, context: IngestContext): Promise<CheckedSource | null> {
  let worker: Worker;
  try {
    worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {
        [READER]: true,
        item,
        path,
        context,
        tsx: tsxApi(),
        entry: import.meta.url,
      },
      resourceLimits: WORKER_LIMITS,
    });
  } catch {
    readerBusy = false;
    return null;
  }
  worker.once('exit', () => (readerBusy = false));
  const queue: CheckedRow[][] = [];
  let ended = false;
  let failure: Error | null = null;
  let notify: (() => void) | null = null;
  let onOpened: ((message: Extract<ReaderMessage, { type: 'opened' }> | null) => void) | null = null;
  const openedMessage = new Promise<Extract<ReaderMessage, { type: 'opened' }> | null>(
    (resolve) => (onOpened = resolve),
  );
  const settle = () => {
    notify?.();
    notify = null;
  };
  worker.on('message', (message: ReaderMessage) => {
    switch (message.type) {
      case 'opened':
        onOpened?.(message);
        break;
      case 'rows':
        queue.push(message.rows);
        break;
      case 'done':
        ended = true;
        break;
      case 'failed':
        failure = received(message.error);
        // Before the header: a file error is the batch's answer; anything else means the thread could not work.
        if (!message.opened) onOpened?.(null);
        break;
    }
    settle();
  });
  worker.on('error', (error) => {
    failure ??= error;
    onOpened?.(null);
    settle();
  });
  worker.on('exit', () => {
    if (!ended) failure ??= new Error('the ingest reader thread stopped');
    onOpened?.(null);
    settle();
  });
  const opened = await openedMessage;
  if (!opened) {
    await worker.terminate();
    // Assigned in the worker's callbacks, which the compiler cannot see.
    const failed = failure as Error | null;
    if (failed instanceof AppError) throw failed;
    return null;
  }
  async function* read(): AsyncGenerator<CheckedRow[], void, undefined> {
    try {
      for (;;) {
        const rows = queue.shift();
        if (rows) {
          worker.postMessage('more');
          yield rows;
          continue;
        }
        if (failure) throw failure;
        if (ended) return;
        await new Promise<void>((resolve) => (notify = resolve));
      }
    } finally {
      await worker.terminate();
    }
  }
  started += 1;
  const batches = read();
  return {
    format: opened.format,
    headers: opened.headers,
    warnings: opened.warnings,
    batches,
    close: async () => {
      await batches.return();
      // A generator never started does not run its finally.
      await worker.terminate();
    },
  };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';

/** The rejected rows as uploaded plus a reason column, to fix and upload again. */
export async function errorReport(
  format: 'csv' | 'xlsx',
  item: CatalogItem,
  batch: IngestBatchesTable,
  rejections: readonly IngestRejectionsTable[],
): Promise<{ bytes: Buffer; contentType: string }> {
  const headers = batch.headers ? (JSON.parse(batch.headers) as string[]) : item.fields.map((f) => f.labelZh);
  const input = {
    headers,
    rows: rejections.map((r) => ({
      rowNumber: r.row_number,
      cells: JSON.parse(r.cells) as string[],
      errors: JSON.parse(r.errors) as RowError[],
    })),
    fieldColumns: mapHeaders(item, headers).fieldColumns,
    language: 'both' as const,
  };
  return format === 'xlsx'
    ? { bytes: await writeErrorReportXlsx(input), contentType: XLSX_TYPE }
    : { bytes: await writeErrorReportCsv(input), contentType: CSV_TYPE };
}

export async function template(
  format: 'csv' | 'xlsx',
  item: CatalogItem,
): Promise<{ bytes: Buffer; contentType: string }> {
  return format === 'xlsx'
    ? { bytes: await buildTemplateXlsx(item), contentType: XLSX_TYPE }
    : { bytes: await buildTemplateCsv(item), contentType: CSV_TYPE };
}
