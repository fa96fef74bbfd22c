/**
 * The publicity module's reads of an entity's credit page, as tasks a reader
 * thread can run (platform/readers). The routes call them through `deps.reads`.
 */
import type { ReadTasks } from '../../platform/readers';
import * as schemas from './publicity.schemas';
import { subjectPublicRecords, subjectSectionPage, type SubjectSection } from './publicity.service';

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
};
