import { AppError } from '../../platform/errors';

export const notProvider = (department: string, item: string): AppError =>
  new AppError(
    'ingest.not_a_provider',
    403,
    {
      zh: `部门 ${department} 不是目录项 ${item} 的提供部门；请联系信用办在目录中登记后再报送`,
      en: `Department ${department} is not a provider of catalog item ${item}; ask the credit office to list it in the catalog first`,
    },
    { details: { department, item } },
  );

export const otherDepartment = (department: string): AppError =>
  new AppError(
    'ingest.other_department',
    403,
    {
      zh: `只能以本部门名义报送，不能代 ${department} 报送`,
      en: `You can submit only for your own department, not for ${department}`,
    },
    { details: { department } },
  );

export const itemRetired = (item: string): AppError =>
  new AppError('ingest.item_retired', 409, {
    zh: `目录项 ${item} 已停用，不再接收数据`,
    en: `Catalog item ${item} is retired and accepts no records`,
  });

export const batchNotFound = (id: string): AppError =>
  new AppError('ingest.batch_not_found', 404, { zh: `未找到批次 ${id}`, en: `No batch ${id}` }, { details: { id } });

export const fileUnusable = (
  code: string,
  text: { zh: string; en: string },
  details?: Record<string, unknown>,
): AppError => new AppError(code, 422, text, { ...(details ? { details } : {}) });
