import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { SessionPending } from './session-pending';
import { useSession } from './session-context';

/** Renders its children for a signed-in user and sends everyone else to the login page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'authenticated') return children;
  if (session.status === 'anonymous') return <Navigate to="/login" replace state={{ from: location }} />;
  return <SessionPending />;
}
