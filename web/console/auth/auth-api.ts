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

/** Restores the session from the cookie; rejects with a 401 ApiError when there is none. */
export function fetchSession(signal?: AbortSignal): Promise<SessionResponse> {
  return callApi('get', '/api/v1/auth/me', { signal });
}

export async function logout(): Promise<void> {
  await callApi('post', '/api/v1/auth/logout');
}
