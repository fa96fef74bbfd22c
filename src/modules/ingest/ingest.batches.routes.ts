import type { HttpServer } from '../../platform/http';
import { callerOf, requirePermission } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import { hasPermission } from '../../platform/context';
import { listCatalogItems } from '../catalog';
import { listDepartments } from '../identity';
import * as schemas from './ingest.schemas';
import { getBatch, summarizeBatch, type BatchResult } from './ingest.service';
import { listBatches, rejectionsOf } from './ingest.repository';
import { progressOf } from './ingest.progress';
import type { RowError } from './ingest.pipeline';

/** Live counts of a batch this process is running, laid over its stored row. */
export function withProgress<T extends BatchResult>(result: T): T {
  const live = progressOf(result.batchId);
  return live
    ? {
        ...result,
        progress: { rowsRead: live.rowsRead, accepted: live.accepted, rejected: live.rejected, phase: live.phase },
      }
    : result;
}

/**
 * What the console's submission pages read besides a batch itself: the items
 * a department may submit, its batch history, and every error of a batch.
 */
export function ingestBatchRoutes(app: HttpServer, deps: AppDeps, uploadLimit: number): void {
  const tags = ['ingest'];

  app.get(
    '/ingest/items',
    {
      schema: {
        tags,
        summary: 'Catalog items the caller’s department may submit (active items it provides), with the upload limit',
        querystring: schemas.langQuerySchema,
        response: { 200: schemas.submittableItemsSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'records.submit');
      const departments = await listDepartments(deps.db.kysely);
      const own = departments.find((d) => d.id === request.actor.departmentId) ?? null;
      const everything = hasPermission(request.actor, '*');
      const items = (await listCatalogItems(deps.db.kysely)).filter(
        (item) =>
          item.status === 'active' && (everything || (own !== null && item.providingDepartments.includes(own.code))),
      );
      return {
        items: items.map((item) => ({
          code: item.code,
          nameZh: item.nameZh,
          nameEn: item.nameEn,
          category: item.category,
          version: item.version,
          collectionMethods: [...item.collectionMethods],
        })),
        departmentCode: own?.code ?? null,
        uploadLimit,
      };
    },
  );

  app.get(
    '/ingest/batches',
    {
      schema: {
        tags,
        summary: 'Batches of the caller’s department, newest first (every department’s for a platform admin)',
        querystring: schemas.batchListQuerySchema,
        response: { 200: schemas.batchListSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'records.read');
      const { limit, before } = request.query;
      const rows = await listBatches(deps.db.kysely, {
        limit: limit + 1,
        ...(before ? { before } : {}),
        ...(hasPermission(request.actor, '*') ? {} : { departmentId: request.actor.departmentId ?? '-' }),
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((row) => withProgress(summarizeBatch(row))),
        nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
      };
    },
  );

  app.get(
    '/ingest/batches/:id/errors',
    {
      schema: {
        tags,
        summary: 'Every error of a batch’s rejected rows, paged by row number (the error report as JSON)',
        params: schemas.batchParamsSchema,
        querystring: schemas.errorsQuerySchema,
        response: { 200: schemas.errorsPageSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'records.read');
      const batch = await getBatch(deps, callerOf(request), request.params.id);
      const { after, limit } = request.query;
      const rows = await rejectionsOf(deps.db.kysely, batch.id, after, limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: page.flatMap((r) => (JSON.parse(r.errors) as RowError[]).map((e) => ({ ...e, row: r.row_number }))),
        nextAfter: rows.length > limit ? page[page.length - 1]!.row_number : null,
        rejectedRows: batch.rows_rejected,
      };
    },
  );
}
