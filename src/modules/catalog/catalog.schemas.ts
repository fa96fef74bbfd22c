/** Request and response schemas of the catalog routes (zod; OpenAPI is generated from them). */
import { z } from 'zod';
import { problemSchema } from '../../platform/http';
import { catalogDocumentSchema, definitionSchema, itemCodeSchema, sharingSchema } from './catalog.definition';
import { CHANGE_KINDS, DISCLOSURES, ITEM_STATUSES } from './catalog.types';

const lang = z.enum(['zh', 'en']).optional();
const changeNote = z.string().min(1).max(500);

export const langQuery = z.strictObject({ lang });
export const codeParams = z.strictObject({ code: itemCodeSchema });
export const versionQuery = z.strictObject({ version: z.coerce.number().int().positive().optional(), lang });
export const listQuery = z.strictObject({
  category: z.string().max(64).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  q: z.string().min(1).max(100).optional(),
  lang,
});

export const createBody = definitionSchema.extend({
  /** Defaults to "share by default" for the item's disclosure. */
  sharing: sharingSchema.optional(),
  changeNote: changeNote.optional(),
});
export const updateBody = definitionSchema.extend({ changeNote });
export const retireBody = z.strictObject({ changeNote });
export const sharingBody = sharingSchema.extend({ changeNote });
export const importBody = catalogDocumentSchema;

const localized = z.object({ zh: z.string(), en: z.string() });

export const categoriesResponse = z.object({
  items: z.array(z.object({ code: z.string(), seq: z.number().int(), nameZh: z.string(), nameEn: z.string() })),
});

export const itemResponse = definitionSchema.extend({
  version: z.number().int(),
  currentVersion: z.number().int(),
  status: z.enum(ITEM_STATUSES),
  sharing: sharingSchema,
  changeKind: z.enum(CHANGE_KINDS),
  changeNote: z.string().nullable(),
  versionCreatedAt: z.string(),
  versionCreatedBy: z.string(),
});

export const itemListResponse = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      category: z.string(),
      disclosure: z.enum(DISCLOSURES),
      status: z.enum(ITEM_STATUSES),
      currentVersion: z.number().int(),
      updatedAt: z.string(),
    }),
  ),
});

export const versionsResponse = z.object({
  code: z.string(),
  items: z.array(
    z.object({
      version: z.number().int(),
      status: z.enum(ITEM_STATUSES),
      changeKind: z.enum(CHANGE_KINDS),
      changeNote: z.string().nullable(),
      createdAt: z.string(),
      createdBy: z.string(),
    }),
  ),
});

export const jsonSchemaResponse = z.record(z.string(), z.unknown());

export const sharingResponse = z.object({
  code: z.string(),
  version: z.number().int(),
  status: z.enum(ITEM_STATUSES),
  sharing: sharingSchema,
});

export const importResponse = z.object({
  applied: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  items: z.array(
    z.object({
      code: z.string(),
      outcome: z.enum(['created', 'updated', 'unchanged', 'refused']),
      version: z.number().int().nullable(),
      reasons: z.array(localized),
    }),
  ),
});

/** The problem responses a route can give, for the OpenAPI document. */
export const problems = (...statuses: Array<400 | 401 | 403 | 404 | 409 | 413>) =>
  Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<number, typeof problemSchema>;
