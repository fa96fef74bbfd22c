/**
 * identity: departments, users and their roles, sessions (cookie + CSRF), API
 * clients and their keys. Resolves `request.actor` for every request. Other
 * modules import from this file only.
 */
import type { XinyongModule } from '../../platform/module';
import { seedDepartments } from './departments.service';
import { registerIdentityCommands } from './identity.command';
import { registerIdentityHooks } from './identity.hooks';
import { identityMigrations } from './identity.migrations';
import { registerIdentityRoutes } from './identity.routes';

export const identityModule: XinyongModule = {
  name: 'identity',
  migrations: identityMigrations,
  registerHooks: registerIdentityHooks,
  registerRoutes: registerIdentityRoutes,
  registerCommands: registerIdentityCommands,
  async seed(deps) {
    await seedDepartments(deps.db);
  },
};

export { ROLES, PERMISSIONS, permissionsForRoles, isRole, type Role, type Permission } from './roles';
export { listDepartments, findDepartmentByCode, type Department } from './departments.service';
export {
  createUser,
  findUserById,
  findUserByUsername,
  updateUser,
  setUserPassword,
  type CreateUserInput,
  type UserView,
} from './users.service';
export { createApiKey, type CreateApiKeyInput } from './api-keys.service';
export { SESSION_COOKIE, CSRF_HEADER } from './identity.hooks';
