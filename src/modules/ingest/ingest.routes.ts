import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { HttpServer } from '../../platform/http';
import { callerOf, requirePermission } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import { AppError } from '../../platform/errors';
import { getCatalogItem } from '../catalog';
import * as schemas from './ingest.schemas';
import { getBatch, presentBatch, runBatch, type BatchResult } from './ingest.service';
import { ingestBatchRoutes, withProgress } from './ingest.batches.routes';
import { BatchProgressStream } from './ingest.stream';
import { rejectionsOf } from './ingest.repository';
import { errorReport, template } from './ingest.pipeline';

const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
];

const uploadTooLarge = (limit: number) =>
  new AppError(
    'ingest.file_too_large',
    413,
    {
      zh: `文件超过 ${Math.round(limit / 1024 / 1024)} MB 上限，请拆分后分批上传`,
      en: `The file exceeds the ${Math.round(limit / 1024 / 1024)} MB limit; split it and upload the parts`,
    },
    { details: { limit } },
  );

/** Streams the request body to a temporary file, refusing it past `limit` bytes. */
async function saveUpload(body: Readable, limit: number): Promise<{ dir: string; file: string; bytes: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xinyong-upload-'));
  const file = path.join(dir, 'upload');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > limit ? uploadTooLarge(limit) : null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(file));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, file, bytes };
}

export function ingestRoutes(app: HttpServer, deps: AppDeps): void {
  const tags = ['ingest'];
  const uploadLimit = Number(process.env.XINYONG_UPLOAD_LIMIT ?? 256 * 1024 * 1024);

  // Uploads arrive as the raw file body (no multipart), so they stream to disk
  // whatever their size and the browser can report upload progress.
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/ingest/items/:itemCode/files',
    {
      schema: {
        tags,
        summary: 'Upload a CSV (UTF-8 or GB18030) or XLSX file of records; headers as Chinese labels or field codes',
        params: schemas.itemParamsSchema,
        querystring: schemas.uploadQuerySchema,
        response: { 200: schemas.batchResultSchema, 202: schemas.batchResultSchema, 422: schemas.batchResultSchema },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'records.submit');
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > uploadLimit) throw uploadTooLarge(uploadLimit);
      const body = request.body as Readable | undefined;
      if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') {
        throw new AppError('ingest.no_file', 400, {
          zh: '请求体中没有文件：请以 application/octet-stream（或 text/csv、xlsx 类型）发送文件内容',
          en: 'No file in the request body: send the file bytes as application/octet-stream (or text/csv, xlsx)',
        });
      }
      const upload = await saveUpload(body, uploadLimit);
      const { itemCode } = request.params;
      const { departmentCode, mode, fileName } = request.query;
      const caller = callerOf(request);
      let started: (batchId: string) => void = () => {};
      const startedId = new Promise<string>((resolve) => (started = resolve));
      const stream = request.query.progress === 'stream' ? new BatchProgressStream() : null;
      const run = runBatch(
        deps,
        caller,
        {
          itemCode,
          departmentCode: departmentCode ?? null,
          mode,
          channel: 'file',
          idempotencyKey: (request.headers['idempotency-key'] as string | undefined) ?? null,
          source: { kind: 'file', path: upload.file, fileName: fileName ?? 'upload' },
        },
        { onStarted: started, ...(stream ? { onProgress: stream.onProgress } : {}) },
      ).finally(() => rm(upload.dir, { recursive: true, force: true }));
      if (stream) {
        // Refusals before the batch exists (item, department) still answer as problems.
        const first = await Promise.race([startedId, run.then((r) => r.batchId)]);
        stream.finish(run, request.log);
        return stream.start(reply, first);
      }
      if (request.query.async === 'true') {
        // Answer as soon as the batch exists so the browser can poll its progress;
        // a replayed or refused batch answers at once through `run`.
        run.catch((error: unknown) => request.log.error({ err: error }, 'background batch failed'));
        const first = await Promise.race([startedId, run.then((r) => r.batchId)]);
        const row = await getBatch(deps, caller, first);
        return reply
          .status(202)
          .header('location', `/api/v1/ingest/batches/${first}`)
          .send(withProgress(await presentBatch(deps, row)));
      }
      return sendResult(reply, await run);
    },
  );

  app.post(
    '/ingest/items/:itemCode/records',
    {
      schema: {
        tags,
        summary: 'Submit records as JSON (one or a batch); send an Idempotency-Key header to make retries safe',
        params: schemas.itemParamsSchema,
        body: schemas.jsonRecordsSchema,
        response: { 200: schemas.batchResultSchema, 422: schemas.batchResultSchema },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'records.submit');
      const result = await runBatch(deps, callerOf(request), {
        itemCode: request.params.itemCode,
        departmentCode: request.body.departmentCode ?? null,
        mode: request.body.mode,
        // Only a signed-in person types into the console's form; a key is a business system.
        channel: request.body.channel === 'form' && request.actor.kind === 'user' ? 'form' : 'api',
        idempotencyKey: (request.headers['idempotency-key'] as string | undefined) ?? null,
        source: { kind: 'rows', rows: request.body.records },
      });
      return sendResult(reply, result);
    },
  );

  app.get(
    '/ingest/batches/:id',
    {
      schema: {
        tags,
        summary: 'A batch: its status and counts, live while it runs',
        params: schemas.batchParamsSchema,
        response: { 200: schemas.batchResultSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'records.read');
      const row = await getBatch(deps, callerOf(request), request.params.id);
      return withProgress(await presentBatch(deps, row));
    },
  );

  app.get(
    '/ingest/batches/:id/errors.:format',
    {
      schema: {
        tags,
        summary: 'Error report: the rejected rows as uploaded plus a reason column, to fix and upload again',
        params: schemas.reportParamsSchema,
      },
    },
    async (request, reply) => {
      requirePermission(request, 'records.read');
      const row = await getBatch(deps, callerOf(request), request.params.id);
      const rejections = [];
      for (let after = 0; ;) {
        const page = await rejectionsOf(deps.db.kysely, row.id, after, 5000);
        if (page.length === 0) break;
        rejections.push(...page);
        after = page[page.length - 1]!.row_number;
      }
      const item = await getCatalogItem(deps.db.kysely, row.item_code, row.item_version);
      const { bytes, contentType } = await errorReport(request.params.format, item, row, rejections);
      return reply
        .header('content-type', contentType)
        .header('content-disposition', attachment(`${row.item_code}-errors-${row.id}.${request.params.format}`))
        .send(bytes);
    },
  );

  app.get(
    '/ingest/templates/:itemCode.:format',
    {
      schema: {
        tags,
        summary: 'Download an import template: header row, drop-down dictionaries, one sample row',
        params: schemas.templateParamsSchema,
      },
    },
    async (request, reply) => {
      const item = await getCatalogItem(deps.db.kysely, request.params.itemCode);
      const { bytes, contentType } = await template(request.params.format, item);
      return reply
        .header('content-type', contentType)
        .header('content-disposition', attachment(`${item.code}-template.${request.params.format}`))
        .send(bytes);
    },
  );

  ingestBatchRoutes(app, deps, uploadLimit);
}

/**
 * A batch that committed answers 200 (rejected rows listed); one refused as a
 * whole (all-or-nothing with bad rows, or an unusable file) answers 422 with
 * the same body, so a client that only checks the status still notices.
 */
function sendResult(reply: FastifyReply, result: BatchResult) {
  return reply.status(result.status === 'committed' ? 200 : 422).send(withProgress(result));
}

/** RFC 6266 filename with a UTF-8 variant (Chinese file names). */
function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
