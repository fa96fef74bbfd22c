/**
 * Who may administer what. Only an actor holding every permission (a platform
 * admin, or the system acting from the shell) works across departments;
 * everyone else who holds `users.manage` or `apikeys.manage` does so inside
 * their own department and cannot hand out more than they hold.
 */
import { hasPermission, type Actor } from '../../platform/context';
import { forbidden } from '../../platform/errors';
import { notGrantable, outsideDepartment } from './identity.errors';
import { ALL_PERMISSIONS } from './roles';

export function isPlatformWide(actor: Actor): boolean {
  return actor.permissions.has(ALL_PERMISSIONS);
}

/** Throws 403 unless `actor` holds `permission` for things belonging to `departmentId`. */
export function assertDepartmentScope(actor: Actor, permission: string, departmentId: string | null): void {
  if (!hasPermission(actor, permission)) throw forbidden(permission);
  if (isPlatformWide(actor)) return;
  if (actor.departmentId === null || departmentId !== actor.departmentId) throw outsideDepartment();
}

/** The department an actor's listing is limited to (null: every department). */
export function listingScope(actor: Actor, permission: string): string | null {
  if (!hasPermission(actor, permission)) throw forbidden(permission);
  if (isPlatformWide(actor)) return null;
  if (actor.departmentId === null) throw outsideDepartment();
  return actor.departmentId;
}

/** Only a platform-wide actor grants or touches the platform_admin role. */
export function assertRolesGrantable(actor: Actor, roles: readonly string[]): void {
  if (!isPlatformWide(actor) && roles.includes('platform_admin')) throw notGrantable(['platform_admin']);
}

/** An API key carries at most the permissions of whoever creates it. */
export function assertPermissionsGrantable(actor: Actor, permissions: readonly string[]): void {
  if (isPlatformWide(actor)) return;
  const excess = permissions.filter((p) => !actor.permissions.has(p));
  if (excess.length > 0) throw notGrantable(excess);
}
