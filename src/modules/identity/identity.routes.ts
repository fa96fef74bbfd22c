import type { HttpServer } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import { registerApiKeyRoutes } from './api-keys.routes';
import { registerAuthRoutes } from './auth.routes';
import { registerDepartmentRoutes } from './departments.routes';
import { registerUserRoutes } from './users.routes';

/** Every identity route, mounted under /api/v1. */
export function registerIdentityRoutes(app: HttpServer, deps: AppDeps): void {
  registerAuthRoutes(app, deps);
  registerDepartmentRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerApiKeyRoutes(app, deps);
}
