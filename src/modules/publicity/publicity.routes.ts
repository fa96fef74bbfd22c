import type { HttpServer } from '../../platform/http';
import { problemSchema } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import { answerRead, localReads } from '../../platform/readers';
import { shanghaiDate } from '../records';
import * as schemas from './publicity.schemas';
import type { PublicChannelFilter, PublicRecordsQuery } from './publicity.service';
import { publicityReadTasks } from './publicity.reads';

/**
 * Public routes: no login, no permission; what they show is decided by the
 * presenter alone. Every one is a read task (publicity.reads.ts), answered on
 * a reader thread when the server has them.
 */
export function registerPublicityRoutes(app: HttpServer, deps: AppDeps): void {
  const tags = ['publicity'];
  const reads = deps.reads ?? localReads(publicityReadTasks, deps);

  app.get(
    '/public/records',
    {
      schema: {
        tags,
        summary: 'Double publicity (双公示): public licences and penalties, newest decision first',
        querystring: schemas.publicRecordsQuerySchema,
        response: { 200: schemas.publicRecordPageSchema, 400: problemSchema },
      },
    },
    async (request, reply) => {
      const { item } = request.query;
      const query: PublicRecordsQuery = { ...channelFilter(request.query), ...(item ? { item } : {}) };
      return answerRead(reply, reads, 'publicity.channel', [query, shanghaiDate()]);
    },
  );

  app.get(
    '/public/records/:id',
    {
      schema: {
        tags,
        summary: 'One public record (404 when it does not exist or is not public)',
        params: schemas.idParamsSchema,
        querystring: schemas.langQuerySchema,
        response: { 200: schemas.publicRecordSchema, 404: problemSchema },
      },
    },
    async (request, reply) => answerRead(reply, reads, 'publicity.record', [request.params.id, shanghaiDate()]),
  );

  app.get(
    '/public/subjects/:id/records',
    {
      schema: {
        tags,
        summary: 'Public records of an entity credit page: the first page and the count of each section',
        params: schemas.idParamsSchema,
        querystring: schemas.langQuerySchema,
        response: { 200: schemas.subjectRecordsSchema, 404: problemSchema },
      },
    },
    async (request, reply) => answerRead(reply, reads, 'publicity.subjectRecords', [request.params.id, shanghaiDate()]),
  );

  app.get(
    '/public/subjects/:id/records/:section',
    {
      schema: {
        tags,
        summary: "One section of an entity credit page, a page at a time (the next page from the section's cursor)",
        params: schemas.sectionParamsSchema,
        querystring: schemas.sectionQuerySchema,
        response: { 200: schemas.publicRecordPageSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const { cursor, limit } = request.query;
      const { id, section } = request.params;
      const query = { limit, ...(cursor ? { cursor } : {}) };
      return answerRead(reply, reads, 'publicity.subjectSection', [id, section, query, shanghaiDate()]);
    },
  );

  app.get(
    '/public/lists/:list',
    {
      schema: {
        tags,
        summary: 'Red (守信) or black (失信) list entries the catalog makes public, newest decision first',
        params: schemas.listParamsSchema,
        querystring: schemas.listQuerySchema,
        response: { 200: schemas.publicListPageSchema, 400: problemSchema },
      },
    },
    async (request, reply) =>
      answerRead(reply, reads, 'publicity.list', [request.params.list, channelFilter(request.query), shanghaiDate()]),
  );
}

/** A channel's filters as the query string gives them, without the ones left empty. */
function channelFilter(query: {
  limit: number;
  department?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
}): PublicChannelFilter {
  const { limit, department, from, to, q, cursor } = query;
  return {
    limit,
    ...(department ? { department } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(q ? { q } : {}),
    ...(cursor ? { cursor } : {}),
  };
}
