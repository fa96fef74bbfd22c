import { apiErrorOf, apiGet, platformHeaders } from '../../shared/api';

/** A bilingual text from the platform. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One problem of one row, as every channel (file, JSON, form) reports it. */
export interface RowError {
  row: number;
  field: string;
  label: string;
  value: string;
  code: string;
  reason: Bilingual;
}

export type BatchStatus = 'running' | 'committed' | 'rejected' | 'failed';
export type BatchMode = 'valid_rows' | 'all_or_nothing';

/** A batch as GET /api/v1/ingest/batches/:id presents it (schema IngestBatch). */
export interface Batch {
  batchId: string;
  status: BatchStatus;
  itemCode: string;
  itemVersion: number;
  departmentCode: string;
  mode: BatchMode;
  rowsRead: number;
  accepted: number;
  rejected: number;
  created: number;
  corrected: number;
  unchanged: number;
  warnings: Array<{ code: string } & Bilingual>;
  failure: ({ code: string } & Bilingual) | null;
  errors: RowError[];
  errorsTruncated: boolean;
  replayed: boolean;
  channel: string;
  fileName: string | null;
  fileHash: string | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  records?: Array<{ row: number; recordId: string; outcome: 'created' | 'corrected' | 'unchanged' }>;
  progress?: { rowsRead: number; accepted: number; rejected: number; phase: string };
}

export interface SubmittableItem {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  version: number;
  collectionMethods: string[];
}

export interface SubmittableItems {
  items: SubmittableItem[];
  departmentCode: string | null;
  uploadLimit: number;
}

export type FieldType =
  | 'string'
  | 'text'
  | 'date'
  | 'integer'
  | 'decimal'
  | 'amount_wan'
  | 'enum'
  | 'multi_enum'
  | 'uscc'
  | 'org_code'
  | 'registration_number'
  | 'id_number'
  | 'boolean';

export type FieldCondition = { field: string; in: string[] } | { field: string; present: true };

export interface CatalogField {
  code: string;
  labelZh: string;
  labelEn: string;
  type: FieldType;
  maxLength: number | null;
  required: boolean;
  requiredWhen: FieldCondition[];
  blankWhen: FieldCondition[];
  dictionary: Array<{ value: string; labelZh: string | null; labelEn: string | null }> | null;
  notInFuture: boolean;
  derived: boolean;
  description: string | null;
}

export interface CatalogItem {
  code: string;
  nameZh: string;
  nameEn: string;
  version: number;
  fields: CatalogField[];
  identityKey: string[];
}

export interface Department {
  code: string;
  nameZh: string;
  nameEn: string;
}

const base = '/api/v1/ingest';

export function fetchSubmittableItems(signal?: AbortSignal): Promise<SubmittableItems> {
  return apiGet<SubmittableItems>(`${base}/items`, { signal });
}

export function fetchCatalogItem(code: string, signal?: AbortSignal): Promise<CatalogItem> {
  return apiGet<CatalogItem>(`/api/v1/catalog/items/${encodeURIComponent(code)}`, { signal });
}

export async function fetchDepartments(signal?: AbortSignal): Promise<Department[]> {
  const body = await apiGet<{ items: Department[] }>('/api/v1/departments', { signal });
  return body.items;
}

export function fetchBatch(id: string, signal?: AbortSignal): Promise<Batch> {
  return apiGet<Batch>(`${base}/batches/${encodeURIComponent(id)}`, { signal });
}

export function fetchBatches(
  before: string | null,
  signal?: AbortSignal,
): Promise<{ items: Batch[]; nextCursor: string | null }> {
  return apiGet(`${base}/batches`, { signal, query: { limit: 20, before } });
}

/** Errors the table loads at most; beyond them the report has the rest. */
export const MAX_TABLE_ERRORS = 5000;

/** Every error of a batch (up to MAX_TABLE_ERRORS), for a sortable table. */
export async function fetchBatchErrors(
  id: string,
  signal?: AbortSignal,
): Promise<{ items: RowError[]; complete: boolean; rejectedRows: number }> {
  const items: RowError[] = [];
  let after: number | null = 0;
  let rejectedRows = 0;
  while (after !== null && items.length < MAX_TABLE_ERRORS) {
    const page: { items: RowError[]; nextAfter: number | null; rejectedRows: number } = await apiGet(
      `${base}/batches/${encodeURIComponent(id)}/errors`,
      { signal, query: { after, limit: 1000 } },
    );
    items.push(...page.items);
    after = page.nextAfter;
    rejectedRows = page.rejectedRows;
  }
  return { items, complete: after === null, rejectedRows };
}

