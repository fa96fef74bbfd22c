import { callerOf, problemSchema, requirePermission, type HttpServer } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import {
  createUserBody,
  noContent,
  setPasswordBody,
  updateUserBody,
  user,
  userIdParams,
  userList,
  userListQuery,
} from './identity.schemas';
import { createUser, listUsers, setUserPassword, updateUser } from './users.service';

const tags = ['users'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export function registerUserRoutes(app: HttpServer, deps: AppDeps): void {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Users (users.manage; a department admin sees their own department)',
        querystring: userListQuery,
        response: { 200: userList, 403: problemSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'users.manage');
      const { departmentCode, status, cursor, limit } = request.query;
      return listUsers(deps.db, callerOf(request), {
        limit,
        ...(departmentCode ? { departmentCode } : {}),
        ...(status ? { status } : {}),
        ...(cursor ? { cursor } : {}),
      });
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user (users.manage; a department admin within their own department)',
        body: createUserBody,
        response: { 201: user, ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'users.manage');
      return reply.status(201).send(await createUser(deps.db, callerOf(request), request.body));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: "Change a user's display name, roles, status or department (users.manage)",
        params: userIdParams,
        body: updateUserBody,
        response: { 200: user, ...errors },
      },
    },
    async (request) => {
      requirePermission(request, 'users.manage');
      return updateUser(deps.db, callerOf(request), request.params.id, request.body);
    },
  );

  app.post(
    '/users/:id/password',
    {
      schema: {
        tags,
        summary: "Set a user's password; ends the user's sessions (users.manage)",
        params: userIdParams,
        body: setPasswordBody,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'users.manage');
      await setUserPassword(deps.db, callerOf(request), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );
}
