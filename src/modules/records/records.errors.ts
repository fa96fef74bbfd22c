/** The records module's own errors, each with a stable code. */
import { AppError } from '../../platform/errors';

export const recordNotFound = (id: string): AppError =>
  new AppError(
    'records.not_found',
    404,
    { zh: `信用记录不存在：${id}`, en: `No credit record ${id}` },
    { details: { id } },
  );

export const notificationNotFound = (id: string): AppError =>
  new AppError(
    'records.notification_not_found',
    404,
    { zh: `通知不存在：${id}`, en: `No notification ${id}` },
    { details: { id } },
  );

export const unknownDepartment = (code: string): AppError =>
  new AppError(
    'records.unknown_department',
    400,
    { zh: `未知的部门：${code}`, en: `Unknown department ${code}` },
    { details: { departmentCode: code } },
  );

export const notAProvider = (itemCode: string, departmentCode: string): AppError =>
  new AppError(
    'records.not_a_provider',
    403,
    {
      zh: `部门 ${departmentCode} 不是目录条目 ${itemCode} 的提供部门`,
      en: `Department ${departmentCode} does not provide catalog item ${itemCode}`,
    },
    { details: { itemCode, departmentCode } },
  );

export const otherDepartment = (departmentCode: string): AppError =>
  new AppError(
    'records.other_department',
    403,
    {
      zh: `只能处理本部门的信用记录（${departmentCode} 不是您的部门）`,
      en: `You may act only on your own department's records (${departmentCode} is not yours)`,
    },
    { details: { departmentCode } },
  );

export const keyMissing = (itemCode: string, rowNumber: number, fields: readonly string[]): AppError =>
  new AppError(
    'records.key_missing',
    422,
    {
      zh: `第 ${rowNumber} 行缺少记录标识字段 ${fields.join('、')}（目录条目 ${itemCode}）`,
      en: `Row ${rowNumber} lacks the identity key ${fields.join(', ')} of catalog item ${itemCode}`,
    },
    { details: { itemCode, rowNumber, fields } },
  );

export const alreadyWithdrawn = (id: string): AppError =>
  new AppError(
    'records.already_withdrawn',
    409,
    { zh: `信用记录已撤回：${id}`, en: `Credit record ${id} is already withdrawn` },
    { details: { id } },
  );

export const badRevocationDate = (revokedOn: string, reason: 'future' | 'before_decision'): AppError =>
  new AppError(
    'records.bad_revocation_date',
    400,
    reason === 'future'
      ? { zh: `撤销日期 ${revokedOn} 晚于今天`, en: `Revocation date ${revokedOn} is in the future` }
      : { zh: `撤销日期 ${revokedOn} 早于决定日期`, en: `Revocation date ${revokedOn} is before the decision date` },
    { details: { revokedOn, reason } },
  );

export const subjectConflict = (recordId: string, subjectId: string, identifier: string): AppError =>
  new AppError(
    'records.subject_conflict',
    409,
    {
      zh: `主体 ${subjectId} 的${identifier}与记录报送的不一致，不能关联`,
      en: `Subject ${subjectId} has a different ${identifier} from the one the record gives; not linked`,
    },
    { details: { recordId, subjectId, identifier } },
  );

export const concurrentRecordChange = (id: string): AppError =>
  new AppError(
    'records.concurrent_change',
    409,
    { zh: `信用记录 ${id} 刚被修改，请重试`, en: `Credit record ${id} changed meanwhile; try again` },
    { details: { id } },
  );
