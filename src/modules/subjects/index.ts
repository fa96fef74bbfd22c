/**
 * subjects: legal persons, other organisations, individual businesses and
 * natural persons (plan C3) — their identifiers and check algorithms, legacy
 * code mapping, former names, region and industry, and the protected storage
 * of citizen ID numbers.
 */
import type { XinyongModule } from '../../platform/module';
import { subjectsMigrations } from './subjects.migrations';
import { subjectsRoutes } from './subjects.routes';
import { subjectsCommands } from './subjects.command';
import { subjectsReadTasks } from './subjects.reads';

export const subjectsModule: XinyongModule = {
  name: 'subjects',
  migrations: subjectsMigrations,
  registerRoutes: subjectsRoutes,
  registerCommands: subjectsCommands,
  readTasks: subjectsReadTasks,
};

export * from './identifiers';
export * from './dictionaries';
export { subjectsEnv } from './subjects.env';
export {
  registerSubject,
  registerSubjectsBulk,
  findSubjectByIdentifier,
  searchSubjects,
  getSubject,
  subjectKind,
  governmentLookup,
  renameSubject,
  importLegacyMappings,
  countPublicSubjects,
  countAllSubjects,
  type SubjectsEnv,
  type SubjectSearch,
  type SubjectSearchResult,
} from './subjects.service';
export type { NewSubjectInput } from './subjects.validation';
export { matchSubjects, type SubjectMatch, type SubjectAsSubmitted, type MatchMethod } from './subjects.match';
export type { SubjectRow } from './subjects.repository';
