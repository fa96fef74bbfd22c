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

/** Restores the session from the cookie; rejects with a 401 ApiError when there is none. */
export function fetchSession(signal?: AbortSignal): Promise<SessionResponse> {
  return apiGet<SessionResponse>('/api/v1/auth/me', { signal });
}

export function logout(): Promise<void> {
  return apiPost<void>('/api/v1/auth/logout');
}
