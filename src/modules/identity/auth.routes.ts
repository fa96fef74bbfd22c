import { problemSchema, callerOf, type HttpServer } from '../../platform/http';
import { AppError } from '../../platform/errors';
import type { AppDeps } from '../../platform/module';
import { login, logout } from './auth.service';
import { clearSessionCookie, SESSION_COOKIE, sessionOf, setSessionCookie } from './identity.hooks';
import { notSignedInAsUser } from './identity.errors';
import { loginBody, noContent, sessionResponse } from './identity.schemas';
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
      const session = sessionOf(request);
      const user = session && (await findUserById(deps.db.kysely, session.actor.id!));
      if (!session || !user) throw notSignedInAsUser();
      return { user: sessionUserOf(user), csrfToken: session.csrfToken };
    },
  );
}
