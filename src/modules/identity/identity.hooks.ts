/**
 * Resolves `request.actor` for every request: a bearer API key, or the
 * session cookie. Also the CSRF check for cookie-authenticated writes.
 */
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpServer } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import { resolveApiKey } from './api-keys.service';
import { resolveSession, SESSION_TTL_MS, type ResolvedSession } from './auth.service';
import { csrfFailed, invalidApiKey } from './identity.errors';
import { prepareDummyHash } from './passwords';
import { safeEqual } from './tokens';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on routes a cookie holder may call without the CSRF header (login only). */
    csrfExempt?: boolean;
  }
}

export const SESSION_COOKIE = 'xy_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sessions = new WeakMap<FastifyRequest, ResolvedSession>();

/** The session behind a cookie-authenticated request (undefined for anonymous or API-key requests). */
export function sessionOf(request: FastifyRequest): ResolvedSession | undefined {
  return sessions.get(request);
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}

export async function registerIdentityHooks(app: HttpServer, deps: AppDeps): Promise<void> {
  // @fastify/cookie is wrapped in fastify-plugin, so registered here on the root it serves every route.
  await app.register(cookie);
  const secure = deps.config.secureCookies;
  await prepareDummyHash();

  app.addHook('onRequest', async (request, reply) => {
    const authorization = request.headers.authorization ?? '';
    if (/^bearer(\s|$)/i.test(authorization)) {
      const bearer = authorization.slice('bearer'.length).trim();
      // A key that was sent but does not work is an error, never a silent downgrade to anonymous.
      const actor = await resolveApiKey(deps.db, bearer);
      if (!actor) throw invalidApiKey();
      request.actor = actor;
      return;
    }

    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(deps.db, token);
    if (!session) {
      // An expired or unknown cookie means "signed out", not an error.
      clearSessionCookie(reply, secure);
      return;
    }
    request.actor = session.actor;
    sessions.set(request, session);
    if (session.refreshed) setSessionCookie(reply, token, secure);

    if (!SAFE_METHODS.has(request.method) && !request.routeOptions.config.csrfExempt) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) throw csrfFailed();
    }
  });
}
