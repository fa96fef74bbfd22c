/**
 * The subjects module's public reads, as tasks a reader thread can run
 * (platform/readers): the website's search and an entity's registration
 * basics. The routes call them through `deps.reads`.
 */
import type { Lang } from '../../platform/http';
import type { ReadTasks } from '../../platform/readers';
import { presentPublicDetail, presentPublicSubject } from './subjects.presenters';
import * as schemas from './subjects.schemas';
import { getSubject, searchSubjects, type SubjectSearch } from './subjects.service';
import { subjectNotFound } from './subjects.errors';
import { subjectsEnv } from './subjects.env';

export const subjectsReadTasks: ReadTasks = {
  'subjects.publicSearch': {
    response: schemas.searchResultSchema,
    async run(deps, [search, lang]) {
      const result = await searchSubjects(subjectsEnv(deps), search as SubjectSearch, { publicOnly: true });
      return {
        items: result.items.map((i) => presentPublicSubject(i.subject, lang as Lang, i.matchedName)),
        total: result.total,
        totalCapped: result.totalCapped,
        nextCursor: result.nextCursor,
      };
    },
  },
  'subjects.publicDetail': {
    response: schemas.publicSubjectDetailSchema,
    async run(deps, [id, lang]) {
      const detail = await getSubject(deps.db.kysely, id as string);
      // Natural persons have no public page (PIPL: minimum necessary).
      if (detail.subject.kind === 'natural_person') throw subjectNotFound(id as string);
      return presentPublicDetail(detail, lang as Lang);
    },
  },
};
