import type { TestProject } from 'vitest/node';
import { ensureWebBuild } from './web-build';
import { startPlatform } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the platform under test, e.g. http://localhost:41234 */
    baseUrl: string;
  }
}

/**
 * Builds the web app if needed and starts one platform for the whole e2e run.
 * `XINYONG_E2E_BASE_URL=http://host:port` tests an already running platform
 * instead (one started by hand, or a staging deployment); nothing is built then.
 */
export async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.XINYONG_E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', new URL(external).origin);
    return undefined;
  }
  await ensureWebBuild();
  const platform = await startPlatform();
  project.provide('baseUrl', platform.url);
  return () => platform.stop();
}
