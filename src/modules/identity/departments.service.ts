import { appendAudit } from '../../platform/audit';
import { systemCaller, hasPermission, type Caller } from '../../platform/context';
import type { Db, Executor } from '../../platform/db';
import { forbidden } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import {
  departmentsSignature,
  insertDepartmentIfAbsent,
  selectDepartmentByCode,
  selectDepartments,
  updateDepartmentRow,
  type Department,
} from './departments.repository';
import { HAIDIAN_DEPARTMENTS, type DepartmentSeed } from './departments.seed';
import { departmentExists, departmentNotFound, invalidUscc } from './identity.errors';
import type { DepartmentKind } from './identity.tables';
import { isValidDepartmentUscc } from './uscc';
import { changedFields } from './changes';

export type { Department } from './departments.repository';

/** Every department as last read, per database, with the signature it was read under. */
const kept = new WeakMap<Executor, { signature: string; departments: readonly Department[] }>();

/**
 * Active departments ordered by code (all of them with `includeInactive`).
 * Every public page names its records' departments: the list is kept and
 * read again only when a one-row signature says a department changed.
 */
export async function listDepartments(
  executor: Executor,
  options: { includeInactive?: boolean } = {},
): Promise<Department[]> {
  // Inside a transaction the caller may see its own uncommitted change: never kept.
  if (executor.isTransaction) return selectDepartments(executor, options);
  // The signature first: rows read after it are at least as new, and a newer signature reloads them.
  const signature = await departmentsSignature(executor);
  let entry = kept.get(executor);
  if (entry?.signature !== signature) {
    entry = { signature, departments: Object.freeze(await selectDepartments(executor, { includeInactive: true })) };
    kept.set(executor, entry);
  }
  return entry.departments.filter((d) => options.includeInactive || d.active);
}

/** The department with `code` (active or not), or null. */
export function findDepartmentByCode(executor: Executor, code: string): Promise<Department | null> {
  return selectDepartmentByCode(executor, code);
}

/**
 * Loads the reference departments that are missing; departments already
 * present are left as an administrator may have edited them. Returns the
 * codes inserted (none on every boot after the first).
 */
export async function seedDepartments(db: Db, seeds: readonly DepartmentSeed[] = HAIDIAN_DEPARTMENTS) {
  const existing = new Set((await selectDepartments(db.kysely, { includeInactive: true })).map((d) => d.code));
  const missing = seeds.filter((s) => !existing.has(s.code));
  if (missing.length === 0) return [];
  return db.transaction(async (tx) => {
    const inserted: string[] = [];
    for (const seed of missing) {
      const now = nowIso();
      const wrote = await insertDepartmentIfAbsent(tx, {
        id: newId(),
        code: seed.code,
        name_zh: seed.nameZh,
        name_en: seed.nameEn,
        uscc: seed.uscc,
        kind: seed.kind,
        active: 1,
        created_at: now,
        updated_at: now,
      });
      if (wrote) inserted.push(seed.code);
    }
    if (inserted.length > 0) {
      await appendAudit(tx, systemCaller('seed'), {
        action: 'department.seed',
        targetType: 'department',
        detail: { codes: inserted },
      });
    }
    return inserted;
  });
}

export interface DepartmentInput {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly uscc: string;
  readonly kind: DepartmentKind;
}

export type DepartmentPatch = Partial<Omit<DepartmentInput, 'code'> & { active: boolean }>;

function assertCanManage(caller: Caller): void {
  if (!hasPermission(caller.actor, 'departments.manage')) throw forbidden('departments.manage');
}

/** Adds a department (`departments.manage`). */
export async function createDepartment(db: Db, caller: Caller, input: DepartmentInput): Promise<Department> {
  assertCanManage(caller);
  const uscc = input.uscc.toUpperCase();
  if (!isValidDepartmentUscc(uscc)) throw invalidUscc(input.uscc);
  return db.transaction(async (tx) => {
    const now = nowIso();
    const id = newId();
    const wrote = await insertDepartmentIfAbsent(tx, {
      id,
      code: input.code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      uscc,
      kind: input.kind,
      active: 1,
      created_at: now,
      updated_at: now,
    });
    if (!wrote) throw departmentExists(input.code);
    await appendAudit(tx, caller, {
      action: 'department.create',
      targetType: 'department',
      targetId: id,
      detail: { code: input.code, nameZh: input.nameZh, uscc, kind: input.kind },
    });
    return (await selectDepartmentByCode(tx, input.code))!;
  });
}

/** Renames, re-codes (USCC), re-kinds, deactivates or reactivates a department (`departments.manage`). */
export async function updateDepartment(
  db: Db,
  caller: Caller,
  code: string,
  patch: DepartmentPatch,
): Promise<Department> {
  assertCanManage(caller);
  const uscc = patch.uscc?.toUpperCase();
  if (uscc !== undefined && !isValidDepartmentUscc(uscc)) throw invalidUscc(patch.uscc!);
  return db.transaction(async (tx) => {
    const before = await selectDepartmentByCode(tx, code);
    if (!before) throw departmentNotFound(code);
    await updateDepartmentRow(tx, before.id, {
      ...(patch.nameZh !== undefined ? { name_zh: patch.nameZh } : {}),
      ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
      ...(uscc !== undefined ? { uscc } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      updated_at: nowIso(),
    });
    const after = (await selectDepartmentByCode(tx, code))!;
    await appendAudit(tx, caller, {
      action: 'department.update',
      targetType: 'department',
      targetId: before.id,
      detail: { code, changes: changedFields(before, after, ['nameZh', 'nameEn', 'uscc', 'kind', 'active']) },
    });
    return after;
  });
}
