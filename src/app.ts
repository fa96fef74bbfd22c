import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { calendarDate, createHttpServer, dateRange, requirePermission, type HttpServer } from './platform/http';
import type { AppDeps } from './platform/module';
import { hasPermission } from './platform/context';
import { listAudit } from './platform/audit';
import { modules } from './modules/registry';
import { countPublicSubjects } from './modules/subjects';
import { listDepartments } from './modules/identity';
import { listCatalogSummaries } from './modules/catalog';

export interface AppOptions {
  /** Built web app to serve at / and /console; null serves the API alone. */
  readonly webDir?: string | null;
  readonly rateLimit?: number;
}

export const defaultWebDir = path.resolve(import.meta.dirname, '../dist/web');

/** One audit log entry as `/audit` answers it (`AuditEntry` of platform/audit). */
const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    id: z.string(),
    at: z.string(),
    actorKind: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string(),
    departmentId: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    subjectId: z.string().nullable(),
    purpose: z.string().nullable(),
    caseNumber: z.string().nullable(),
    requestId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

/** Builds the Fastify app from the modules: API under /api/v1, docs at /api/docs, the web app at / and /console. */
export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<HttpServer> {
  const app = await createHttpServer({
    logger: deps.logger,
    bodyLimit: deps.config.bodyLimit,
    rateLimit: options.rateLimit ?? Number(process.env.XINYONG_RATE_LIMIT ?? 1200),
    trustProxy: deps.config.trustProxy,
    secure: deps.config.secureCookies,
  });

  for (const m of modules) await m.registerHooks?.(app, deps);

  await app.register(
    async (scope) => {
      const api = scope.withTypeProvider<ZodTypeProvider>();
      api.get(
        '/health',
        {
          schema: { tags: ['platform'], response: { 200: z.object({ status: z.literal('ok'), dialect: z.string() }) } },
        },
        async () => ({ status: 'ok' as const, dialect: deps.db.dialect }),
      );
      api.get(
        '/audit',
        {
          schema: {
            tags: ['platform'],
            summary: 'Audit log entries, newest first (platform admins)',
            querystring: z
              .strictObject({
                subjectId: z.string().max(64).optional(),
                actorId: z.string().max(64).optional(),
                action: z.string().max(128).optional(),
                beforeSeq: z.coerce.number().int().positive().optional(),
                from: calendarDate().optional().describe('Entries on or after this day (YYYY-MM-DD, Beijing time)'),
                to: calendarDate().optional().describe('Entries on or before this day (YYYY-MM-DD, Beijing time)'),
                limit: z.coerce.number().int().min(1).max(500).default(50),
              })
              .superRefine(dateRange('from', 'to')),
            response: { 200: z.object({ items: z.array(auditEntrySchema) }) },
          },
        },
        async (request) => {
          requirePermission(request, 'audit.read');
          // Outside the credit office, a department sees the entries of its own people only.
          const scope = hasPermission(request.actor, '*') ? {} : { departmentId: request.actor.departmentId ?? '-' };
          return { items: await listAudit(deps.db.kysely, { ...request.query, ...scope }) };
        },
      );
      api.get(
        '/public/stats',
        {
          schema: {
            tags: ['platform'],
            summary: 'Headline figures for the public website',
            response: {
              200: z.object({
                subjects: z.number().int(),
                departments: z.number().int(),
                catalogItems: z.number().int(),
              }),
            },
          },
        },
        async () => {
          const [subjects, departments, items] = await Promise.all([
            countPublicSubjects(deps.db.kysely),
            listDepartments(deps.db.kysely),
            listCatalogSummaries(deps.db.kysely, { status: 'active' }),
          ]);
          return { subjects, departments: departments.length, catalogItems: items.length };
        },
      );
      for (const m of modules) {
        if (m.registerRoutes)
          await api.register(async (inner) => m.registerRoutes!(inner.withTypeProvider<ZodTypeProvider>(), deps));
      }
    },
    { prefix: '/api/v1' },
  );

  const webDir = options.webDir === undefined ? defaultWebDir : options.webDir;
  const hasWeb = webDir !== null && existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // The build writes .br/.gz twins of every asset.
      preCompressed: true,
      setHeaders: (res, filePath) => {
        // Hashed asset names never change content; the shell and the service worker must revalidate.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (hasWeb && (request.method === 'GET' || request.method === 'HEAD') && !url.startsWith('/api/')) {
      const page = url === '/console' || url.startsWith('/console/') ? 'console.html' : 'index.html';
      return reply.header('cache-control', 'no-cache').sendFile(page);
    }
    return reply
      .status(404)
      .type('application/problem+json')
      .send({
        type: 'https://xinyong.dev/problems/route.not_found',
        title: request.headers['accept-language']?.startsWith('en') ? 'No such endpoint' : '接口不存在',
        status: 404,
        code: 'route.not_found',
        instance: request.url,
        requestId: request.id,
      });
  });
  return app;
}
