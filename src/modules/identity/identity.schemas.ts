/** Request and response schemas of the identity routes: requests strict, responses exactly what is shown. */
import { z } from 'zod';
import { PERMISSIONS, ROLES } from './roles';
import { DISPLAY_NAME_MAX, USERNAME_PATTERN } from './users.service';

const departmentCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, 'lower-case letters, digits and _, starting with a letter (2–32)');
const departmentKind = z.enum(['government', 'court', 'platform']);
const uscc = z
  .string()
  .length(18)
  .regex(/^[0-9A-Za-z]{18}$/);
const nameText = z.string().trim().min(1).max(200);
const displayName = z.string().trim().min(1).max(DISPLAY_NAME_MAX);
const role = z.enum(ROLES);
const id = z.string().min(1).max(64);
const timestamp = z.string();

// ---- auth

export const loginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const sessionUser = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
  })
  .meta({ id: 'SessionUser' });

export const sessionResponse = z.object({ user: sessionUser, csrfToken: z.string() }).meta({ id: 'Session' });

/** The session probe's answer: "no session" is an answer, not an error. */
export const sessionStateResponse = z
  .discriminatedUnion('authenticated', [
    z.object({ authenticated: z.literal(true), user: sessionUser, csrfToken: z.string() }),
    z.object({ authenticated: z.literal(false) }),
  ])
  .meta({ id: 'SessionState' });

// ---- departments

export const department = z
  .object({
    id: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    uscc: z.string(),
    kind: departmentKind,
    active: z.boolean(),
  })
  .meta({ id: 'Department' });

export const departmentListQuery = z.strictObject({
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

export const departmentCodeParams = z.strictObject({ code: departmentCode });

export const createDepartmentBody = z.strictObject({
  code: departmentCode,
  nameZh: nameText,
  nameEn: nameText,
  uscc,
  kind: departmentKind,
});

export const updateDepartmentBody = z
  .strictObject({
    nameZh: nameText.optional(),
    nameEn: nameText.optional(),
    uscc: uscc.optional(),
    kind: departmentKind.optional(),
    active: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field to change' });

// ---- users

export const user = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    status: z.enum(['active', 'disabled']),
    departmentId: z.string().nullable(),
    departmentCode: z.string().nullable(),
    departmentName: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    passwordChangedAt: timestamp,
  })
  .meta({ id: 'User' });

export const userIdParams = z.strictObject({ id });

export const userListQuery = z.strictObject({
  departmentCode: departmentCode.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  cursor: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  lang: z.enum(['zh', 'en']).optional(),
});

export const userList = z.object({ items: z.array(user), nextCursor: z.string().nullable() });

export const createUserBody = z.strictObject({
  username: z.string().regex(USERNAME_PATTERN, '3–64 letters, digits or . _ @ -, starting with a letter or digit'),
  password: z.string().min(1).max(256),
  displayName: displayName.optional(),
  roles: z.array(role).min(1).max(ROLES.length),
  departmentCode: departmentCode.nullable().optional(),
});

export const updateUserBody = z
  .strictObject({
    displayName: displayName.optional(),
    roles: z.array(role).min(1).max(ROLES.length).optional(),
    status: z.enum(['active', 'disabled']).optional(),
    departmentCode: departmentCode.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'at least one field to change' });

export const setPasswordBody = z.strictObject({ password: z.string().min(1).max(256) });

// ---- API keys

export const apiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    departmentId: z.string(),
    departmentCode: z.string(),
    departmentName: z.string(),
    keyPrefix: z.string(),
    permissions: z.array(z.string()),
    status: z.enum(['active', 'revoked']),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    expiresAt: timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' });

export const createdApiKey = apiKey
  .extend({ key: z.string().describe('The raw key: shown this once, never stored') })
  .meta({ id: 'CreatedApiKey' });

export const createApiKeyBody = z.strictObject({
  name: nameText,
  departmentCode,
  permissions: z.array(z.enum(PERMISSIONS)).min(1).max(PERMISSIONS.length),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const apiKeyListQuery = z.strictObject({
  departmentCode: departmentCode.optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

export const apiKeyIdParams = z.strictObject({ id });

export const noContent = z.null().describe('No content');
