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
  /** Each record keyed by field code (CF_WSH…) or Chinese label. */
  records: z
    .array(z.record(z.string().max(100), cellValue))
    .min(1)
    .max(5000),
});

export const batchParamsSchema = z.strictObject({ id: z.string().max(40) });
export const reportParamsSchema = z.strictObject({ id: z.string().max(40), format: z.enum(['csv', 'xlsx']) });
export const templateParamsSchema = z.strictObject({ itemCode: z.string().max(64), format: z.enum(['csv', 'xlsx']) });
