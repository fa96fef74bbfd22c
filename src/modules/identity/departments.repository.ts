import { sql } from 'kysely';
import { precompiled, type Executor } from '../../platform/db';
import { identityDb, type DepartmentKind, type DepartmentsTable } from './identity.tables';

export interface Department {
  readonly id: string;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly uscc: string;
  readonly kind: DepartmentKind;
  readonly active: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const toDepartment = (row: DepartmentsTable): Department => ({
  id: row.id,
  code: row.code,
  nameZh: row.name_zh,
  nameEn: row.name_en,
  uscc: row.uscc,
  kind: row.kind,
  active: Number(row.active) === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function selectDepartments(executor: Executor, options: { includeInactive?: boolean } = {}) {
  let query = identityDb(executor).selectFrom('departments').selectAll().orderBy('code');
  if (!options.includeInactive) query = query.where('active', '=', 1);
  return (await query.execute()).map(toDepartment);
}

const signatureQuery = precompiled((executor) =>
  identityDb(executor)
    .selectFrom('departments')
    .select([sql<number>`count(*)`.as('n'), sql<string | null>`max(updated_at)`.as('changed')]),
);

/** Changes whenever a department is added or edited (every write sets `updated_at`). */
export async function departmentsSignature(executor: Executor): Promise<string> {
  const [row] = await signatureQuery(executor);
  return `${Number(row?.n ?? 0)}:${row?.changed ?? ''}`;
}

export async function selectDepartmentByCode(executor: Executor, code: string): Promise<Department | null> {
  const row = await identityDb(executor)
    .selectFrom('departments')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? toDepartment(row) : null;
}

export async function selectDepartmentById(executor: Executor, id: string): Promise<Department | null> {
  const row = await identityDb(executor).selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDepartment(row) : null;
}

/** Inserts unless the code exists; true when a row was written. */
export async function insertDepartmentIfAbsent(executor: Executor, row: DepartmentsTable): Promise<boolean> {
  const result = await identityDb(executor)
    .insertInto('departments')
    .values(row)
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateDepartmentRow(
  executor: Executor,
  id: string,
  changes: Partial<Omit<DepartmentsTable, 'id' | 'code' | 'created_at'>>,
): Promise<void> {
  await identityDb(executor).updateTable('departments').set(changes).where('id', '=', id).execute();
}
