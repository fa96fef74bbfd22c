import type { FastifyRequest } from 'fastify';
import { problemSchema, callerOf, type HttpServer } from '../../platform/http';
import { AppError } from '../../platform/errors';
import type { AppDeps } from '../../platform/module';
import { login, logout } from './auth.service';
import { clearSessionCookie, SESSION_COOKIE, sessionOf, setSessionCookie } from './identity.hooks';
import { notSignedInAsUser } from './identity.errors';
import { loginBody, noContent, sessionResponse, sessionStateResponse } from './identity.schemas';
import { findUserById, type UserView } from './users.service';

const tags = ['auth'];

const sessionUserOf = (user: UserView) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  roles: user.roles,
  departmentId: user.departmentId,
  departmentName: user.departmentName,
});

export function registerAuthRoutes(app: HttpServer, deps: AppDeps): void {
  const secure = deps.config.secureCookies;

  /** The person behind the request's session cookie, with the CSRF token; null without one (or for an API key). */
  const signedInPerson = async (request: FastifyRequest) => {
    const session = sessionOf(request);
    const user = session && (await findUserById(deps.db.kysely, session.actor.id!));
    return session && user ? { user: sessionUserOf(user), csrfToken: session.csrfToken } : null;
  };

  app.post(
    '/auth/login',
    {
      // Signing in needs no CSRF token; a form cannot forge it either (JSON body, strict schema).
      config: { csrfExempt: true },
      schema: {
        tags,
        summary: 'Sign in with username and password; sets the xy_session cookie',
        body: loginBody,
        response: { 200: sessionResponse, 401: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      try {
        const previous = request.cookies[SESSION_COOKIE];
        const result = await login(deps.db, {
          username: request.body.username,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
        });
        if (previous) await logout(deps.db, callerOf(request), previous);
        setSessionCookie(reply, result.token, secure);
        return { user: sessionUserOf(result.user), csrfToken: result.csrfToken };
      } catch (error) {
        if (error instanceof AppError && error.code === 'auth.throttled') {
          reply.header('retry-after', Number(error.details?.retryAfter ?? 900));
        }
        throw error;
      }
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'End the current session', response: { 204: noContent } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(deps.db, callerOf(request), token);
      clearSessionCookie(reply, secure);
      return reply.status(204).send(null);
    },
  );

  // The console asks this on every load, before anyone has signed in: "nobody" is a normal answer
  // (200), so a browser logs no failed request. /auth/me keeps answering 401 without a session.
  app.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'Whether a person is signed in: their user and CSRF token, or authenticated: false',
        response: { 200: sessionStateResponse },
      },
    },
    async (request) => {
      const signedIn = await signedInPerson(request);
      return signedIn ? { authenticated: true as const, ...signedIn } : { authenticated: false as const };
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user and the CSRF token to send with writes',
        response: { 200: sessionResponse, 401: problemSchema },
      },
    },
    async (request) => {
      const signedIn = await signedInPerson(request);
      if (!signedIn) throw notSignedInAsUser();
      return signedIn;
    },
  );
}
