/** calendar: (being written; see the issue on collection). */
import type { XinyongModule } from '../../platform/module';

export const calendarModule: XinyongModule = { name: 'calendar' };
