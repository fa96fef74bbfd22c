import { createContext, useContext } from 'react';
import type { Credentials, CurrentUser } from './auth-api';

export type Session =
  | { status: 'checking' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: CurrentUser }
  /** The platform could not be reached, so we do not know yet whether a session exists. */
  | { status: 'unavailable'; error: unknown };

export interface SessionContextValue {
  session: Session;
  signIn: (credentials: Credentials) => Promise<void>;
  signOut: () => Promise<void>;
  recheck: () => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** For screens that only render behind <RequireSession>. */
export function useCurrentUser(): CurrentUser {
  const { session } = useSession();
  if (session.status !== 'authenticated') throw new Error('useCurrentUser needs an authenticated session');
  return session.user;
}
