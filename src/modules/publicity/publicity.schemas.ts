import { z } from 'zod';
import { calendarDate, dateRange } from '../../platform/http';

/** The double-publicity items (双公示) the public channel lists. */
export const DOUBLE_PUBLICITY_ITEMS = ['ADM_PENALTY', 'ADM_LICENSE'] as const;

const channelFilter = {
  department: z.string().max(40).optional(),
  from: calendarDate().optional().describe('Decision date on or after (YYYY-MM-DD)'),
  to: calendarDate().optional().describe('Decision date on or before (YYYY-MM-DD)'),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  lang: z.enum(['zh', 'en']).optional(),
};

export const publicRecordsQuerySchema = z
  .strictObject({
    item: z.enum(DOUBLE_PUBLICITY_ITEMS).optional(),
    ...channelFilter,
  })
  .superRefine(dateRange('from', 'to'));

/** The red and black lists of the website (`red` → RED_LIST, `black` → BLACK_LIST). */
export const listParamsSchema = z.strictObject({ list: z.enum(['red', 'black']) });
export const listQuerySchema = z.strictObject(channelFilter).superRefine(dateRange('from', 'to'));

export const idParamsSchema = z.strictObject({ id: z.string().max(40) });
export const langQuerySchema = z.strictObject({ lang: z.enum(['zh', 'en']).optional() });

export const publicFieldSchema = z.object({
  code: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  value: z.string(),
  unit: z.string().nullable(),
  valueLabelZh: z.string().nullable(),
  valueLabelEn: z.string().nullable(),
});

export const publicRecordSchema = z
  .object({
    id: z.string(),
    itemCode: z.string(),
    itemNameZh: z.string(),
    itemNameEn: z.string(),
    subject: z.object({
      id: z.string().nullable().describe('Null for natural persons'),
      name: z.string().nullable(),
      kind: z.string().nullable(),
      uscc: z.string().nullable(),
    }),
    department: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    decisionDate: z.string().nullable(),
    publishedOn: z.string(),
    publicationEnd: z.string().nullable().describe('Last day of publication (max_end); null: no end'),
    fields: z.array(publicFieldSchema),
  })
  .meta({ id: 'PublicRecord' });

export const publicRecordPageSchema = z.object({
  items: z.array(publicRecordSchema),
  total: z.number().int().describe('Matching records over every page, counted up to 10,000'),
  totalCapped: z.boolean().describe('true: more than `total` match (the count stops there)'),
  nextCursor: z.string().nullable(),
});

/** The sections of an entity's credit page, in the order the page shows them. */
export const SUBJECT_SECTIONS = ['licences', 'penalties', 'lists', 'commitments', 'inspections', 'other'] as const;

const sectionPageSchema = z
  .object({
    items: z.array(publicRecordSchema),
    total: z.number().int().describe("The section's public records over every page, counted up to 1,000"),
    totalCapped: z.boolean().describe('true: more than `total` (the count stops there)'),
    nextCursor: z.string().nullable().describe('Next page: GET /public/subjects/{id}/records/{section}?cursor='),
  })
  .meta({ id: 'PublicSectionPage' });

export const subjectRecordsSchema = z
  .object({
    subjectId: z.string(),
    licences: sectionPageSchema,
    penalties: sectionPageSchema,
    lists: sectionPageSchema.describe('Red and black list entries'),
    commitments: sectionPageSchema,
    inspections: sectionPageSchema.describe('Double-random inspection results'),
    other: sectionPageSchema.describe('Every other public item (domain records)'),
  })
  .meta({ id: 'PublicSubjectRecords' });

export const sectionParamsSchema = z.strictObject({ id: z.string().max(40), section: z.enum(SUBJECT_SECTIONS) });
export const sectionQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  lang: z.enum(['zh', 'en']).optional(),
});

export const publicListPageSchema = publicRecordPageSchema
  .extend({
    list: z.enum(['red', 'black']),
    item: z
      .object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })
      .nullable()
      .describe('The catalog item behind the list; null when the catalog does not make it public'),
  })
  .meta({ id: 'PublicListPage' });
