/**
 * Who is acting, and why. Services receive this as plain data; routes, CLI
 * commands and jobs build it (from a session, an API key, or the shell).
 */
export type ActorKind = 'user' | 'api_client' | 'system' | 'anonymous';

export interface Actor {
  readonly kind: ActorKind;
  readonly id: string | null;
  readonly name: string;
  readonly departmentId: string | null;
  readonly roles: readonly string[];
  readonly permissions: ReadonlySet<string>;
}

export interface Caller {
  readonly actor: Actor;
  readonly requestId: string | null;
  /** Stated purpose of a non-public read (required for government look-ups). */
  readonly purpose?: string | null;
  readonly caseNumber?: string | null;
}

export const anonymousActor: Actor = Object.freeze({
  kind: 'anonymous',
  id: null,
  name: 'anonymous',
  departmentId: null,
  roles: ['public'],
  permissions: new Set<string>(),
});

/** The shell operator (CLI on the server) and scheduled jobs act as the system. */
export function systemActor(name = 'system'): Actor {
  return { kind: 'system', id: null, name, departmentId: null, roles: ['system'], permissions: new Set(['*']) };
}

export function systemCaller(name = 'system'): Caller {
  return { actor: systemActor(name), requestId: null };
}

export function hasPermission(actor: Actor, permission: string): boolean {
  return actor.permissions.has('*') || actor.permissions.has(permission);
}
