import type { Executor } from '../../platform/db';
import { tables } from '../../platform/db';

/** Kinds of department: line departments, the court, and the credit office that runs the platform. */
export type DepartmentKind = 'government' | 'court' | 'platform';
export type UserStatus = 'active' | 'disabled';
export type ApiClientStatus = 'active' | 'revoked';

export interface DepartmentsTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  uscc: string;
  kind: DepartmentKind;
  /** 0/1 */
  active: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  department_id: string | null;
  /** JSON array of role names. */
  roles: string;
  status: UserStatus;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
}

export interface SessionsTable {
  id: string;
  /** sha256 (hex) of the cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiClientsTable {
  id: string;
  name: string;
  department_id: string;
  key_prefix: string;
  /** sha256 (hex) of the whole key. */
  key_hash: string;
  /** JSON array of permission names. */
  permissions: string;
  status: ApiClientStatus;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}

export interface LoginAttemptsTable {
  /** lower(username) + '|' + client address */
  key: string;
  count: number;
  window_start: string;
}

export interface IdentityTables {
  departments: DepartmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_clients: ApiClientsTable;
  login_attempts: LoginAttemptsTable;
}

/** The identity module's view of the database: only its own tables. */
export const identityDb = (executor: Executor) => tables<IdentityTables>(executor);
