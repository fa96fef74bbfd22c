import { z } from 'zod';

const kind = z.enum(['legal_person', 'other_org', 'individual_business', 'natural_person']);
const shortText = (max: number) => z.string().max(max);

export const publicSubjectSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    matchedName: z.string().nullable().describe('The former name that matched, when it was not the current one'),
    kind,
    kindLabel: z.string(),
    uscc: z.string().nullable(),
    orgCode: z.string().nullable(),
    registrationNumber: z.string().nullable(),
    legalRepresentative: z.string().nullable(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    industrySection: z.string().nullable(),
    industryName: z.string().nullable(),
    establishedOn: z.string().nullable(),
    status: z.string(),
  })
  .meta({ id: 'PublicSubject' });

export const publicSubjectDetailSchema = publicSubjectSchema
  .extend({
    formerNames: z.array(
      z.object({ name: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable() }),
    ),
    legacyCodes: z.array(z.object({ kind: z.string(), value: z.string(), source: z.string() })),
  })
  .meta({ id: 'PublicSubjectDetail' });

export const governmentSubjectSchema = publicSubjectDetailSchema
  .extend({
    idNumber: z.string().nullable(),
    idNumberMasked: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'GovernmentSubject' });

export const searchQuerySchema = z.strictObject({
  q: shortText(100).default(''),
  kind: kind.optional(),
  region: shortText(20).optional(),
  industry: z
    .string()
    .regex(/^[A-Ta-t]$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: shortText(20).optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

export const searchResultSchema = z.object({
  items: z.array(publicSubjectSchema),
  total: z.number().int(),
  totalCapped: z.boolean(),
  nextCursor: z.string().nullable(),
});

export const newSubjectSchema = z
  .strictObject({
    kind,
    name: shortText(200),
    uscc: shortText(40).nullish(),
    orgCode: shortText(20).nullish(),
    registrationNumber: shortText(30).nullish(),
    idNumber: shortText(30).nullish(),
    legalRepresentative: shortText(100).nullish(),
    region: shortText(40).nullish(),
    industrySection: shortText(10).nullish(),
    establishedOn: shortText(10).nullish(),
    formerNames: z.array(shortText(200)).max(20).optional(),
  })
  .meta({ id: 'NewSubject' });

export const lookupQuerySchema = z
  .strictObject({
    identifier: shortText(40).optional(),
    subjectId: shortText(40).optional(),
    // Checked by the service, which explains what is missing in both languages.
    purpose: shortText(200).optional().describe('Why the look-up is made; required, written to the audit log'),
    caseNumber: shortText(100).optional().describe('The business case or file number'),
    lang: z.enum(['zh', 'en']).optional(),
  })
  .refine((q) => !!q.identifier !== !!q.subjectId, { message: 'give exactly one of identifier or subjectId' });

/**
 * The same look-up as a POST body: the purpose and case number stay out of
 * URLs, which proxies and access logs keep.
 */
export const lookupBodySchema = z
  .strictObject({
    identifier: shortText(40).optional(),
    subjectId: shortText(40).optional(),
    purpose: shortText(200).optional().describe('Why the look-up is made; required, written to the audit log'),
    caseNumber: shortText(100).optional().describe('The business case or file number, written to the audit log'),
  })
  .refine((q) => !!q.identifier !== !!q.subjectId, { message: 'give exactly one of identifier or subjectId' });

export const renameSchema = z.strictObject({
  name: shortText(200).min(1),
  effectiveOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  expectedVersion: z.number().int().positive().optional(),
});

export const legacyMappingSchema = z.strictObject({
  rows: z
    .array(z.strictObject({ legacyCode: shortText(30), uscc: shortText(30) }))
    .min(1)
    .max(50_000),
});

export const legacyMappingResultSchema = z.object({
  mapped: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(
    z.object({
      row: z.number().int(),
      field: z.string(),
      value: z.string(),
      reason: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
});

export const identifierCheckRequestSchema = z.strictObject({ values: z.array(shortText(64)).min(1).max(1000) });

export const identifierCheckSchema = z.object({
  input: z.string(),
  normalized: z.string(),
  kind: z.string(),
  valid: z.boolean(),
  reason: z.object({ code: z.string(), zh: z.string(), en: z.string() }).optional(),
  allowListed: z.boolean().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

const dictionaryNames = { nameZh: z.string(), nameEn: z.string() };

export const regionsSchema = z.object({
  items: z.array(z.object({ code: z.string(), ...dictionaryNames, kind: z.enum(['street', 'town']) })),
});

export const industriesSchema = z.object({
  items: z.array(z.object({ section: z.string(), ...dictionaryNames })),
});

export const subjectKindsSchema = z.object({ items: z.array(z.object({ code: kind, ...dictionaryNames })) });

export const subjectVersionsSchema = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      changedAt: z.string(),
      changedBy: z.string(),
      change: z.string(),
      snapshot: z.record(z.string(), z.unknown()).describe('The subject as this version left it'),
    }),
  ),
});
