/**
 * HTTP adapter of the catalog. Reading is public (the catalog is itself
 * public information); writing needs `catalog.write`.
 */
import type { FastifyRequest } from 'fastify';
import { AppError, validationFailed } from '../../platform/errors';
import { callerOf, requirePermission, type HttpServer } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import {
  categoriesResponse,
  codeParams,
  createBody,
  importBody,
  importResponse,
  itemListResponse,
  itemResponse,
  jsonSchemaResponse,
  langQuery,
  listQuery,
  problems,
  retireBody,
  sharingBody,
  sharingResponse,
  updateBody,
  versionQuery,
  versionsResponse,
} from './catalog.schemas';
import {
  CATALOG_WRITE,
  createCatalogItem,
  getCatalogItem,
  getCatalogItemSchema,
  listCatalogCategories,
  listCatalogSummaries,
  listCatalogVersions,
  retireCatalogItem,
  updateCatalogItem,
  updateCatalogSharing,
} from './catalog.service';
import { exportCatalog, importCatalog } from './catalog.transfer';

const tags = ['catalog'];

/** Writers are checked before the body is even validated: anonymous callers learn nothing about it. */
const writersOnly = {
  onRequest: async (request: FastifyRequest) => requirePermission(request, CATALOG_WRITE),
};

/** Import documents carry the whole catalog: allow more than the default body limit. */
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

/** Service field errors name paths inside the body; say so, as zod's request errors do. */
async function inBody<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed' && error.errors) {
      throw validationFailed(error.errors.map((e) => ({ ...e, field: `body.${e.field}` })));
    }
    throw error;
  }
}

export function registerCatalogRoutes(app: HttpServer, deps: AppDeps): void {
  const { db } = deps;

  app.get(
    '/catalog/categories',
    {
      schema: {
        tags,
        summary: 'The 13 categories of the national basic catalog',
        querystring: langQuery,
        response: { 200: categoriesResponse },
      },
    },
    async () => ({ items: await listCatalogCategories(db.kysely) }),
  );

  app.get(
    '/catalog/items',
    {
      schema: {
        tags,
        summary: 'Collection catalog items (filter by category, status, text)',
        querystring: listQuery,
        response: { 200: itemListResponse, ...problems(400) },
      },
    },
    async (request) => {
      const { category, status, q } = request.query;
      return { items: await listCatalogSummaries(db.kysely, { category, status, q }) };
    },
  );

  app.get(
    '/catalog/items/:code',
    {
      schema: {
        tags,
        summary: 'One catalog item: the current version, or ?version=N',
        params: codeParams,
        querystring: versionQuery,
        response: { 200: itemResponse, ...problems(400, 404) },
      },
    },
    async (request) => getCatalogItem(db.kysely, request.params.code, request.query.version),
  );

  app.get(
    '/catalog/items/:code/versions',
    {
      schema: {
        tags,
        summary: 'Every version of an item, newest first',
        params: codeParams,
        querystring: langQuery,
        response: { 200: versionsResponse, ...problems(404) },
      },
    },
    async (request) => ({
      code: request.params.code,
      items: await listCatalogVersions(db.kysely, request.params.code),
    }),
  );

  app.get(
    '/catalog/items/:code/schema',
    {
      schema: {
        tags,
        summary: 'JSON Schema (draft 2020-12) a record of the item version must satisfy',
        params: codeParams,
        querystring: versionQuery,
        response: { 200: jsonSchemaResponse, ...problems(404) },
      },
    },
    async (request) => getCatalogItemSchema(db.kysely, request.params.code, request.query.version),
  );

  app.post(
    '/catalog/items',
    {
      ...writersOnly,
      schema: {
        tags,
        summary: 'Create a catalog item (version 1)',
        querystring: langQuery,
        body: createBody,
        response: { 201: itemResponse, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { sharing, changeNote, ...definition } = request.body;
      const item = await inBody(() => createCatalogItem(db, callerOf(request), { definition, sharing, changeNote }));
      return reply.status(201).send(item);
    },
  );

  app.put(
    '/catalog/items/:code',
    {
      ...writersOnly,
      schema: {
        tags,
        summary: 'Replace the definition: makes the next version (refused if it would invalidate records)',
        params: codeParams,
        querystring: langQuery,
        body: updateBody,
        response: { 200: itemResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { changeNote, ...definition } = request.body;
      return inBody(() => updateCatalogItem(db, callerOf(request), request.params.code, { definition, changeNote }));
    },
  );

  app.post(
    '/catalog/items/:code/retire',
    {
      ...writersOnly,
      schema: {
        tags,
        summary: 'Retire an item: no new records; old versions stay readable',
        params: codeParams,
        querystring: langQuery,
        body: retireBody,
        response: { 200: itemResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      return retireCatalogItem(db, callerOf(request), request.params.code, request.body);
    },
  );

  app.get(
    '/catalog/items/:code/sharing',
    {
      schema: {
        tags,
        summary: 'The sharing catalog entry of an item',
        params: codeParams,
        querystring: langQuery,
        response: { 200: sharingResponse, ...problems(404) },
      },
    },
    async (request) => {
      const item = await getCatalogItem(db.kysely, request.params.code);
      return { code: item.code, version: item.version, status: item.status, sharing: item.sharing };
    },
  );

  app.put(
    '/catalog/items/:code/sharing',
    {
      ...writersOnly,
      schema: {
        tags,
        summary: 'Replace the sharing catalog entry (makes the next version)',
        params: codeParams,
        querystring: langQuery,
        body: sharingBody,
        response: { 200: sharingResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { changeNote, ...sharing } = request.body;
      const item = await inBody(() =>
        updateCatalogSharing(db, callerOf(request), request.params.code, { sharing, changeNote }),
      );
      return { code: item.code, version: item.version, status: item.status, sharing: item.sharing };
    },
  );

  app.get(
    '/catalog/export',
    {
      schema: {
        tags,
        summary: 'Every current item with its sharing entry, as one importable document',
        querystring: langQuery,
        response: { 200: importBody },
      },
    },
    async () => exportCatalog(db.kysely),
  );

  app.post(
    '/catalog/import',
    {
      ...writersOnly,
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import a catalog document all-or-nothing; reports each item created/updated/unchanged/refused',
        querystring: langQuery,
        body: importBody,
        response: { 200: importResponse, ...problems(400, 401, 403, 409, 413) },
      },
    },
    async (request) => {
      return inBody(() => importCatalog(db, callerOf(request), request.body));
    },
  );
}
