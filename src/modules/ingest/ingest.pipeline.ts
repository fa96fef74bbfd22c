/**
 * The seam between batches and the pure core: where rows come from (a file
 * or JSON records), how their cells reach validation, and the downloadable
 * error report and template.
 */
import type { CatalogItem } from '../catalog';
import {
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
