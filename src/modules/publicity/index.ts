/**
 * publicity: the public read model — the one place that decides what the
 * public may see of credit records (disclosure attribute, publication state
 * and window, masking of personal identifiers), the double-publicity channel
 * and the records of an entity's credit page.
 */
import type { XinyongModule } from '../../platform/module';
import { registerPublicityRoutes } from './publicity.routes';
import { publicityReadTasks } from './publicity.reads';

export const publicityModule: XinyongModule = {
  name: 'publicity',
  registerRoutes: registerPublicityRoutes,
  readTasks: publicityReadTasks,
};

export {
  presentPublicRecord,
  isPubliclyVisible,
  type PublicRecord,
  type PublicField,
  type DepartmentName,
} from './publicity.presenter';
export {
  listPublicRecords,
  getPublicRecord,
  subjectPublicRecords,
  subjectSectionPage,
  SUBJECT_SECTIONS,
  SECTION_FIRST_PAGE,
  SECTION_TOTAL_CAP,
  type SubjectSection,
  listPublicListEntries,
  LIST_ITEMS,
  type PublicListKind,
  type PublicListPage,
  type PublicChannelFilter,
  type PublicRecordsQuery,
  type PublicRecordPage,
  type SubjectPublicRecords,
} from './publicity.service';
