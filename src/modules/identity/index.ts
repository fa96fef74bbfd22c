/** identity: departments, users, roles, sessions, API clients. (being written) */
import type { XinyongModule } from '../../platform/module';

export const identityModule: XinyongModule = { name: 'identity' };
