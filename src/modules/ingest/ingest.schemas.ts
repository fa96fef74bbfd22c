import { z } from 'zod';

export const rowErrorSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  label: z.string(),
  value: z.string(),
  code: z.string(),
  reason: z.object({ zh: z.string(), en: z.string() }),
});

export const batchResultSchema = z
  .object({
    batchId: z.string(),
    status: z.enum(['running', 'committed', 'rejected', 'failed']),
    itemCode: z.string(),
    itemVersion: z.number().int(),
    departmentCode: z.string(),
    mode: z.enum(['valid_rows', 'all_or_nothing']),
    rowsRead: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    created: z.number().int(),
    corrected: z.number().int(),
    unchanged: z.number().int(),
    warnings: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
    failure: z.object({ code: z.string(), zh: z.string(), en: z.string() }).nullable(),
    errors: z.array(rowErrorSchema),
    errorsTruncated: z.boolean(),
    replayed: z.boolean(),
    channel: z.string(),
    fileName: z.string().nullable(),
    fileHash: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    /** The records a small batch wrote (a form or a few JSON records), so a client can link to them. */
    records: z
      .array(
        z.object({
          row: z.number().int(),
          recordId: z.string(),
          outcome: z.enum(['created', 'corrected', 'unchanged']),
        }),
      )
      .optional(),
    progress: z
      .object({ rowsRead: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), phase: z.string() })
      .optional(),
  })
  .meta({ id: 'IngestBatch' });

export const itemParamsSchema = z.strictObject({ itemCode: z.string().max(64) });

export const uploadQuerySchema = z.strictObject({
  departmentCode: z.string().max(32).optional(),
  mode: z.enum(['valid_rows', 'all_or_nothing']).default('valid_rows'),
  fileName: z.string().max(255).optional(),
  async: z.enum(['true', 'false']).default('false'),
  /**
   * `stream`: the answer is NDJSON written while the batch runs — a `started` line with the batch
   * id, `progress` lines (rows read, accepted, rejected), then a `result` line with the batch.
   */
  progress: z.enum(['stream']).optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

const cellValue = z.union([
  z.string().max(10_000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(200)).max(50),
]);

export const jsonRecordsSchema = z.strictObject({
  departmentCode: z.string().max(32).optional(),
  mode: z.enum(['valid_rows', 'all_or_nothing']).default('valid_rows'),
  /** `form`: typed into the console's entry form by a signed-in person (kept as the records' provenance). */
  channel: z.enum(['api', 'form']).default('api'),
  /** Each record keyed by field code (CF_WSH…) or Chinese label. */
  records: z
    .array(z.record(z.string().max(100), cellValue))
    .min(1)
    .max(5000),
});

export const batchParamsSchema = z.strictObject({ id: z.string().max(40) });
export const reportParamsSchema = z.strictObject({ id: z.string().max(40), format: z.enum(['csv', 'xlsx']) });
export const templateParamsSchema = z.strictObject({ itemCode: z.string().max(64), format: z.enum(['csv', 'xlsx']) });

/** One page of a batch's history list, newest first. */
export const batchListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.string().max(40).optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

export const batchListSchema = z.object({
  items: z.array(batchResultSchema),
  nextCursor: z.string().nullable(),
});

/** A batch's rejected rows' errors, paged by row number. */
export const errorsQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  lang: z.enum(['zh', 'en']).optional(),
});

export const errorsPageSchema = z.object({
  items: z.array(rowErrorSchema),
  /** Pass back as `after` for the next page; null on the last one. */
  nextAfter: z.number().int().nullable(),
  rejectedRows: z.number().int(),
});

export const submittableItemsSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      category: z.string(),
      version: z.number().int(),
      collectionMethods: z.array(z.string()),
    }),
  ),
  departmentCode: z.string().nullable(),
  /** Largest file the upload endpoint takes, in bytes. */
  uploadLimit: z.number().int(),
});

export const langQuerySchema = z.strictObject({ lang: z.enum(['zh', 'en']).optional() });
