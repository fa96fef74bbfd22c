import type { Executor } from '../db';
import { tables } from '../db';

export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  department_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  subject_id: string | null;
  purpose: string | null;
  case_number: string | null;
  request_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

export const auditDb = (executor: Executor) => tables<AuditTables>(executor);
