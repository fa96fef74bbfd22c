import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../errors';
import { hasPermission, type Caller } from '../context';

/** Throws 401 for anonymous requests. */
export function requireActor(request: FastifyRequest): void {
  if (request.actor.kind === 'anonymous') throw unauthenticated();
}

/** Throws 401 when anonymous and 403 when the actor lacks `permission`. */
export function requirePermission(request: FastifyRequest, permission: string): void {
  requireActor(request);
  if (!hasPermission(request.actor, permission)) throw forbidden(permission);
}

/** The service-level caller of an HTTP request. */
export function callerOf(request: FastifyRequest, extra: Partial<Caller> = {}): Caller {
  return { actor: request.actor, requestId: request.id, ...extra };
}
