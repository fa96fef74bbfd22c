/** The catalog's own errors, each with a stable code. */
import { AppError, type FieldError } from '../../platform/errors';
import type { BreakingChange } from './catalog.breaking';

export const itemNotFound = (code: string): AppError =>
  new AppError(
    'catalog.item_not_found',
    404,
    { zh: `目录条目不存在：${code}`, en: `No catalog item ${code}` },
    { details: { code } },
  );

export const versionNotFound = (code: string, version: number): AppError =>
  new AppError(
    'catalog.version_not_found',
    404,
    { zh: `目录条目 ${code} 没有第 ${version} 版`, en: `Catalog item ${code} has no version ${version}` },
    { details: { code, version } },
  );

export const itemExists = (code: string): AppError =>
  new AppError(
    'catalog.item_exists',
    409,
    { zh: `目录条目已存在：${code}，请用更新`, en: `Catalog item ${code} already exists; update it instead` },
    { details: { code } },
  );

export const itemRetired = (code: string): AppError =>
  new AppError(
    'catalog.item_retired',
    409,
    { zh: `目录条目 ${code} 已停用，不能再修改`, en: `Catalog item ${code} is retired and cannot change` },
    { details: { code } },
  );

export const concurrentChange = (code: string): AppError =>
  new AppError(
    'catalog.concurrent_change',
    409,
    {
      zh: `目录条目 ${code} 刚被他人修改，请刷新后重试`,
      en: `Catalog item ${code} was changed meanwhile; reload and try again`,
    },
    { details: { code } },
  );

export const codeMismatch = (pathCode: string, bodyCode: string): AppError =>
  new AppError(
    'validation_failed',
    400,
    {
      zh: `请求体中的编码 ${bodyCode} 与地址中的 ${pathCode} 不一致`,
      en: `The body's code ${bodyCode} differs from ${pathCode} in the address`,
    },
    {
      errors: [
        {
          field: 'code',
          code: 'code_mismatch',
          message: { zh: `应为 ${pathCode}`, en: `must be ${pathCode}` },
          value: bodyCode,
        },
      ],
    },
  );

/** 409 listing each change that existing records would not survive. */
export const breakingChange = (code: string, records: number, changes: readonly BreakingChange[]): AppError => {
  const errors: FieldError[] = changes.map((c) => ({
    field: c.field ? `fields.${c.field}` : 'identityKey',
    code: c.kind,
    message: c.message,
  }));
  return new AppError(
    'catalog.breaking_change',
    409,
    {
      zh: `目录条目 ${code} 已有 ${records} 条记录，以下修改会使其失效：${changes.map((c) => c.message.zh).join('；')}。请新建目录条目或改为兼容的修改`,
      en: `Catalog item ${code} has ${records} records that these changes would invalidate: ${changes.map((c) => c.message.en).join('; ')}. Create a new item or make a compatible change`,
    },
    {
      details: {
        code,
        records,
        changes: changes.map((c) => ({ kind: c.kind, field: c.field, zh: c.message.zh, en: c.message.en })),
      },
      errors,
    },
  );
};
