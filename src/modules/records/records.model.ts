/**
 * The records module's domain shapes, built from rows. Ciphertexts stay in
 * the database: nothing built here carries `protected_payload` or the ID
 * number hash.
 */
import type {
  MatchMethod,
  RecordClass,
  RecordStatus,
  RecordVersionsTable,
  RecordsTable,
  Timeliness,
  VersionChange,
  VersionChannel,
} from './records.tables';

export interface CreditRecord {
  readonly id: string;
  readonly itemCode: string;
  readonly itemVersion: number;
  readonly departmentId: string;
  readonly departmentCode: string;
  readonly recordKey: string;
  readonly subject: {
    readonly id: string | null;
    readonly matchMethod: MatchMethod | null;
    readonly type: string | null;
    readonly name: string | null;
    readonly uscc: string | null;
    readonly orgCode: string | null;
    readonly registrationNumber: string | null;
    readonly idNumberMasked: string | null;
  };
  readonly decisionDate: string | null;
  readonly class: RecordClass | null;
  readonly classSource: RecordsTable['class_source'];
  readonly status: RecordStatus;
  readonly version: number;
  /** ID numbers masked. */
  readonly payload: Record<string, unknown>;
  readonly contentHash: string;
  readonly publication: {
    readonly deadline: string | null;
    readonly publishedAt: string | null;
    readonly timeliness: Timeliness | null;
    readonly minEnd: string | null;
    readonly maxEnd: string | null;
    readonly endedAt: string | null;
  };
  readonly withdrawal: {
    readonly revokedOn: string;
    readonly reason: string | null;
    readonly deadline: string | null;
    readonly withdrawnAt: string | null;
    readonly timeliness: 'on_time' | 'late' | null;
  } | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RecordVersion {
  readonly version: number;
  readonly change: VersionChange;
  readonly at: string;
  readonly status: RecordStatus;
  readonly subjectId: string | null;
  readonly classification: RecordClass | null;
  readonly contentHash: string;
  readonly payload: Record<string, unknown>;
  readonly provenance: {
    readonly batchId: string | null;
    readonly departmentId: string;
    readonly actor: { readonly kind: string; readonly id: string | null; readonly name: string };
    readonly fileHash: string | null;
    readonly channel: VersionChannel;
  };
  readonly note: Record<string, unknown> | null;
}

export function toRecord(row: RecordsTable): CreditRecord {
  return {
    id: row.id,
    itemCode: row.item_code,
    itemVersion: Number(row.item_version),
    departmentId: row.department_id,
    departmentCode: row.department_code,
    recordKey: row.record_key,
    subject: {
      id: row.subject_id,
      matchMethod: row.match_method,
      type: row.subject_type,
      name: row.subject_name,
      uscc: row.subject_uscc,
      orgCode: row.subject_org_code,
      registrationNumber: row.subject_registration_number,
      idNumberMasked: row.subject_id_masked,
    },
    decisionDate: row.decision_date,
    class: row.class,
    classSource: row.class_source,
    status: row.status,
    version: Number(row.version),
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    contentHash: row.content_hash,
    publication: {
      deadline: row.publication_deadline,
      publishedAt: row.published_at,
      timeliness: row.timeliness,
      minEnd: row.min_end,
      maxEnd: row.max_end,
      endedAt: row.publication_ended_at,
    },
    withdrawal: row.revoked_on
      ? {
          revokedOn: row.revoked_on,
          reason: row.withdrawal_reason,
          deadline: row.withdrawal_deadline,
          withdrawnAt: row.withdrawn_at,
          timeliness: row.withdrawal_timeliness,
        }
      : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toVersion(row: RecordVersionsTable): RecordVersion {
  return {
    version: Number(row.version),
    change: row.change,
    at: row.at,
    status: row.status,
    subjectId: row.subject_id,
    classification: row.classification,
    contentHash: row.content_hash,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    provenance: {
      batchId: row.batch_id,
      departmentId: row.department_id,
      actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
      fileHash: row.file_hash,
      channel: row.channel,
    },
    note: row.note ? (JSON.parse(row.note) as Record<string, unknown>) : null,
  };
}
