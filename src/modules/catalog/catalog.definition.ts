/**
 * The zod schemas of a catalog definition, its sharing entry and the
 * export/import document: one schema language for HTTP bodies, CLI files and
 * stored JSON. Every optional key has a default, so a parsed definition is
 * in one canonical form (what versions store and import compares).
 */
import { z } from 'zod';
import { OPEN_END_DATE } from './catalog.dictionaries';
import {
  COLLECTION_METHODS,
  DISCLOSURES,
  FIELD_TYPES,
  ITEM_STATUSES,
  PENALTY_CLASSES,
  SHARING_METHODS,
  SHARING_TYPES,
  SUBJECT_KIND_CODES,
  UPDATE_FREQUENCIES,
  type CatalogField,
  type CatalogItemDefinition,
  type FieldCondition,
  type ItemStatus,
  type PeriodRule,
  type SharingEntry,
} from './catalog.types';

const text = (max: number) => z.string().min(1).max(max);

export const itemCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'upper-case letters, digits and _, starting with a letter (2–64)');
export const fieldCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'upper-case letters, digits and _, starting with a letter');
const lowerCode = (what: string) =>
  z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, `${what}: lower-case letters, digits and _, starting with a letter`);
export const departmentCodeSchema = lowerCode('department code');
const roleCodeSchema = lowerCode('role code');
const dateSchema = z.iso.date();

const localizedSchema = z.strictObject({ zh: text(2000), en: text(2000) });

export const dictionaryValueSchema = z.strictObject({
  value: text(100),
  labelZh: text(100).nullable().default(null),
  labelEn: text(200).nullable().default(null),
  synonyms: z.array(text(100)).max(20).default([]),
});

export const conditionSchema = z.union([
  z.strictObject({ field: fieldCodeSchema, in: z.array(text(100)).min(1).max(100) }),
  z.strictObject({ field: fieldCodeSchema, present: z.literal(true) }),
]);

export const fieldSchema = z.strictObject({
  code: fieldCodeSchema,
  labelZh: text(100),
  labelEn: text(200),
  type: z.enum(FIELD_TYPES),
  maxLength: z.number().int().min(1).max(100_000).nullable().default(null),
  required: z.boolean().default(false),
  requiredWhen: z.array(conditionSchema).max(10).default([]),
  blankWhen: z.array(conditionSchema).max(10).default([]),
  dictionary: z.array(dictionaryValueSchema).min(1).max(1000).nullable().default(null),
  separators: z.array(z.string().min(1).max(5)).min(1).max(10).nullable().default(null),
  notInFuture: z.boolean().default(false),
  derived: z.boolean().default(false),
  description: text(2000).nullable().default(null),
});

const periodClassSchema = z.strictObject({
  minMonths: z.number().int().min(0).max(1200),
  maxMonths: z.number().int().min(0).max(1200),
  publishedByDefault: z.boolean().default(true),
});

const penaltyRegimeSchema = z.strictObject({
  effectiveFrom: dateSchema.nullable(),
  basis: text(500),
  minor: periodClassSchema,
  general: periodClassSchema,
  serious: periodClassSchema,
});

export const periodRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('penalty_classified'),
    startField: fieldCodeSchema,
    regimes: z.array(penaltyRegimeSchema).min(1).max(20),
    unclassifiedAs: z.enum(PENALTY_CLASSES).default('general'),
  }),
  z.strictObject({ kind: z.literal('fixed'), startField: fieldCodeSchema, months: z.number().int().min(1).max(1200) }),
  z.strictObject({
    kind: z.literal('validity'),
    startField: fieldCodeSchema.nullable().default(null),
    endField: fieldCodeSchema,
    openEndDate: dateSchema.default(OPEN_END_DATE),
  }),
  z.strictObject({ kind: z.literal('none') }),
]);

export const definitionSchema = z.strictObject({
  code: itemCodeSchema,
  nameZh: text(100),
  nameEn: text(200),
  category: lowerCode('category code'),
  conduct: localizedSchema,
  legalBasis: z.array(text(500)).min(1).max(30),
  providingDepartments: z.array(departmentCodeSchema).min(1).max(100),
  subjectKinds: z.array(z.enum(SUBJECT_KIND_CODES)).min(1).max(SUBJECT_KIND_CODES.length),
  fields: z.array(fieldSchema).min(1).max(300),
  collectionMethods: z.array(z.enum(COLLECTION_METHODS)).min(1).max(COLLECTION_METHODS.length),
  updateFrequency: z.enum(UPDATE_FREQUENCIES),
  disclosure: z.enum(DISCLOSURES),
  publicWhen: z.array(conditionSchema).max(10).default([]),
  publicationPeriod: periodRuleSchema,
  retentionYears: z.number().int().min(1).max(100),
  identityKey: z.array(fieldCodeSchema).min(1).max(10),
});

export const sharingSchema = z.strictObject({
  type: z.enum(SHARING_TYPES),
  condition: localizedSchema.nullable().default(null),
  allDepartments: z.boolean().default(false),
  departments: z.array(departmentCodeSchema).max(100).default([]),
  roles: z.array(roleCodeSchema).max(50).default([]),
  methods: z.array(z.enum(SHARING_METHODS)).max(SHARING_METHODS.length).default([]),
});

export const CATALOG_DOCUMENT_FORMAT = 'xinyong.catalog';
export const CATALOG_DOCUMENT_FORMAT_VERSION = 1;

export const documentItemSchema = z.strictObject({
  definition: definitionSchema,
  sharing: sharingSchema,
  status: z.enum(ITEM_STATUSES).default('active'),
  /** Informational on import: the version it had where it was exported. */
  version: z.number().int().positive().optional(),
});

/** The export/import document: every current item with its sharing entry. */
export const catalogDocumentSchema = z.strictObject({
  format: z.literal(CATALOG_DOCUMENT_FORMAT),
  formatVersion: z.literal(CATALOG_DOCUMENT_FORMAT_VERSION),
  exportedAt: z.string().max(40).optional(),
  /** Recorded as the change note of every version the import makes. */
  changeNote: text(500).optional(),
  items: z.array(documentItemSchema).max(2000),
});

export interface CatalogDocumentItem {
  readonly definition: CatalogItemDefinition;
  readonly sharing: SharingEntry;
  readonly status: ItemStatus;
  readonly version?: number | undefined;
}

export interface CatalogDocument {
  readonly format: typeof CATALOG_DOCUMENT_FORMAT;
  readonly formatVersion: typeof CATALOG_DOCUMENT_FORMAT_VERSION;
  readonly exportedAt?: string | undefined;
  readonly changeNote?: string | undefined;
  readonly items: CatalogDocumentItem[];
}

// Compile-time proof that the schemas produce the module's declared types.
type Assert<T extends true> = T;
type _ConditionMatches = Assert<z.output<typeof conditionSchema> extends FieldCondition ? true : false>;
type _FieldMatches = Assert<z.output<typeof fieldSchema> extends CatalogField ? true : false>;
type _PeriodMatches = Assert<z.output<typeof periodRuleSchema> extends PeriodRule ? true : false>;
type _DefinitionMatches = Assert<z.output<typeof definitionSchema> extends CatalogItemDefinition ? true : false>;
type _SharingMatches = Assert<z.output<typeof sharingSchema> extends SharingEntry ? true : false>;
type _DocumentMatches = Assert<z.output<typeof catalogDocumentSchema> extends CatalogDocument ? true : false>;
