import { z } from 'zod';
import { callerOf, problemSchema, requirePermission, type HttpServer } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service';
import {
  apiKey,
  apiKeyIdParams,
  apiKeyListQuery,
  createApiKeyBody,
  createdApiKey,
  noContent,
} from './identity.schemas';

const tags = ['api-keys'];

export function registerApiKeyRoutes(app: HttpServer, deps: AppDeps): void {
  app.post(
    '/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key (apikeys.manage); the raw key is returned this once',
        body: createApiKeyBody,
        response: { 201: createdApiKey, 400: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'apikeys.manage');
      const { client, key } = await createApiKey(deps.db, callerOf(request), request.body);
      return reply.status(201).send({ ...client, key });
    },
  );

  app.get(
    '/api-keys',
    {
      schema: {
        tags,
        summary: 'API keys (apikeys.manage; a department admin sees their own department)',
        querystring: apiKeyListQuery,
        response: { 200: z.object({ items: z.array(apiKey) }), 403: problemSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'apikeys.manage');
      return { items: await listApiKeys(deps.db, callerOf(request), request.query.departmentCode) };
    },
  );

  app.delete(
    '/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API key at once (apikeys.manage)',
        params: apiKeyIdParams,
        response: { 204: noContent, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'apikeys.manage');
      await revokeApiKey(deps.db, callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
