import type { ReactNode } from 'react';

/** A section with nothing to show says so in words, never as an error. */
export function EmptyState({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="empty-state" data-testid={testId}>
      {children}
    </p>
  );
}
