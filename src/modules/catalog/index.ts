/** catalog: collection and sharing catalogs. (being written) */
import type { XinyongModule } from '../../platform/module';

export const catalogModule: XinyongModule = { name: 'catalog' };
