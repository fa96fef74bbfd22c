/** subjects: legal persons, organisations, individual businesses, natural persons. (being written) */
import type { XinyongModule } from '../../platform/module';

export const subjectsModule: XinyongModule = { name: 'subjects' };
