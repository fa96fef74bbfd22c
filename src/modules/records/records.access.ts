/** Who may see and change which records: own department, or everything with `*`. */
import { hasPermission, type Caller } from '../../platform/context';
import { forbidden } from '../../platform/errors';
import { otherDepartment } from './records.errors';

export const RECORDS_READ = 'records.read';
export const RECORDS_SUBMIT = 'records.submit';
export const RECORDS_REVIEW = 'records.review';

export function assertPermission(caller: Caller, permission: string): void {
  if (!hasPermission(caller.actor, permission)) throw forbidden(permission);
}

export const seesEverything = (caller: Caller): boolean => hasPermission(caller.actor, '*');

/** Refuses acting on another department's records unless the caller holds `*`. */
export function assertOwnDepartment(caller: Caller, departmentId: string, departmentCode: string): void {
  if (seesEverything(caller)) return;
  if (caller.actor.departmentId !== departmentId) throw otherDepartment(departmentCode);
}

/**
 * The department a reader is confined to: none with `*`, else the actor's
 * own; an actor with neither sees nothing.
 */
export function readScope(caller: Caller, permission = RECORDS_READ): { departmentId?: string } {
  assertPermission(caller, permission);
  if (seesEverything(caller)) return {};
  if (!caller.actor.departmentId) throw forbidden(`${permission} (department)`);
  return { departmentId: caller.actor.departmentId };
}
