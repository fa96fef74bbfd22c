/** demo: the deterministic demo district (being written). */
import type { AppDeps } from '../platform/module';

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly description: string;
}

export const demoAccounts: readonly DemoAccount[] = [];

export async function ensureDemo(_deps: AppDeps, _options: { subjects: number }): Promise<void> {}
