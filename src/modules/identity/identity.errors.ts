/** The identity module's errors: one factory per error, each with a stable code. */
import { AppError, type FieldError } from '../../platform/errors';

export const invalidCredentials = (): AppError =>
  new AppError('auth.invalid_credentials', 401, {
    zh: '用户名或密码错误',
    en: 'Wrong username or password',
  });

export const throttled = (retryAfterSeconds: number): AppError =>
  new AppError(
    'auth.throttled',
    429,
    {
      zh: `登录失败次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`,
      en: `Too many failed sign-in attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
    },
    { details: { retryAfter: retryAfterSeconds } },
  );

export const csrfFailed = (): AppError =>
  new AppError('auth.csrf_failed', 403, {
    zh: '请求缺少有效的 CSRF 令牌（x-csrf-token），请刷新页面后重试',
    en: 'Missing or wrong CSRF token (x-csrf-token); reload the page and try again',
  });

export const invalidApiKey = (): AppError =>
  new AppError('auth.invalid_api_key', 401, {
    zh: 'API 密钥无效、已吊销或已过期',
    en: 'The API key is invalid, revoked or expired',
  });

export const notSignedInAsUser = (): AppError =>
  new AppError('unauthenticated', 401, { zh: '请先登录', en: 'Sign in first' });

const fieldError = (field: string, code: string, zh: string, en: string, value?: unknown): FieldError => ({
  field,
  code,
  message: { zh, en },
  ...(value !== undefined ? { value } : {}),
});

export const PASSWORD_RULE = {
  zh: '密码至少 10 个字符，且须包含大写字母、小写字母、数字、符号中的至少三类',
  en: 'A password needs at least 10 characters, at least three of: upper-case letters, lower-case letters, digits, symbols',
};

export const weakPassword = (field = 'password'): AppError =>
  new AppError(
    'identity.weak_password',
    400,
    { zh: `密码强度不足：${PASSWORD_RULE.zh}`, en: `Password too weak. ${PASSWORD_RULE.en}` },
    { errors: [fieldError(field, 'weak_password', PASSWORD_RULE.zh, PASSWORD_RULE.en)] },
  );

export const usernameTaken = (username: string): AppError =>
  new AppError(
    'identity.username_taken',
    409,
    { zh: `用户名 ${username} 已被使用`, en: `The username ${username} is already taken` },
    { details: { username } },
  );

export const unknownDepartment = (code: string, field = 'departmentCode'): AppError =>
  new AppError(
    'identity.unknown_department',
    400,
    { zh: `部门代码 ${code} 不存在`, en: `No department has the code ${code}` },
    { errors: [fieldError(field, 'unknown_department', '部门不存在', 'no such department', code)] },
  );

export const departmentNotFound = (code: string): AppError =>
  new AppError(
    'identity.department_not_found',
    404,
    { zh: `未找到部门 ${code}`, en: `Department ${code} not found` },
    { details: { code } },
  );

export const departmentExists = (code: string): AppError =>
  new AppError(
    'identity.department_exists',
    409,
    { zh: `部门代码 ${code} 已存在`, en: `A department with the code ${code} already exists` },
    { details: { code } },
  );

export const invalidUscc = (value: string, field = 'uscc'): AppError =>
  new AppError(
    'identity.invalid_uscc',
    400,
    {
      zh: `统一社会信用代码 ${value} 无效（长度、字符或校验位不符合 GB 32100）`,
      en: `${value} is not a valid unified social credit code (length, characters or check character per GB 32100)`,
    },
    {
      errors: [fieldError(field, 'invalid_uscc', '统一社会信用代码无效', 'invalid unified social credit code', value)],
    },
  );

export const userNotFound = (id: string): AppError =>
  new AppError('identity.user_not_found', 404, { zh: '未找到该用户', en: 'User not found' }, { details: { id } });

export const apiKeyNotFound = (id: string): AppError =>
  new AppError(
    'identity.api_key_not_found',
    404,
    { zh: '未找到该 API 密钥', en: 'API key not found' },
    { details: { id } },
  );

export const unknownRoles = (roles: readonly string[], allowed: readonly string[], field = 'roles'): AppError =>
  new AppError(
    'identity.unknown_role',
    400,
    {
      zh: `未知角色：${roles.join('、')}（可选：${allowed.join('、')}）`,
      en: `Unknown role ${roles.join(', ')} (one of: ${allowed.join(', ')})`,
    },
    { errors: roles.map((r) => fieldError(field, 'unknown_role', '未知角色', 'unknown role', r)) },
  );

export const unknownPermissions = (permissions: readonly string[], field = 'permissions'): AppError =>
  new AppError(
    'identity.unknown_permission',
    400,
    {
      zh: `未知或不可授予的权限：${permissions.join('、')}`,
      en: `Unknown or non-grantable permission ${permissions.join(', ')}`,
    },
    { errors: permissions.map((p) => fieldError(field, 'unknown_permission', '未知权限', 'unknown permission', p)) },
  );

export const outsideDepartment = (): AppError =>
  new AppError('identity.outside_department', 403, {
    zh: '部门管理员只能管理本部门的用户和密钥',
    en: 'A department administrator manages only the users and keys of their own department',
  });

export const notGrantable = (what: readonly string[]): AppError =>
  new AppError(
    'identity.not_grantable',
    403,
    {
      zh: `无权授予：${what.join('、')}`,
      en: `Not allowed to grant: ${what.join(', ')}`,
    },
    { details: { notGrantable: what } },
  );

export const cannotDisableSelf = (): AppError =>
  new AppError('identity.cannot_disable_self', 409, {
    zh: '不能停用自己的账号',
    en: 'You cannot disable your own account',
  });

export const expiryInPast = (field = 'expiresAt'): AppError =>
  new AppError(
    'identity.expiry_in_past',
    400,
    { zh: '过期时间必须晚于当前时间', en: 'The expiry must be in the future' },
    { errors: [fieldError(field, 'expiry_in_past', '过期时间必须晚于当前时间', 'must be in the future')] },
  );
