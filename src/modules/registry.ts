import type { XinyongModule } from '../platform/module';
import { identityModule } from './identity';
import { catalogModule } from './catalog';
import { subjectsModule } from './subjects';
import { calendarModule } from './calendar';
import { recordsModule } from './records';
import { ingestModule } from './ingest';
import { publicityModule } from './publicity';

/**
 * Every module, in dependency order (a module may use those before it). The
 * order also decides hook, seed and route registration order.
 */
export const modules: readonly XinyongModule[] = [
  identityModule,
  catalogModule,
  subjectsModule,
  calendarModule,
  recordsModule,
  ingestModule,
  publicityModule,
];
