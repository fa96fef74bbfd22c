import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isApiError, setCsrfToken, setUnauthorizedHandler } from '../../shared/api';
import { fetchSession, login, logout, type Credentials, type SessionResponse } from './auth-api';
import { SessionContext, type Session, type SessionContextValue } from './session-context';

/** Owns the staff session: restores it on load, signs in and out, and drops it on any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [check, setCheck] = useState(0);

  const adopt = useCallback((response: SessionResponse) => {
    setCsrfToken(response.csrfToken);
    setSession({ status: 'authenticated', user: response.user });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setSession({ status: 'checking' });
    fetchSession(controller.signal).then(
      (state) => {
        if (controller.signal.aborted) return;
        if (state.authenticated) adopt(state);
        else setSession({ status: 'anonymous' });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSession({ status: 'unavailable', error });
      },
    );
    return () => controller.abort();
  }, [adopt, check]);

  useEffect(() => {
    // The session can expire or be revoked while the console is open; any 401 means "sign in again".
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setSession((current) => (current.status === 'authenticated' ? { status: 'anonymous' } : current));
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      signIn: async (credentials: Credentials) => adopt(await login(credentials)),
      signOut: async () => {
        try {
          await logout();
        } catch (error) {
          // Already signed out on the server: the outcome the user asked for.
          if (!isApiError(error) || error.status !== 401) throw error;
        }
        setCsrfToken(null);
        setSession({ status: 'anonymous' });
      },
      recheck: () => setCheck((count) => count + 1),
    }),
    [adopt, session],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}
