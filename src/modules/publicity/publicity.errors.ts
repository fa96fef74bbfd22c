import { AppError } from '../../platform/errors';

/**
 * A record that does not exist and one the public may not see get the same
 * answer, so that visibility cannot be probed by id.
 */
export const publicRecordNotFound = (id: string): AppError =>
  new AppError(
    'publicity.record_not_found',
    404,
    { zh: `未找到公示信息：${id}`, en: `No public record ${id}` },
    { details: { id } },
  );

/**
 * The same answer as the subjects module gives for a subject that does not
 * exist: natural persons have no public page (PIPL: minimum necessary).
 */
export const publicSubjectNotFound = (id: string): AppError =>
  new AppError(
    'subjects.not_found',
    404,
    { zh: `未找到主体：${id}`, en: `No subject found for ${id}` },
    { details: { query: id } },
  );

export const badCursor = (): AppError =>
  new AppError('publicity.bad_cursor', 400, { zh: '分页游标无效', en: 'invalid page cursor' });
