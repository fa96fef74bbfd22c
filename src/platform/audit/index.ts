/**
 * platform/audit: the append-only, hash-chained log of every write and every
 * non-public read. Services call `appendAudit` inside their own transaction.
 */
export { appendAudit, verifyAudit, checkpointAudit, listAudit } from './audit.service';
export type { AuditEntryInput, AuditVerification, AuditProblem, AuditEntry, AuditQuery } from './audit.service';
export { auditMigrations } from './audit.migrations';
