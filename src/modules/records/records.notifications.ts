/**
 * Notices to departments (how they learn of overdue records); the console
 * shows them. Written by the daily jobs, read and acknowledged by the
 * department's own people.
 */
import { appendAudit } from '../../platform/audit';
import type { Caller } from '../../platform/context';
import type { Db, Executor } from '../../platform/db';
import { assertOwnDepartment, assertPermission, RECORDS_READ } from './records.access';
import { notificationNotFound } from './records.errors';
import { findNotification, listNotificationRows, markNotificationRead } from './records.repository';
import type { NotificationsTable } from './records.tables';

export interface Notification {
  readonly id: string;
  readonly departmentId: string;
  readonly kind: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly body: Record<string, unknown>;
  readonly createdAt: string;
  readonly readAt: string | null;
  readonly readBy: string | null;
}

const toNotification = (row: NotificationsTable): Notification => ({
  id: row.id,
  departmentId: row.department_id,
  kind: row.kind,
  title: { zh: row.title_zh, en: row.title_en },
  body: JSON.parse(row.body) as Record<string, unknown>,
  createdAt: row.created_at,
  readAt: row.read_at,
  readBy: row.read_by,
});

/** Newest first; `departmentId` confines the list (a department reads only its own). */
export async function listNotifications(
  executor: Executor,
  filter: { departmentId?: string; unreadOnly?: boolean; cursor?: string; limit: number },
): Promise<{ items: Notification[]; nextCursor: string | null }> {
  const rows = await listNotificationRows(
    executor,
    {
      ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
      ...(filter.unreadOnly ? { unreadOnly: true } : {}),
    },
    { ...(filter.cursor ? { beforeId: filter.cursor } : {}), limit: filter.limit + 1 },
  );
  const items = rows.slice(0, filter.limit).map(toNotification);
  return { items, nextCursor: rows.length > filter.limit ? items[items.length - 1]!.id : null };
}

/** Marks a notice read (idempotent: the first reader and time are kept). */
export async function readNotification(db: Db, caller: Caller, id: string): Promise<Notification> {
  assertPermission(caller, RECORDS_READ);
  return db.transaction(async (tx) => {
    const row = await findNotification(tx, id);
    if (!row) throw notificationNotFound(id);
    try {
      assertOwnDepartment(caller, row.department_id, row.department_id);
    } catch {
      // Another department's notice does not exist as far as this caller knows.
      throw notificationNotFound(id);
    }
    if (row.read_at) return toNotification(row);
    const at = new Date().toISOString();
    await markNotificationRead(tx, id, at, caller.actor.name);
    await appendAudit(tx, caller, {
      action: 'notification.read',
      targetType: 'notification',
      targetId: id,
      detail: { kind: row.kind },
    });
    return toNotification({ ...row, read_at: at, read_by: caller.actor.name });
  });
}
