import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db, Executor } from '../db';
import type { Caller } from '../context';
import { newId, nowIso } from '../ids';
import { auditDb, type AuditLogTable } from './audit.repository';
import { entryHash, GENESIS_HASH } from './audit.hash';

export interface AuditEntryInput {
  /** Dotted verb, e.g. `catalog.item.update`, `subject.view.government`. */
  readonly action: string;
  readonly targetType?: string | null;
  readonly targetId?: string | null;
  readonly subjectId?: string | null;
  /** What was written or returned: ids and a summary, never personal identifiers in clear. */
  readonly detail?: Record<string, unknown>;
}

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the
 * entry exists exactly when the write it describes does. The head row update
 * serialises concurrent appenders (a row lock on PostgreSQL; the single
 * writer on SQLite).
 */
export async function appendAudit(tx: Executor, caller: Caller, input: AuditEntryInput): Promise<number> {
  const db = auditDb(tx);
  const head = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const entry = {
    id: newId(),
    at: nowIso(),
    actor_kind: caller.actor.kind,
    actor_id: caller.actor.id,
    actor_name: caller.actor.name,
    department_id: caller.actor.departmentId,
    action: input.action,
    target_type: input.targetType ?? null,
    target_id: input.targetId ?? null,
    subject_id: input.subjectId ?? null,
    purpose: caller.purpose ?? null,
    case_number: caller.caseNumber ?? null,
    request_id: caller.requestId,
    detail: JSON.stringify(input.detail ?? {}),
    prev_hash: head.hash,
  };
  const hash = entryHash(entry);
  await db
    .insertInto('audit_log')
    .values({ ...entry, seq: head.seq, hash })
    .execute();
  await db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  return head.seq;
}

export type AuditProblemKind = 'altered' | 'deleted' | 'reordered' | 'inserted' | 'truncated' | 'rewritten';

export interface AuditProblem {
  readonly kind: AuditProblemKind;
  /** 1-based position in the chain where the problem is first seen. */
  readonly position: number;
  readonly seq: number | null;
  readonly message: { zh: string; en: string };
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly headSeq: number;
  readonly checkpointsChecked: number;
  readonly problem: AuditProblem | null;
}

const PAGE = 5000;

/**
 * Walks the chain in order and reports the first altered, deleted, inserted or
 * reordered entry by position; then compares the stored checkpoints, which
 * catches a consistent rewrite of the whole table.
 */
export async function verifyAudit(db: Db, checkpointFile: string | null): Promise<AuditVerification> {
  const adb = auditDb(db.kysely);
  // Hashes seen so far, to tell an entry moved forward from one whose predecessor vanished.
  const seen = new Set<string>();
  const allHashes = new Set<string>((await adb.selectFrom('audit_log').select('hash').execute()).map((r) => r.hash));
  const head = await adb.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  const hashAtSeq = new Map<number, string>();
  let prevHash = GENESIS_HASH;
  let position = 0;
  let lastSeq = 0;
  let problem: AuditProblem | null = null;

  const fail = (kind: AuditProblemKind, seq: number | null, zh: string, en: string) => {
    problem = { kind, position, seq, message: { zh, en } };
  };

  outer: for (let after = -1; ;) {
    const rows: AuditLogTable[] = await adb
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      position += 1;
      after = row.seq;
      if (entryHash(row) !== row.hash) {
        fail(
          'altered',
          row.seq,
          `第 ${position} 条（序号 ${row.seq}）内容被篡改`,
          `entry ${position} (seq ${row.seq}) was altered`,
        );
        break outer;
      }
      if (row.prev_hash !== prevHash) {
        if (seen.has(row.prev_hash) || allHashes.has(row.prev_hash)) {
          fail(
            'reordered',
            row.seq,
            `第 ${position} 条（序号 ${row.seq}）顺序被调换`,
            `entry ${position} (seq ${row.seq}) is out of order`,
          );
        } else {
          fail(
            'deleted',
            row.seq,
            `第 ${position} 条（序号 ${row.seq}）之前的记录被删除`,
            `an entry before position ${position} (seq ${row.seq}) was deleted`,
          );
        }
        break outer;
      }
      if (row.seq !== lastSeq + 1) {
        fail(
          'deleted',
          row.seq,
          `第 ${position} 条之前缺少序号 ${lastSeq + 1}`,
          `seq ${lastSeq + 1} is missing before position ${position}`,
        );
        break outer;
      }
      seen.add(row.hash);
      hashAtSeq.set(row.seq, row.hash);
      prevHash = row.hash;
      lastSeq = row.seq;
    }
  }

  if (!problem && head && (head.seq !== lastSeq || head.hash !== prevHash)) {
    position += 1;
    fail(
      'truncated',
      lastSeq + 1,
      `链尾缺少记录：链头为序号 ${head.seq}，最后一条为 ${lastSeq}`,
      `entries missing at the end: the head says seq ${head.seq}, the last entry is ${lastSeq}`,
    );
  }

  let checkpointsChecked = 0;
  if (!problem && checkpointFile && existsSync(checkpointFile)) {
    for (const line of readFileSync(checkpointFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const checkpoint = JSON.parse(line) as { seq: number; hash: string };
      checkpointsChecked += 1;
      if (checkpoint.seq === 0) continue;
      const actual = hashAtSeq.get(checkpoint.seq);
      if (actual !== checkpoint.hash) {
        position = checkpoint.seq;
        fail(
          'rewritten',
          checkpoint.seq,
          `序号 ${checkpoint.seq} 与检查点不符：日志已被整体改写`,
          `seq ${checkpoint.seq} does not match its checkpoint: the log was rewritten`,
        );
        break;
      }
    }
  }

  return {
    ok: problem === null,
    entries: position - (problem ? 1 : 0),
    headSeq: head?.seq ?? 0,
    checkpointsChecked,
    problem,
  };
}

