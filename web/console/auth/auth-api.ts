import { callApi, type BodyOf, type Schema } from '../../shared/api';

/** The signed-in staff member as `/api/v1/auth/*` presents them. */
export type CurrentUser = Schema<'SessionUser'>;

export type SessionResponse = Schema<'Session'>;

export type Credentials = BodyOf<'/api/v1/auth/login', 'post'>;

/** Problem codes the login screen reacts to. */
export const authErrorCodes = {
  invalidCredentials: 'auth.invalid_credentials',
  throttled: 'auth.throttled',
} as const;

export function login(credentials: Credentials): Promise<SessionResponse> {
  return callApi('post', '/api/v1/auth/login', { body: credentials });
}

/** Whether the cookie holds a session: "nobody" is an answer (200), so loading the console logs no error. */
export type SessionState = Schema<'SessionState'>;

/** Restores the session from the cookie, if there is one. */
export function fetchSession(signal?: AbortSignal): Promise<SessionState> {
  return callApi('get', '/api/v1/auth/session', { signal });
}

export async function logout(): Promise<void> {
  await callApi('post', '/api/v1/auth/logout');
}
