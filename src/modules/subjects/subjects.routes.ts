import { z } from 'zod';
import type { HttpServer } from '../../platform/http';
import { callerOf, requestLang, requirePermission } from '../../platform/http';
import { answerRead, localReads } from '../../platform/readers';
import { subjectsReadTasks } from './subjects.reads';
import type { AppDeps } from '../../platform/module';
import { checkIdentifier } from './identifiers';
import { HAIDIAN_REGIONS, INDUSTRY_SECTIONS, SUBJECT_KINDS } from './dictionaries';
import * as schemas from './subjects.schemas';
import { presentGovernmentDetail, presentPublicSubject } from './subjects.presenters';
import {
  governmentLookup,
  importLegacyMappings,
  registerSubject,
  renameSubject,
  type SubjectSearch,
} from './subjects.service';
import { subjectsEnv } from './subjects.env';
import { versionsOf } from './subjects.repository';

export function subjectsRoutes(app: HttpServer, deps: AppDeps): void {
  const env = subjectsEnv(deps);
  const reads = deps.reads ?? localReads(subjectsReadTasks, deps);
  const tags = ['subjects'];

  app.get(
    '/public/subjects',
    {
      schema: {
        tags,
        summary: 'Search legal persons, organisations and individual businesses by name substring or identifier',
        querystring: schemas.searchQuerySchema,
        response: { 200: schemas.searchResultSchema },
      },
    },
    async (request, reply) => {
      const { q, kind, region, industry, limit, cursor } = request.query;
      const search: SubjectSearch = {
        q,
        limit,
        ...(kind ? { kind } : {}),
        ...(region ? { region } : {}),
        ...(industry ? { industry: industry.toUpperCase() } : {}),
        ...(cursor ? { cursor } : {}),
      };
      return answerRead(reply, reads, 'subjects.publicSearch', [search, requestLang(request)]);
    },
  );

  app.get(
    '/public/subjects/:id',
    {
      schema: {
        tags,
        summary: 'Public registration basics of one subject',
        params: z.strictObject({ id: z.string().max(40) }),
        querystring: z.strictObject({ lang: z.enum(['zh', 'en']).optional() }),
        response: { 200: schemas.publicSubjectDetailSchema },
      },
    },
    async (request, reply) =>
      answerRead(reply, reads, 'subjects.publicDetail', [request.params.id, requestLang(request)]),
  );

  app.get(
    '/dictionaries/regions',
    { schema: { tags, summary: 'Streets and towns of the district', response: { 200: schemas.regionsSchema } } },
    async () => ({
      items: HAIDIAN_REGIONS.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, kind: r.kind })),
    }),
  );
  app.get(
    '/dictionaries/industries',
    { schema: { tags, summary: 'GB/T 4754-2017 industry sections', response: { 200: schemas.industriesSchema } } },
    async () => ({
      items: INDUSTRY_SECTIONS.map((s) => ({ section: s.section, nameZh: s.name_zh, nameEn: s.name_en })),
    }),
  );
  app.get(
    '/dictionaries/subject-kinds',
    { schema: { tags, summary: 'Subject kinds', response: { 200: schemas.subjectKindsSchema } } },
    async () => ({
      items: SUBJECT_KINDS.map((k) => ({ code: k.code, nameZh: k.name_zh, nameEn: k.name_en })),
    }),
  );

  app.post(
    '/identifiers/check',
    {
      schema: {
        tags,
        summary: 'Check USCCs, organisation codes, registration numbers and citizen IDs',
        body: schemas.identifierCheckRequestSchema,
        response: { 200: z.object({ items: z.array(schemas.identifierCheckSchema) }) },
      },
    },
    async (request) => ({
      items: request.body.values.map((v) => {
        const r = checkIdentifier(v, { allowList: deps.config.usccAllowList });
        return {
          input: r.input,
          normalized: r.normalized,
          kind: r.kind,
          valid: r.valid,
          ...(r.reason ? { reason: r.reason } : {}),
          ...(r.allowListed ? { allowListed: true } : {}),
          ...(r.details ? { details: r.details as unknown as Record<string, unknown> } : {}),
        };
      }),
    }),
  );

  app.post(
    '/subjects',
    {
      schema: {
        tags,
        summary: 'Register a subject',
        body: schemas.newSubjectSchema,
        response: { 201: schemas.publicSubjectSchema },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'subjects.write');
      const row = await registerSubject(env, callerOf(request), request.body);
      return reply.status(201).send(presentPublicSubject(row, requestLang(request)));
    },
  );

  app.post(
    '/subjects/:id/rename',
    {
      schema: {
        tags,
        summary: 'Rename a subject; the old name stays searchable as a former name',
        params: z.strictObject({ id: z.string().max(40) }),
        body: schemas.renameSchema,
        response: { 200: schemas.publicSubjectSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'subjects.write');
      const row = await renameSubject(env, callerOf(request), request.params.id, request.body);
      return presentPublicSubject(row, requestLang(request));
    },
  );

  app.get(
    '/subjects/lookup',
    {
      schema: {
        tags,
        summary: 'Government view of a subject; needs a purpose and is audited',
        querystring: schemas.lookupQuerySchema,
        response: { 200: schemas.governmentSubjectSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'subjects.lookup');
      const { identifier, subjectId, purpose, caseNumber } = request.query;
      const detail = await governmentLookup(
        env,
        callerOf(request, { purpose: purpose ?? null, caseNumber: caseNumber ?? null }),
        {
          ...(identifier ? { identifier } : {}),
          ...(subjectId ? { subjectId } : {}),
        },
      );
      return presentGovernmentDetail(detail, requestLang(request));
    },
  );

  app.post(
    '/subjects/lookup',
    {
      schema: {
        tags,
        summary: 'Government view of a subject (purpose and case number in the body); audited',
        body: schemas.lookupBodySchema,
        querystring: z.strictObject({ lang: z.enum(['zh', 'en']).optional() }),
        response: { 200: schemas.governmentSubjectSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'subjects.lookup');
      const { identifier, subjectId, purpose, caseNumber } = request.body;
      const detail = await governmentLookup(
        env,
        callerOf(request, { purpose: purpose?.trim() || null, caseNumber: caseNumber?.trim() || null }),
        {
          ...(identifier ? { identifier } : {}),
          ...(subjectId ? { subjectId } : {}),
        },
      );
      return presentGovernmentDetail(detail, requestLang(request));
    },
  );

  app.get(
    '/subjects/:id/versions',
    {
      schema: {
        tags,
        summary: 'Change history of a subject',
        params: z.strictObject({ id: z.string().max(40) }),
        response: { 200: schemas.subjectVersionsSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'subjects.read');
      const versions = await versionsOf(deps.db.kysely, request.params.id);
      return {
        items: versions.map((v) => ({
          version: v.version,
          changedAt: v.changed_at,
          changedBy: v.changed_by,
          change: v.change,
          snapshot: JSON.parse(v.snapshot) as Record<string, unknown>,
        })),
      };
    },
  );

  app.post(
    '/subjects/legacy-mappings',
    {
      schema: {
        tags,
        summary: 'Import a legacy code → USCC mapping table (all or nothing)',
        body: schemas.legacyMappingSchema,
        response: { 200: schemas.legacyMappingResultSchema, 422: schemas.legacyMappingResultSchema },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'subjects.write');
      const outcome = await importLegacyMappings(env, callerOf(request), request.body.rows);
      return reply.status(outcome.errors.length ? 422 : 200).send({ ...outcome, errors: [...outcome.errors] });
    },
  );
}
