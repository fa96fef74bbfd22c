import { apiGet, apiPost } from '../../shared/api';

/** The signed-in staff member as `/api/v1/auth/*` presents them. */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  departmentId: string | null;
  departmentName: string | null;
}

export interface SessionResponse {
  user: CurrentUser;
  csrfToken: string;
}

export interface Credentials {
  username: string;
  password: string;
}

/** Problem codes the login screen reacts to. */
export const authErrorCodes = {
  invalidCredentials: 'auth.invalid_credentials',
  throttled: 'auth.throttled',
} as const;

export function login(credentials: Credentials): Promise<SessionResponse> {
  return apiPost<SessionResponse>('/api/v1/auth/login', credentials);
}

/** Whether the cookie holds a session: "nobody" is an answer (200), so loading the console logs no error. */
export type SessionState = ({ authenticated: true } & SessionResponse) | { authenticated: false };

/** Restores the session from the cookie, if there is one. */
export function fetchSession(signal?: AbortSignal): Promise<SessionState> {
  return apiGet<SessionState>('/api/v1/auth/session', { signal });
}

export function logout(): Promise<void> {
  return apiPost<void>('/api/v1/auth/logout');
}
