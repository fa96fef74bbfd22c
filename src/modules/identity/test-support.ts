/** Factories and sign-in helpers shared by the identity tests (real database, real HTTP app). */
import { systemCaller } from '../../platform/context';
import type { HttpServer } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import { createUser, type UserView } from './users.service';

export const GOOD_PASSWORD = 'Correct-Horse-9';

let counter = 0;

/** A fresh, unique username per call so tests in one file never collide. */
export function uniqueUsername(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${counter}`;
}

export async function buildUser(
  deps: AppDeps,
  input: {
    roles: string[];
    departmentCode?: string | null;
    username?: string;
    password?: string;
    displayName?: string;
  },
): Promise<UserView & { password: string }> {
  const password = input.password ?? GOOD_PASSWORD;
  const user = await createUser(deps.db, systemCaller('test'), {
    username: input.username ?? uniqueUsername(input.roles[0] ?? 'user'),
    password,
    roles: input.roles,
    departmentCode: input.departmentCode ?? null,
    ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
  });
  return { ...user, password };
}

export interface SignedIn {
  /** `xy_session=…`, ready for a Cookie header. */
  readonly cookie: string;
  readonly csrfToken: string;
  /** Headers for a cookie-authenticated write. */
  readonly headers: { cookie: string; 'x-csrf-token': string };
}

export async function signIn(
  app: HttpServer,
  username: string,
  password = GOOD_PASSWORD,
  remoteAddress = '127.0.0.1',
): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress,
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const session = response.cookies.find((c) => c.name === 'xy_session');
  if (!session) throw new Error('no session cookie');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  const cookie = `xy_session=${session.value}`;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** Signs in a new user with `roles` (and department), returning the user and its session. */
export async function signInAs(
  app: HttpServer,
  deps: AppDeps,
  roles: string[],
  departmentCode: string | null = null,
): Promise<{ user: UserView; session: SignedIn }> {
  const user = await buildUser(deps, { roles, departmentCode });
  return { user, session: await signIn(app, user.username) };
}
