import { AppError, type FieldError } from '../../platform/errors';

export const subjectNotFound = (what: string): AppError =>
  new AppError(
    'subjects.not_found',
    404,
    { zh: `未找到主体：${what}`, en: `No subject found for ${what}` },
    { details: { query: what } },
  );

export const invalidSubject = (errors: readonly FieldError[]): AppError =>
  new AppError(
    'subjects.invalid',
    400,
    {
      zh: `主体信息有误：${errors.map((e) => `${e.field} ${e.message.zh}`).join('；')}`,
      en: `Invalid subject: ${errors.map((e) => `${e.field}: ${e.message.en}`).join('; ')}`,
    },
    { errors },
  );

export const duplicateIdentifier = (kind: string, value: string, existingId: string): AppError =>
  new AppError(
    'subjects.duplicate_identifier',
    409,
    {
      zh: `标识 ${value} 已属于另一主体（${existingId}），请核对后更新该主体而非新建`,
      en: `Identifier ${value} already belongs to subject ${existingId}; update that subject instead of creating a new one`,
    },
    { details: { kind, value, existingId } },
  );

export const purposeRequired = (): AppError =>
  new AppError('subjects.purpose_required', 400, {
    zh: '政务查询须填写查询目的（和案件/业务编号），查询将记入审计日志',
    en: 'A government look-up needs a stated purpose (and a case number); it is written to the audit log',
  });

export const versionConflict = (id: string): AppError =>
  new AppError('subjects.version_conflict', 409, {
    zh: `主体 ${id} 已被他人修改，请刷新后重试`,
    en: `Subject ${id} was changed by someone else; reload and try again`,
  });