export const reportUrl = (batchId: string, format: 'xlsx' | 'csv') =>
  `${base}/batches/${encodeURIComponent(batchId)}/errors.${format}`;
export const templateUrl = (itemCode: string, format: 'xlsx' | 'csv') =>
  `${base}/templates/${encodeURIComponent(itemCode)}.${format}`;

/** A random key: crypto.randomUUID exists only on HTTPS or localhost, an intranet may serve plain HTTP. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Submits typed-in records; a refused record answers 422 with the batch (its errors), not a problem. */
export async function submitRecords(
  itemCode: string,
  records: Array<Record<string, unknown>>,
  departmentCode: string | null,
): Promise<Batch> {
  const headers = { ...platformHeaders('POST'), 'content-type': 'application/json' };
  let response: Response;
  try {
    response = await fetch(`${base}/items/${encodeURIComponent(itemCode)}/records`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify({
        records,
        mode: 'all_or_nothing',
        channel: 'form',
        ...(departmentCode ? { departmentCode } : {}),
      }),
    });
  } catch (error) {
    throw apiErrorOf(0, String(error), '', '');
  }
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status === 200 || (response.status === 422 && !contentType.includes('problem'))) {
    return JSON.parse(text) as Batch;
  }
  throw apiErrorOf(response.status, response.statusText, contentType, text);
}

/** One line of the upload's NDJSON answer (see src/modules/ingest/ingest.stream.ts). */
type StreamLine =
  | { type: 'started'; batchId: string }
  | { type: 'progress'; batchId: string; rowsRead: number; accepted: number; rejected: number; phase: string }
  | { type: 'result'; httpStatus: number; batch: Batch }
  | ({ type: 'error'; code: string } & Bilingual);

export interface UploadCallbacks {
  /** Bytes sent so far (XMLHttpRequest upload progress). */
  onUpload: (loaded: number, total: number) => void;
  /** The batch exists and its rows are being read. */
  onStarted: (batchId: string) => void;
  onProgress: (progress: { rowsRead: number; accepted: number; rejected: number; phase: string }) => void;
}

/** The MIME type the platform's upload endpoint accepts for a file name. */
function uploadType(fileName: string): string {
  return /\.xlsx$/i.test(fileName)
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : /\.csv$/i.test(fileName)
      ? 'text/csv'
      : 'application/octet-stream';
}

export class BatchStreamError extends Error {
  constructor(
    readonly code: string,
    readonly text: Bilingual,
  ) {
    super(text.en);
  }
}

/**
 * Uploads a file as the raw request body with real progress: the upload's own
 * events while the bytes go out, then the platform's NDJSON progress lines
 * while the batch runs (`?progress=stream`), then the batch.
 */
export function uploadFile(
  itemCode: string,
  file: File,
  options: { mode: BatchMode; departmentCode: string | null; idempotencyKey: string },
  callbacks: UploadCallbacks,
  signal?: AbortSignal,
): Promise<Batch> {
  const query = new URLSearchParams({ progress: 'stream', mode: options.mode, fileName: file.name });
  if (options.departmentCode) query.set('departmentCode', options.departmentCode);
  return new Promise<Batch>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base}/items/${encodeURIComponent(itemCode)}/files?${query.toString()}`);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(platformHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('content-type', uploadType(file.name));
    xhr.setRequestHeader('idempotency-key', options.idempotencyKey);

    let parsed = 0;
    let result: Batch | null = null;
    let failure: BatchStreamError | null = null;
    const readLines = () => {
      if (!(xhr.getResponseHeader('content-type') ?? '').includes('ndjson')) return;
      const text = xhr.responseText;
      let end = text.indexOf('\n', parsed);
      while (end !== -1) {
        const line = JSON.parse(text.slice(parsed, end)) as StreamLine;
        parsed = end + 1;
        if (line.type === 'started') callbacks.onStarted(line.batchId);
        else if (line.type === 'progress') callbacks.onProgress(line);
        else if (line.type === 'result') result = line.batch;
        else failure = new BatchStreamError(line.code, { zh: line.zh, en: line.en });
        end = text.indexOf('\n', parsed);
      }
    };

    xhr.upload.onprogress = (event) =>
      callbacks.onUpload(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onprogress = readLines;
    xhr.onload = () => {
      readLines();
      if (result) resolve(result);
      else if (failure) reject(failure);
      else if (xhr.status >= 200 && xhr.status < 300) reject(apiErrorOf(xhr.status, 'Truncated answer', '', ''));
      else
        reject(apiErrorOf(xhr.status, xhr.statusText, xhr.getResponseHeader('content-type') ?? '', xhr.responseText));
    };
    xhr.onerror = () => reject(apiErrorOf(0, 'Network error', '', ''));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
