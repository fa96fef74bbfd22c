/** The records module's tables, as Kysely sees them (see records.migrations.ts). */
import { tables, type Executor } from '../../platform/db';

export type RecordStatus = 'active' | 'withdrawn' | 'repaired' | 'expired';
export type RecordClass = 'minor' | 'general' | 'serious';
export type Timeliness = 'on_time' | 'late' | 'overdue' | 'pending';
export type VersionChange = 'create' | 'correct' | 'withdraw' | 'link_subject' | 'expire';
/** How a record reached the platform. */
export type RecordChannel = 'api' | 'file' | 'form' | 'cli';
/** Version provenance: a channel, or `system` for scheduled jobs. */
export type VersionChannel = RecordChannel | 'system';
import type { MatchMethod } from '../subjects';

export type { MatchMethod };

export const RECORD_STATUSES = ['active', 'withdrawn', 'repaired', 'expired'] as const;
export const TIMELINESS = ['on_time', 'late', 'overdue', 'pending'] as const;
export const RECORD_CHANNELS = ['api', 'file', 'form', 'cli'] as const;

export interface RecordsTable {
  id: string;
  item_code: string;
  item_version: number;
  department_id: string;
  department_code: string;
  /** The department's own identity key (e.g. 文书号), normalised; unique with department and item. */
  record_key: string;
  subject_id: string | null;
  match_method: MatchMethod | null;
  /** 行政相对人类别 as submitted (法人及非法人组织 / 自然人 / 个体工商户), when the item has one. */
  subject_type: string | null;
  subject_name: string | null;
  subject_uscc: string | null;
  subject_org_code: string | null;
  subject_registration_number: string | null;
  /** Keyed HMAC of a natural person's ID number (never the number itself). */
  subject_id_hash: string | null;
  subject_id_masked: string | null;
  decision_date: string | null;
  class: RecordClass | null;
  class_source: 'submitted' | 'penalty_kind' | 'default' | null;
  status: RecordStatus;
  version: number;
  /** Validated JSON; ID numbers masked. */
  payload: string;
  /** JSON map field code → ciphertext of the ID numbers in the payload. */
  protected_payload: string | null;
  content_hash: string;
  publication_deadline: string | null;
  published_at: string | null;
  timeliness: Timeliness | null;
  min_end: string | null;
  max_end: string | null;
  publication_ended_at: string | null;
  revoked_on: string | null;
  withdrawal_reason: string | null;
  withdrawal_deadline: string | null;
  withdrawn_at: string | null;
  withdrawal_timeliness: 'on_time' | 'late' | null;
  created_at: string;
  updated_at: string;
}

export interface RecordVersionsTable {
  record_id: string;
  version: number;
  change: VersionChange;
  payload: string;
  protected_payload: string | null;
  content_hash: string;
  /** The classification submitted with this version (the record keeps the effective class). */
  classification: RecordClass | null;
  subject_id: string | null;
  status: RecordStatus;
  batch_id: string | null;
  department_id: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  at: string;
  file_hash: string | null;
  channel: VersionChannel;
  /** JSON: what else the change carried (withdrawal reason, previous subject…). */
  note: string | null;
}

export interface NotificationsTable {
  id: string;
  department_id: string;
  kind: string;
  title_zh: string;
  title_en: string;
  body: string;
  /** Makes a daily notice idempotent (e.g. `records.overdue:2026-11-28:<department>`). */
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
  read_by: string | null;
}

export interface RecordsTables {
  records: RecordsTable;
  record_versions: RecordVersionsTable;
  notifications: NotificationsTable;
}

export const recordsDb = (executor: Executor) => tables<RecordsTables>(executor);
