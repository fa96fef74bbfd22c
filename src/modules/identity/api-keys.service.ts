/**
 * API clients: a named key for a department's system or a credit service
 * agency, scoped to listed permissions. The raw key is shown once at
 * creation; the database keeps its sha256 and its first 8 characters.
 */
import { appendAudit } from '../../platform/audit';
import type { Actor, Caller } from '../../platform/context';
import type { Db } from '../../platform/db';
import { newId, nowIso } from '../../platform/ids';
import { assertDepartmentScope, assertPermissionsGrantable, listingScope } from './access';
import {
  insertApiClient,
  selectApiClientById,
  selectApiClientByKeyHash,
  selectApiClients,
  setApiClientStatus,
  touchApiClient,
  type ApiClientRecord,
} from './api-keys.repository';
import { selectDepartmentByCode } from './departments.repository';
import { apiKeyNotFound, expiryInPast, unknownDepartment, unknownPermissions } from './identity.errors';
import { isPermission } from './roles';
import { randomBase62, sha256Hex } from './tokens';

export const API_KEY_PREFIX = 'xy_';
const API_KEY_RANDOM_LENGTH = 40;
export const API_KEY_PATTERN = /^xy_[0-9A-Za-z]{40}$/;
const LAST_USED_INTERVAL_MS = 60 * 1000;

export type ApiKeyView = ApiClientRecord;

export interface CreateApiKeyInput {
  readonly name: string;
  readonly departmentCode: string;
  readonly permissions: readonly string[];
  readonly expiresAt?: string | null;
}

/**
 * Creates an API client (`apikeys.manage`): a department admin for their own
 * department only, and with no permission they do not hold themselves.
 * Returns the raw key, which is not stored and cannot be shown again.
 */
export async function createApiKey(
  db: Db,
  caller: Caller,
  input: CreateApiKeyInput,
): Promise<{ client: ApiKeyView; key: string }> {
  const permissions = [...new Set(input.permissions)];
  // Keys carry named permissions only: no wildcard, so a key never grows with the platform.
  const unknown = permissions.filter((p) => !isPermission(p));
  if (permissions.length === 0 || unknown.length > 0) throw unknownPermissions(unknown.length ? unknown : ['(none)']);
  let expiresAt: string | null = null;
  if (input.expiresAt) {
    const ms = Date.parse(input.expiresAt);
    if (Number.isNaN(ms) || ms <= Date.now()) throw expiryInPast();
    expiresAt = new Date(ms).toISOString();
  }
  const key = API_KEY_PREFIX + randomBase62(API_KEY_RANDOM_LENGTH);
  const id = newId();
  await db.transaction(async (tx) => {
    const department = await selectDepartmentByCode(tx, input.departmentCode);
    if (!department) throw unknownDepartment(input.departmentCode);
    assertDepartmentScope(caller.actor, 'apikeys.manage', department.id);
    assertPermissionsGrantable(caller.actor, permissions);
    await insertApiClient(tx, {
      id,
      name: input.name,
      department_id: department.id,
      key_prefix: key.slice(0, 8),
      key_hash: sha256Hex(key),
      permissions: JSON.stringify(permissions),
      status: 'active',
      created_at: nowIso(),
      last_used_at: null,
      expires_at: expiresAt,
    });
    await appendAudit(tx, caller, {
      action: 'apikey.create',
      targetType: 'api_client',
      targetId: id,
      detail: { name: input.name, departmentId: department.id, keyPrefix: key.slice(0, 8), permissions, expiresAt },
    });
  });
  return { client: (await selectApiClientById(db.kysely, id))!, key };
}

/** API clients visible to the caller (`apikeys.manage`, own department unless platform-wide); audited. */
export async function listApiKeys(db: Db, caller: Caller, departmentCode?: string): Promise<ApiKeyView[]> {
  let departmentId = listingScope(caller.actor, 'apikeys.manage');
  return db.transaction(async (tx) => {
    if (departmentCode !== undefined) {
      const department = await selectDepartmentByCode(tx, departmentCode);
      if (!department) throw unknownDepartment(departmentCode);
      assertDepartmentScope(caller.actor, 'apikeys.manage', department.id);
      departmentId = department.id;
    }
    const items = await selectApiClients(tx, departmentId);
    await appendAudit(tx, caller, {
      action: 'apikey.list',
      targetType: 'api_client',
      detail: { departmentId, returned: items.length },
    });
    return items;
  });
}

/** Revokes an API client at once (`apikeys.manage`, scoped); revoking twice is harmless. */
export async function revokeApiKey(db: Db, caller: Caller, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const client = await selectApiClientById(tx, id);
    if (!client) throw apiKeyNotFound(id);
    assertDepartmentScope(caller.actor, 'apikeys.manage', client.departmentId);
    if (client.status === 'revoked') return;
    await setApiClientStatus(tx, id, 'revoked');
    await appendAudit(tx, caller, {
      action: 'apikey.revoke',
      targetType: 'api_client',
      targetId: id,
      detail: { name: client.name, keyPrefix: client.keyPrefix },
    });
  });
}

/** The actor behind a raw key, or null when the key is unknown, revoked or expired. */
export async function resolveApiKey(db: Db, key: string): Promise<Actor | null> {
  if (!API_KEY_PATTERN.test(key)) return null;
  const client = await selectApiClientByKeyHash(db.kysely, sha256Hex(key));
  const nowMs = Date.now();
  if (!client || client.status !== 'active') return null;
  if (client.expiresAt && Date.parse(client.expiresAt) <= nowMs) return null;
  if (!client.lastUsedAt || nowMs - Date.parse(client.lastUsedAt) >= LAST_USED_INTERVAL_MS) {
    await touchApiClient(db.kysely, client.id, new Date(nowMs).toISOString());
  }
  return {
    kind: 'api_client',
    id: client.id,
    name: client.name,
    departmentId: client.departmentId,
    roles: ['api_client'],
    permissions: new Set(client.permissions),
  };
}
