/**
 * records: credit records of every catalog item (plan C4) — their versions
 * and provenance, subject matching and the review queue, publication state
 * and legal deadlines (publication within 7 working days, withdrawal within
 * 3), `min_end`/`max_end` from the item's period rule, the daily overdue and
 * expiry jobs, and the notifications that tell departments. `upsertRecords`
 * is the one write path every submission channel uses.
 */
import type { XinyongModule } from '../../platform/module';
import { registerCatalogUsage } from '../catalog';
import { recordsMigrations } from './records.migrations';
import { countRecordsOfItem } from './records.repository';
import { registerRecordsRoutes } from './records.routes';

// Breaking catalog changes are refused while records use the item.
registerCatalogUsage(countRecordsOfItem);

export const recordsModule: XinyongModule = {
  name: 'records',
  migrations: recordsMigrations,
  registerRoutes: registerRecordsRoutes,
};

export {
  upsertRecords,
  type UpsertInput,
  type UpsertRow,
  type UpsertRowResult,
  type UpsertOutcome,
  type UpsertWarning,
} from './records.upsert';
export {
  withdrawRecord,
  linkSubject,
  markPublished,
  getRecord,
  listRecords,
  listUnmatched,
  recordStats,
  type WithdrawInput,
  type RecordDetail,
  type RecordPage,
  type ListRecordsFilter,
  type UnmatchedFilter,
  type RecordStats,
  type RecordsClock,
} from './records.service';
export {
  recordsDashboard,
  defaultSpan,
  monthsOf,
  type RecordsDashboard,
  type DepartmentRecordFigures,
  type MonthSpan,
} from './records.dashboard';
export { lastContentWrites } from './records.dashboard.repository';
export { monthSpanQuery } from './records.schemas';
export { flagOverdue, endExpiredPublications, recordSchedules, OVERDUE_NOTIFICATION } from './records.jobs';
export { listNotifications, readNotification, type Notification } from './records.notifications';
export {
  recordsEnv,
  loadRecordsSettings,
  DEFAULT_RECORDS_SETTINGS,
  type RecordsEnv,
  type RecordsSettings,
  type DayKind,
} from './records.settings';
export { publicationWindow, type PublicationWindow } from './records.periods';
export { shanghaiDate } from './records.dates';
export {
  visibleRecordRows,
  type VisibleRecord,
  countVisibleRecords,
  countVisibleByItem,
  countVisibleEachItem,
  type VisibleScope,
  type PublicFilter,
  type PublicCursor,
} from './records.public';
export type { CreditRecord, RecordVersion } from './records.model';
export type {
  RecordChannel,
  RecordClass,
  RecordStatus,
  Timeliness,
  VersionChange,
  MatchMethod,
} from './records.tables';
