import { createProtector } from '../../platform/crypto';
import type { AppDeps } from '../../platform/module';
import type { SubjectsEnv } from './subjects.service';

const cache = new WeakMap<AppDeps, SubjectsEnv>();

/** The subjects services' environment for a running platform (one protector per process). */
export function subjectsEnv(deps: AppDeps): SubjectsEnv {
  let env = cache.get(deps);
  if (!env) {
    env = { db: deps.db, protector: createProtector(deps.config.secretKey), usccAllowList: deps.config.usccAllowList };
    cache.set(deps, env);
  }
  return env;
}