/** Appends the current chain head to the checkpoint file (kept outside the database). */
export async function checkpointAudit(db: Db, checkpointFile: string): Promise<{ seq: number; hash: string }> {
  const head = await auditDb(db.kysely)
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  mkdirSync(path.dirname(checkpointFile), { recursive: true });
  appendFileSync(checkpointFile, JSON.stringify({ seq: head.seq, hash: head.hash, at: nowIso() }) + '\n');
  return head;
}

export interface AuditQuery {
  readonly subjectId?: string;
  readonly actorId?: string;
  readonly action?: string;
  readonly departmentId?: string;
  readonly beforeSeq?: number;
  /** Entries on or after this day (`YYYY-MM-DD`, Beijing time: the day the people reading the log live in). */
  readonly from?: string;
  /** Entries on or before this day (`YYYY-MM-DD`, Beijing time). */
  readonly to?: string;
  readonly limit?: number;
}

const DAY_MS = 86_400_000;

/** The UTC instant at which a Beijing day begins (China keeps +08:00 all year), as stored in `at`. */
function beijingDayStart(date: string, plusDays = 0): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * DAY_MS).toISOString();
}

export interface AuditEntry {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly actorKind: string;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly departmentId: string | null;
  readonly action: string;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly subjectId: string | null;
  readonly purpose: string | null;
  readonly caseNumber: string | null;
  readonly requestId: string | null;
  readonly detail: Record<string, unknown>;
}

/** Newest first, cursor by seq. */
export async function listAudit(db: Executor, query: AuditQuery): Promise<AuditEntry[]> {
  let q = auditDb(db)
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(Math.min(query.limit ?? 50, 500));
  if (query.subjectId) q = q.where('subject_id', '=', query.subjectId);
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.departmentId) q = q.where('department_id', '=', query.departmentId);
  if (query.beforeSeq) q = q.where('seq', '<', query.beforeSeq);
  // `at` is an ISO-8601 UTC text of fixed shape, so text comparison is time order on every dialect.
  if (query.from) q = q.where('at', '>=', beijingDayStart(query.from));
  if (query.to) q = q.where('at', '<', beijingDayStart(query.to, 1));
  const rows = await q.execute();
  return rows.map((r) => ({
    seq: r.seq,
    id: r.id,
    at: r.at,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    departmentId: r.department_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    subjectId: r.subject_id,
    purpose: r.purpose,
    caseNumber: r.case_number,
    requestId: r.request_id,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
