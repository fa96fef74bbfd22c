/**
 * HTTP adapter of the records module. A department reads its own records
 * (`*` reads all); submission endpoints belong to the ingest module. ID
 * numbers leave only masked: the service shapes never carry them.
 */
import { callerOf, requirePermission, type HttpServer } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import { readScope, RECORDS_READ, RECORDS_REVIEW, RECORDS_SUBMIT } from './records.access';
import { defaultSpan, recordsDashboard } from './records.dashboard';
import { recordNotFound } from './records.errors';
import { listNotifications, readNotification } from './records.notifications';
import * as schemas from './records.schemas';
import {
  auditRecordRead,
  getRecord,
  linkSubject,
  listRecords,
  listUnmatched,
  recordStats,
  withdrawRecord,
} from './records.service';
import { recordsEnv } from './records.settings';

const tags = ['records'];

export function registerRecordsRoutes(app: HttpServer, deps: AppDeps): void {
  const { db } = deps;
  const env = recordsEnv(deps);

  app.get(
    '/records',
    {
      schema: {
        tags,
        summary: 'Credit records, newest first (own department; all with *)',
        querystring: schemas.listQuery,
        response: { 200: schemas.recordPageSchema, ...schemas.problems(400, 401, 403) },
      },
    },
    async (request) => {
      requirePermission(request, RECORDS_READ);
      const caller = callerOf(request);
      const scope = readScope(caller);
      const result = await listRecords(db.kysely, { ...request.query, ...scope });
      await auditRecordRead(db, caller, 'records.list', {
        filter: request.query,
        returned: result.items.length,
      });
      return { items: [...result.items], nextCursor: result.nextCursor, total: result.total };
    },
  );

  app.get(
    '/records/unmatched',
    {
      schema: {
        tags,
        summary: 'The review queue: records no subject could be matched to',
        querystring: schemas.unmatchedQuery,
        response: { 200: schemas.recordPageSchema, ...schemas.problems(400, 401, 403) },
      },
    },
    async (request) => {
      requirePermission(request, RECORDS_READ);
      const caller = callerOf(request);
      const result = await listUnmatched(db.kysely, { ...request.query, ...readScope(caller) });
      await auditRecordRead(db, caller, 'records.unmatched.list', {
        filter: request.query,
        returned: result.items.length,
      });
      return { items: [...result.items], nextCursor: result.nextCursor, total: result.total };
    },
  );

  app.get(
    '/records/stats',
    {
      schema: {
        tags,
        summary: 'Counts by item, status and timeliness (own department; all with *)',
        querystring: schemas.statsQuery,
        response: { 200: schemas.statsSchema, ...schemas.problems(400, 401, 403) },
      },
    },
    async (request) => {
      requirePermission(request, RECORDS_READ);
      const scope = readScope(callerOf(request));
      return recordStats(db.kysely, { ...request.query, ...scope });
    },
  );

  app.get(
    '/records/dashboard',
    {
      schema: {
        tags,
        summary: 'Dashboard figures per department: timeliness per month, overdue, unmatched, withdrawals',
        querystring: schemas.monthSpanQuery,
        response: { 200: schemas.recordsDashboardSchema, ...schemas.problems(400, 401, 403) },
      },
    },
    async (request) => {
      requirePermission(request, RECORDS_READ);
      const scope = readScope(callerOf(request));
      const { from, to } = request.query;
      const span = from && to ? { from, to } : defaultSpan(12, to);
      return recordsDashboard(db.kysely, { ...span, ...(from ? { from } : {}), ...scope });
    },
  );

  app.get(
    '/records/:id',
    {
      schema: {
        tags,
        summary: 'One credit record with its versions and their provenance',
        params: schemas.idParams,
        response: { 200: schemas.recordDetailSchema, ...schemas.problems(401, 403, 404) },
      },
    },
    async (request) => {
      requirePermission(request, RECORDS_READ);
      const caller = callerOf(request);
      const scope = readScope(caller);
      const detail = await getRecord(db.kysely, request.params.id);
      // Another department's record does not exist as far as this reader knows.
      if (scope.departmentId && detail.record.departmentId !== scope.departmentId)
        throw recordNotFound(request.params.id);
      await auditRecordRead(
        db,
        caller,
        'record.view',
        { itemCode: detail.record.itemCode, departmentCode: detail.record.departmentCode },
        { id: detail.record.id, subjectId: detail.record.subject.id },
      );
      return { ...detail.record, versions: [...detail.versions] };
    },
  );

  app.post(
    '/records/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a record whose decision was changed, revoked or found invalid',
        params: schemas.idParams,
        body: schemas.withdrawBody,
        response: { 200: schemas.recordSchema, ...schemas.problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      requirePermission(request, RECORDS_SUBMIT);
      return withdrawRecord(db, callerOf(request), request.params.id, request.body, env);
    },
  );

  app.post(
    '/records/:id/link-subject',
    {
      schema: {
        tags,
        summary: 'Link a record from the review queue to a subject (audited)',
        params: schemas.idParams,
        body: schemas.linkSubjectBody,
        response: { 200: schemas.recordSchema, ...schemas.problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      requirePermission(request, RECORDS_REVIEW);
      return linkSubject(db, callerOf(request), request.params.id, request.body.subjectId);
    },
  );

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: "The department's notifications, newest first",
        querystring: schemas.notificationsQuery,
        response: { 200: schemas.notificationPageSchema, ...schemas.problems(400, 401, 403) },
      },
    },
    async (request) => {
      requirePermission(request, RECORDS_READ);
      const scope = readScope(callerOf(request));
      const { unread, cursor, limit } = request.query;
      return listNotifications(db.kysely, {
        ...scope,
        limit,
        ...(unread === 'true' ? { unreadOnly: true } : {}),
        ...(cursor ? { cursor } : {}),
      });
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark a notification read',
        params: schemas.idParams,
        response: { 200: schemas.notificationSchema, ...schemas.problems(401, 403, 404) },
      },
    },
    async (request) => {
      requirePermission(request, RECORDS_READ);
      return readNotification(db, callerOf(request), request.params.id);
    },
  );
}
