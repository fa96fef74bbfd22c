/**
 * The daily jobs over records: flag records past their publication deadline
 * and tell their departments; end publication at `max_end`. Both are
 * idempotent, so a re-run (or a second instance) changes nothing more.
 */
import { appendAudit } from '../../platform/audit';
import { systemCaller } from '../../platform/context';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import type { Schedule } from '../../platform/jobs';
import type { AppDeps } from '../../platform/module';
import { shanghaiDate } from './records.dates';
import {
  countOverdue,
  expireRecords,
  expiringIds,
  insertNotifications,
  markOverdue,
  overdueCandidates,
} from './records.repository';
import type { NotificationsTable } from './records.tables';

const jobCaller = systemCaller('records.jobs');

export const OVERDUE_NOTIFICATION = 'records.overdue';

export interface OverdueOutcome {
  readonly flagged: number;
  readonly departments: number;
  readonly notifications: number;
}

/**
 * Marks active records whose publication deadline is before `today`
 * (Asia/Shanghai) and that are still unpublished as `overdue`, and writes one
 * notification per department with newly overdue records (at most one per
 * department and day).
 */
export async function flagOverdue(db: Db, today: string): Promise<OverdueOutcome> {
  return db.transaction(async (tx) => {
    const perDepartment = await overdueCandidates(tx, today);
    if (perDepartment.length === 0) return { flagged: 0, departments: 0, notifications: 0 };
    const at = new Date().toISOString();
    const flagged = await markOverdue(tx, today, at);
    const notices: NotificationsTable[] = [];
    for (const d of perDepartment) {
      const total = await countOverdue(tx, d.department_id);
      notices.push({
        id: newId(),
        department_id: d.department_id,
        kind: OVERDUE_NOTIFICATION,
        title_zh: `${d.n} 条信用记录已超过公示期限仍未公示`,
        title_en: `${d.n} credit record(s) passed their publication deadline unpublished`,
        body: JSON.stringify({
          date: today,
          newlyOverdue: d.n,
          totalOverdue: total,
          departmentCode: d.department_code,
        }),
        dedupe_key: `${OVERDUE_NOTIFICATION}:${today}:${d.department_id}`,
        created_at: at,
        read_at: null,
        read_by: null,
      });
    }
    const notifications = await insertNotifications(tx, notices);
    await appendAudit(tx, jobCaller, {
      action: 'records.flag_overdue',
      targetType: 'record',
      detail: {
        date: today,
        flagged,
        departments: perDepartment.map((d) => ({ code: d.department_code, newlyOverdue: d.n })),
        notifications,
      },
    });
    return { flagged, departments: perDepartment.length, notifications };
  });
}

const EXPIRY_CHUNK = 1000;

/**
 * Ends the publication of active records whose last day (`max_end`) is
 * before `today`: status `expired`, `publication_ended_at` for those that were
 * published, and an `expire` version each. Runs in chunks of 1,000, one
 * transaction (and one audit entry) per chunk.
 */
export async function endExpiredPublications(db: Db, today: string): Promise<{ expired: number }> {
  let expired = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const ids = await expiringIds(tx, today, EXPIRY_CHUNK);
      if (ids.length === 0) return 0;
      const at = new Date().toISOString();
      const n = await expireRecords(tx, ids, {
        actor_kind: jobCaller.actor.kind,
        actor_id: jobCaller.actor.id,
        actor_name: jobCaller.actor.name,
        at,
      });
      await appendAudit(tx, jobCaller, {
        action: 'records.expire',
        targetType: 'record',
        detail: { date: today, expired: n, firstId: ids[0], lastId: ids[ids.length - 1] },
      });
      return n;
    });
    expired += done;
    if (done < EXPIRY_CHUNK) return { expired };
  }
}

/** The records module's daily jobs, for the job runner (cron in Asia/Shanghai). */
export function recordSchedules(deps: Pick<AppDeps, 'db'>): Schedule[] {
  return [
    {
      name: 'records.end_expired_publications',
      pattern: '5 0 * * *',
      handler: async () => void (await endExpiredPublications(deps.db, shanghaiDate())),
    },
    {
      name: 'records.flag_overdue',
      pattern: '15 0 * * *',
      handler: async () => void (await flagOverdue(deps.db, shanghaiDate())),
    },
  ];
}
