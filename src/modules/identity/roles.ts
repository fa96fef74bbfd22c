/**
 * Roles and the permissions they grant. A role is a name stored on the user;
 * permissions are what guards check (`requirePermission`). Scoping (own
 * department, public data only) is applied by the services that serve the
 * data, not encoded in the permission name.
 */

/** Every permission the platform checks (see docs/CONVENTIONS-FOR-MODULES.md). */
export const PERMISSIONS = [
  'catalog.read',
  'catalog.write',
  'subjects.read',
  'subjects.write',
  'subjects.lookup',
  'departments.manage',
  'users.manage',
  'apikeys.manage',
  'audit.read',
  'records.submit',
  'records.read',
  'records.review',
  'calendar.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** The wildcard: every permission, present and future. */
export const ALL_PERMISSIONS = '*';

export const ROLES = ['platform_admin', 'department_admin', 'clerk', 'officer', 'agency', 'public'] as const;

export type Role = (typeof ROLES)[number];

const ROLE_PERMISSIONS: Readonly<Record<Role, readonly (Permission | typeof ALL_PERMISSIONS)[]>> = {
  platform_admin: [ALL_PERMISSIONS],
  // Users, keys and audit within the admin's own department (enforced by the services).
  department_admin: [
    'users.manage',
    'apikeys.manage',
    'records.submit',
    'records.read',
    'records.review',
    'catalog.read',
    'subjects.read',
    'subjects.lookup',
    'audit.read',
  ],
  clerk: ['records.submit', 'records.read', 'catalog.read', 'subjects.read'],
  officer: ['subjects.lookup', 'subjects.read', 'records.read', 'catalog.read'],
  // records.read for an agency means public data only: the records presenters decide by audience.
  agency: ['subjects.read', 'catalog.read', 'records.read'],
  public: [],
};

export const ROLE_LABELS: Readonly<Record<Role, { zh: string; en: string }>> = {
  platform_admin: { zh: '平台管理员（区信用办）', en: 'Platform administrator (credit office)' },
  department_admin: { zh: '部门管理员', en: 'Department administrator' },
  clerk: { zh: '部门数据报送员', en: 'Department data clerk' },
  officer: { zh: '部门业务人员', en: 'Department officer' },
  agency: { zh: '信用服务机构', en: 'Credit service agency' },
  public: { zh: '公众', en: 'Public' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** The union of the permissions of `roles`; unknown role names grant nothing. */
export function permissionsForRoles(roles: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const role of roles) {
    if (!isRole(role)) continue;
    for (const permission of ROLE_PERMISSIONS[role]) out.add(permission);
  }
  return out;
}
