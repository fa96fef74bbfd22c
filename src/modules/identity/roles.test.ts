import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { assertPasswordPolicy } from './passwords';
import { isPermission, PERMISSIONS, permissionsForRoles, ROLES } from './roles';

describe('permissionsForRoles', () => {
  it('gives a platform admin everything through the wildcard', () => {
    expect([...permissionsForRoles(['platform_admin'])]).toEqual(['*']);
  });

  it('gives each role the permissions the design lists', () => {
    expect([...permissionsForRoles(['clerk'])].sort()).toEqual(
      ['catalog.read', 'records.read', 'records.submit', 'subjects.read'].sort(),
    );
    expect([...permissionsForRoles(['officer'])].sort()).toEqual(
      ['catalog.read', 'records.read', 'subjects.lookup', 'subjects.read'].sort(),
    );
    expect([...permissionsForRoles(['agency'])].sort()).toEqual(['catalog.read', 'records.read', 'subjects.read']);
    expect(permissionsForRoles(['public']).size).toBe(0);
    const deptAdmin = permissionsForRoles(['department_admin']);
    for (const p of [
      'users.manage',
      'apikeys.manage',
      'records.submit',
      'records.read',
      'records.review',
      'audit.read',
    ])
      expect(deptAdmin.has(p)).toBe(true);
    expect(deptAdmin.has('departments.manage')).toBe(false);
    expect(deptAdmin.has('catalog.write')).toBe(false);
  });

  it('unites roles and ignores unknown names', () => {
    expect(permissionsForRoles(['clerk', 'officer']).has('subjects.lookup')).toBe(true);
    expect(permissionsForRoles(['root']).size).toBe(0);
  });

  it('grants only known permissions', () => {
    for (const role of ROLES) {
      for (const p of permissionsForRoles([role])) expect(p === '*' || isPermission(p)).toBe(true);
    }
    expect(PERMISSIONS).toContain('calendar.manage');
  });
});

describe('password policy', () => {
  const weak = (password: string) => {
    try {
      assertPasswordPolicy(password);
      return false;
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('identity.weak_password');
      return true;
    }
  };

  it('needs 10 characters and three of four classes', () => {
    expect(weak('Ab1!Ab1!A')).toBe(true); // 9 characters
    expect(weak('abcdefghij')).toBe(true);
    expect(weak('abcdefghi1')).toBe(true); // two classes
    expect(weak('ABCDEFGHI1!')).toBe(false); // upper, digit, symbol
    expect(weak('abcdefghI1')).toBe(false); // lower, upper, digit
    expect(weak('密码很长很长的-abc1')).toBe(false); // other, lower, digit
    expect(weak('Admin@2026')).toBe(false);
    expect(weak('A1!' + 'a'.repeat(300))).toBe(true); // beyond the maximum
  });
});

describe('the console keeps the server’s permission list', () => {
  it('offers exactly the permissions the server checks when an API key is created', () => {
    // web/ cannot import server code; this keeps its copy from drifting when a permission is added.
    const source = readFileSync(new URL('../../../web/console/admin/admin-api.ts', import.meta.url), 'utf8');
    const list = /export const PERMISSIONS = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
    const webPermissions = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(webPermissions).toEqual([...PERMISSIONS]);
  });
});
