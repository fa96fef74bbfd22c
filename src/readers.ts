/**
 * The server's reader threads (platform/readers): as many as
 * `readerCount` says, each running bin/reader-thread.js on the platform's
 * database; none on PostgreSQL or with `XINYONG_READERS=0`.
 */
import { createReaderPool, readerCount, type Reads } from './platform/readers';
import type { AppDeps } from './platform/module';

const ENTRY = new URL('../bin/reader-thread.js', import.meta.url);

export async function startReaders(
  deps: AppDeps,
  count = readerCount(deps),
  entry = ENTRY,
): Promise<(Reads & { readonly size: number }) | undefined> {
  if (count === 0) return undefined;
  try {
    const pool = await createReaderPool(entry, count, { config: deps.config });
    return Object.assign(pool, { size: count });
  } catch (error) {
    // The platform works without them: every read then runs on the main thread.
    deps.logger.warn({ err: error }, 'reader threads did not start; public reads run on the main thread');
    return undefined;
  }
}
