import type { Executor } from '../../platform/db';
import { identityDb, type ApiClientStatus, type ApiClientsTable } from './identity.tables';
import { parseJsonList } from './users.repository';

export interface ApiClientRecord {
  readonly id: string;
  readonly name: string;
  readonly departmentId: string;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly keyPrefix: string;
  readonly permissions: string[];
  readonly status: ApiClientStatus;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
}

function baseQuery(executor: Executor) {
  return identityDb(executor)
    .selectFrom('api_clients')
    .innerJoin('departments', 'departments.id', 'api_clients.department_id')
    .select([
      'api_clients.id',
      'api_clients.name',
      'api_clients.department_id',
      'api_clients.key_prefix',
      'api_clients.permissions',
      'api_clients.status',
      'api_clients.created_at',
      'api_clients.last_used_at',
      'api_clients.expires_at',
      'departments.code as department_code',
      'departments.name_zh as department_name',
    ]);
}

type Row = Omit<ApiClientsTable, 'key_hash'> & { department_code: string; department_name: string };

const toRecord = (row: Row): ApiClientRecord => ({
  id: row.id,
  name: row.name,
  departmentId: row.department_id,
  departmentCode: row.department_code,
  departmentName: row.department_name,
  keyPrefix: row.key_prefix,
  permissions: parseJsonList(row.permissions),
  status: row.status,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  expiresAt: row.expires_at,
});

export async function insertApiClient(executor: Executor, row: ApiClientsTable): Promise<void> {
  await identityDb(executor).insertInto('api_clients').values(row).execute();
}

export async function selectApiClientById(executor: Executor, id: string): Promise<ApiClientRecord | null> {
  const row = await baseQuery(executor).where('api_clients.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function selectApiClientByKeyHash(executor: Executor, keyHash: string): Promise<ApiClientRecord | null> {
  const row = await baseQuery(executor).where('api_clients.key_hash', '=', keyHash).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function selectApiClients(executor: Executor, departmentId: string | null): Promise<ApiClientRecord[]> {
  let query = baseQuery(executor).orderBy('api_clients.id');
  if (departmentId) query = query.where('api_clients.department_id', '=', departmentId);
  return (await query.execute()).map(toRecord);
}

export async function setApiClientStatus(executor: Executor, id: string, status: ApiClientStatus): Promise<void> {
  await identityDb(executor).updateTable('api_clients').set({ status }).where('id', '=', id).execute();
}

export async function touchApiClient(executor: Executor, id: string, at: string): Promise<void> {
  await identityDb(executor).updateTable('api_clients').set({ last_used_at: at }).where('id', '=', id).execute();
}
