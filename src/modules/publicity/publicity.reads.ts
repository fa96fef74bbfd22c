/**
 * The publicity module's public reads (an entity's credit page, the
 * double-publicity channel, one record, the red and black lists), as tasks a
 * reader thread can run (platform/readers). The routes call them through
 * `deps.reads`.
 */
import type { ReadTasks } from '../../platform/readers';
import * as schemas from './publicity.schemas';
import {
  getPublicRecord,
  listPublicListEntries,
  listPublicRecords,
  subjectPublicRecords,
  subjectSectionPage,
  type PublicChannelFilter,
  type PublicListKind,
  type PublicRecordsQuery,
  type SubjectSection,
} from './publicity.service';

export const publicityReadTasks: ReadTasks = {
  'publicity.subjectRecords': {
    response: schemas.subjectRecordsSchema,
    run: (deps, [id, today]) => subjectPublicRecords(deps.db.kysely, id as string, today as string),
  },
  'publicity.subjectSection': {
    response: schemas.publicRecordPageSchema,
    run: (deps, [id, section, query, today]) =>
      subjectSectionPage(
        deps.db.kysely,
        id as string,
        section as SubjectSection,
        query as { cursor?: string; limit: number },
        today as string,
      ),
  },
  'publicity.channel': {
    response: schemas.publicRecordPageSchema,
    run: (deps, [query, today]) => listPublicRecords(deps.db.kysely, query as PublicRecordsQuery, today as string),
  },
  'publicity.record': {
    response: schemas.publicRecordSchema,
    run: (deps, [id, today]) => getPublicRecord(deps.db.kysely, id as string, today as string),
  },
  'publicity.list': {
    response: schemas.publicListPageSchema,
    run: (deps, [list, query, today]) =>
      listPublicListEntries(deps.db.kysely, list as PublicListKind, query as PublicChannelFilter, today as string),
  },
};
