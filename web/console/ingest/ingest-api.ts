import {
  apiErrorOf,
  apiUrl,
  callApi,
  platformHeaders,
  type BodyOf,
  type QueryOf,
  type ResponseOf,
  type Schema,
} from '../../shared/api';

/** A bilingual text from the platform. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A batch as GET /api/v1/ingest/batches/:id presents it (schema IngestBatch). */
export type Batch = Schema<'IngestBatch'>;
export type BatchStatus = Batch['status'];
export type BatchMode = Batch['mode'];

/** One problem of one row, as every channel (file, JSON, form) reports it. */
export type RowError = Batch['errors'][number];

export type SubmittableItems = ResponseOf<'/api/v1/ingest/items', 'get'>;
export type SubmittableItem = SubmittableItems['items'][number];

export type CatalogItem = ResponseOf<'/api/v1/catalog/items/{code}', 'get'>;
export type CatalogField = CatalogItem['fields'][number];
export type FieldType = CatalogField['type'];
export type FieldCondition = CatalogField['requiredWhen'][number];

export type Department = Schema<'Department'>;

/** One record as the JSON submission takes it: field code → value. */
export type SubmittedRecord = BodyOf<'/api/v1/ingest/items/{itemCode}/records', 'post'>['records'][number];

export function fetchSubmittableItems(signal?: AbortSignal): Promise<SubmittableItems> {
  return callApi('get', '/api/v1/ingest/items', { signal });
}

export function fetchCatalogItem(code: string, signal?: AbortSignal): Promise<CatalogItem> {
  return callApi('get', '/api/v1/catalog/items/{code}', { params: { code }, signal });
}

export async function fetchDepartments(signal?: AbortSignal): Promise<Department[]> {
  return (await callApi('get', '/api/v1/departments', { signal })).items;
}

export function fetchBatch(id: string, signal?: AbortSignal): Promise<Batch> {
  return callApi('get', '/api/v1/ingest/batches/{id}', { params: { id }, signal });
}

export function fetchBatches(before: string | null, signal?: AbortSignal) {
  // `before: null` is left out of the query string (the first page).
  return callApi('get', '/api/v1/ingest/batches', { signal, query: { limit: 20, before: before ?? undefined } });
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
    const page: ResponseOf<'/api/v1/ingest/batches/{id}/errors', 'get'> = await callApi(
      'get',
      '/api/v1/ingest/batches/{id}/errors',
      {
        params: { id },
        query: { after, limit: 1000 },
        signal,
      },
    );
    items.push(...page.items);
    after = page.nextAfter;
    rejectedRows = page.rejectedRows;
  }
  return { items, complete: after === null, rejectedRows };
}

export const reportUrl = (batchId: string, format: 'xlsx' | 'csv') =>
  apiUrl('/api/v1/ingest/batches/{id}/errors.{format}', { id: batchId, format });
export const templateUrl = (itemCode: string, format: 'xlsx' | 'csv') =>
  apiUrl('/api/v1/ingest/templates/{itemCode}.{format}', { itemCode, format });

/** A random key: crypto.randomUUID exists only on HTTPS or localhost, an intranet may serve plain HTTP. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Submits typed-in records; a refused record answers 422 with the batch (its errors), not a problem. */
export async function submitRecords(
  itemCode: string,
  records: SubmittedRecord[],
  departmentCode: string | null,
): Promise<Batch> {
  const headers = { ...platformHeaders('POST'), 'content-type': 'application/json' };
  let response: Response;
  try {
    response = await fetch(apiUrl('/api/v1/ingest/items/{itemCode}/records', { itemCode }), {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify({
        records,
        mode: 'all_or_nothing',
        channel: 'form',
        ...(departmentCode ? { departmentCode } : {}),
      } satisfies BodyOf<'/api/v1/ingest/items/{itemCode}/records', 'post'>),
    });
  } catch (error) {
    throw apiErrorOf(0, String(error), '', '');
  }
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status === 200 || (response.status === 422 && !contentType.includes('problem'))) {
    // 200 and 422 both answer the batch (schema IngestBatch).
    return JSON.parse(text) as ResponseOf<'/api/v1/ingest/items/{itemCode}/records', 'post'>;
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
  const query: QueryOf<'/api/v1/ingest/items/{itemCode}/files', 'post'> = {
    progress: 'stream',
    mode: options.mode,
    fileName: file.name,
    ...(options.departmentCode ? { departmentCode: options.departmentCode } : {}),
  };
  return new Promise<Batch>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/api/v1/ingest/items/{itemCode}/files', { itemCode }, query));
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
