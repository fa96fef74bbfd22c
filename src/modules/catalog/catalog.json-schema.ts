/**
 * The JSON Schema (draft 2020-12) of one catalog item version: what a record's
 * payload must look like. Ingestion validates against it after its own input
 * hygiene (blank cells dropped, multi-valued cells split on `x-separators`,
 * identifiers trimmed, upper-cased and made half-width), so the schema states
 * the clean form. Facts a static schema cannot check (today's date, check
 * characters, synonym normalisation) are carried as `x-` annotations.
 */
import { MULTI_VALUE_SEPARATORS } from './catalog.dictionaries';
import type { CatalogField, CatalogItemDefinition, FieldCondition } from './catalog.types';

export type JsonSchema = Record<string, unknown>;

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

const USCC_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$';
const ORG_CODE_PATTERN = '^[0-9A-Z]{8}-?[0-9X]$';
const REGISTRATION_NUMBER_PATTERN = '^[0-9]{15}$';
const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const DECIMAL_PATTERN = '^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$';
/** 万元 with at most 6 decimals: exact to the fen, which is how it is stored. */
const AMOUNT_WAN_PATTERN = '^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,6})?$';

/** Canonical values first, then synonyms: all are accepted, `x-synonyms` says what each synonym means. */
function acceptedWords(field: CatalogField): { words: string[]; synonyms: Record<string, string> } {
  const dictionary = field.dictionary ?? [];
  const synonyms: Record<string, string> = {};
  for (const entry of dictionary) for (const synonym of entry.synonyms) synonyms[synonym] = entry.value;
  return { words: [...dictionary.map((v) => v.value), ...Object.keys(synonyms)], synonyms };
}

function valueLabels(field: CatalogField): Record<string, string> | null {
  const labelled = (field.dictionary ?? []).flatMap((v) => (v.labelZh !== null ? [[v.value, v.labelZh] as const] : []));
  return labelled.length > 0 ? Object.fromEntries(labelled) : null;
}

function typeSchema(field: CatalogField): JsonSchema {
  switch (field.type) {
    case 'string':
    case 'text':
    case 'id_number':
      return { type: 'string', minLength: 1, ...(field.maxLength !== null ? { maxLength: field.maxLength } : {}) };
    case 'date':
      return {
        type: 'string',
        format: 'date',
        pattern: DATE_PATTERN,
        ...(field.notInFuture ? { 'x-not-in-future': true } : {}),
      };
    case 'integer':
      return { type: 'integer' };
    case 'decimal':
      return { type: 'string', pattern: DECIMAL_PATTERN };
    case 'amount_wan':
      return { type: 'string', pattern: AMOUNT_WAN_PATTERN, 'x-unit': '万元', 'x-stored-as': 'fen' };
    case 'boolean':
      return { type: 'boolean' };
    case 'uscc':
      return { type: 'string', minLength: 18, maxLength: 18, pattern: USCC_PATTERN, 'x-check': 'GB 32100-2015' };
    case 'org_code':
      return { type: 'string', pattern: ORG_CODE_PATTERN, 'x-check': 'GB 11714-1997' };
    case 'registration_number':
      return { type: 'string', pattern: REGISTRATION_NUMBER_PATTERN, 'x-check': 'ISO 7064 MOD 11,10' };
    case 'enum':
    case 'multi_enum': {
      const { words, synonyms } = acceptedWords(field);
      const labels = valueLabels(field);
      const annotations = {
        ...(Object.keys(synonyms).length > 0 ? { 'x-synonyms': synonyms } : {}),
        ...(labels ? { 'x-value-labels': labels } : {}),
      };
      if (field.type === 'enum') return { type: 'string', enum: words, ...annotations };
      return {
        type: 'array',
        items: { type: 'string', enum: words },
        minItems: 1,
        uniqueItems: true,
        'x-separators': field.separators ?? MULTI_VALUE_SEPARATORS,
        ...annotations,
      };
    }
  }
}

function propertySchema(field: CatalogField): JsonSchema {
  return {
    title: field.labelZh,
    description: field.description ? `${field.labelEn}. ${field.description}` : field.labelEn,
    ...typeSchema(field),
    'x-field-type': field.type,
    'x-label-en': field.labelEn,
    ...(field.derived ? { readOnly: true, 'x-derived': true } : {}),
  };
}

/** The `if` part of one condition: the field is present and (for `in`) has one of the values. */
function conditionSchema(condition: FieldCondition, fields: ReadonlyMap<string, CatalogField>): JsonSchema {
  if (!('in' in condition)) return { required: [condition.field] };
  const target = fields.get(condition.field);
  let valueSchema: JsonSchema;
  if (target?.type === 'boolean') {
    valueSchema = { enum: condition.in.map((v) => v === 'true') };
  } else {
    // A synonym of a listed value satisfies the condition as the value itself does.
    const words = new Set(condition.in);
    for (const entry of target?.dictionary ?? []) {
      if (words.has(entry.value)) for (const synonym of entry.synonyms) words.add(synonym);
    }
    const accepted = { enum: [...words] };
    valueSchema = target?.type === 'multi_enum' ? { contains: accepted } : accepted;
  }
  return { required: [condition.field], properties: { [condition.field]: valueSchema } };
}

function whenSchema(conditions: readonly FieldCondition[], fields: ReadonlyMap<string, CatalogField>): JsonSchema {
  const parts = conditions.map((c) => conditionSchema(c, fields));
  return parts.length === 1 ? parts[0]! : { allOf: parts };
}

const describe = (conditions: readonly FieldCondition[]) =>
  conditions.map((c) => ('in' in c ? `${c.field} ∈ {${c.in.join(', ')}}` : `${c.field} present`)).join(' and ');

export interface JsonSchemaOptions {
  /** The version the schema belongs to, recorded in `$id`. */
  readonly version?: number;
}

/** Generates the JSON Schema a record of this item must satisfy. */
export function jsonSchemaFor(definition: CatalogItemDefinition, options: JsonSchemaOptions = {}): JsonSchema {
  const fields = new Map(definition.fields.map((f) => [f.code, f]));
  const rules: JsonSchema[] = [];
  for (const field of definition.fields) {
    if (!field.required && !field.derived && field.requiredWhen.length > 0) {
      rules.push({
        $comment: `${field.code} is required when ${describe(field.requiredWhen)}`,
        if: whenSchema(field.requiredWhen, fields),
        then: { required: [field.code] },
      });
    }
    if (field.blankWhen.length > 0) {
      rules.push({
        $comment: `${field.code} must be blank when ${describe(field.blankWhen)}`,
        if: whenSchema(field.blankWhen, fields),
        then: { not: { required: [field.code] } },
      });
    }
  }
  const version = options.version;
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `urn:xinyong:catalog:${definition.code}${version !== undefined ? `:v${version}` : ''}`,
    title: `${definition.nameZh} ${definition.nameEn}`,
    description: definition.conduct.zh,
    type: 'object',
    properties: Object.fromEntries(definition.fields.map((f) => [f.code, propertySchema(f)])),
    required: definition.fields.filter((f) => f.required && !f.derived).map((f) => f.code),
    additionalProperties: false,
    ...(rules.length > 0 ? { allOf: rules } : {}),
    'x-field-labels': Object.fromEntries(definition.fields.map((f) => [f.code, f.labelZh])),
    'x-field-labels-en': Object.fromEntries(definition.fields.map((f) => [f.code, f.labelEn])),
    'x-catalog': {
      item: definition.code,
      ...(version !== undefined ? { version } : {}),
      identityKey: definition.identityKey,
      disclosure: definition.disclosure,
    },
  };
}
