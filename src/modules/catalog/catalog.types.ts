/**
 * The shape of a collection catalog item (DOMAIN §2): what may enter a credit
 * record, who provides it, how it is disclosed and for how long. These types
 * are the module's contract; `catalog.schemas.ts` checks at compile time that
 * the zod schemas produce exactly them.
 */

export const FIELD_TYPES = [
  'string',
  'text',
  'date',
  'integer',
  'decimal',
  /** 万元 with up to 6 decimals, i.e. exact to the fen; a decimal string. */
  'amount_wan',
  'enum',
  'multi_enum',
  'uscc',
  'org_code',
  'registration_number',
  /** A personal identity document number: personal information, masked on public pages. */
  'id_number',
  'boolean',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Types whose values are free text and need a stated `maxLength`. */
export const TEXT_FIELD_TYPES: FieldType[] = ['string', 'text', 'id_number'];

export const DISCLOSURES = ['public', 'authorised', 'government'] as const;
/** 主动公开 · 授权查询 (on the subject's authorisation) · 政务共享 (government only). */
export type Disclosure = (typeof DISCLOSURES)[number];

export const COLLECTION_METHODS = ['api', 'file', 'form', 'exchange'] as const;
export type CollectionMethod = (typeof COLLECTION_METHODS)[number];

export const UPDATE_FREQUENCIES = [
  'realtime',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'yearly',
  'on_change',
] as const;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number];

/**
 * The four subject kinds (the subjects module's dictionary holds their names;
 * catalog comes before subjects in the module order, so the codes are repeated here).
 */
export const SUBJECT_KIND_CODES = ['legal_person', 'other_org', 'individual_business', 'natural_person'] as const;
export type SubjectKindCode = (typeof SUBJECT_KIND_CODES)[number];

export const ITEM_STATUSES = ['active', 'retired'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** One allowed value of an enum field; synonyms are accepted on input and normalised to `value`. */
export interface DictionaryValue {
  readonly value: string;
  readonly labelZh: string | null;
  readonly labelEn: string | null;
  readonly synonyms: string[];
}

/**
 * A condition on another field of the same record: its value is one of `in`
 * (for a multi-valued field: any of its values is), or it is present at all.
 */
export type FieldCondition =
  { readonly field: string; readonly in: string[] } | { readonly field: string; readonly present: true };

export interface CatalogField {
  /** Exchange code, e.g. `CF_WSH`; unique within the item. */
  readonly code: string;
  /** Chinese label, unique within the item: import files use it as a column header. */
  readonly labelZh: string;
  readonly labelEn: string;
  readonly type: FieldType;
  /** Characters; required for free-text types. */
  readonly maxLength: number | null;
  readonly required: boolean;
  /** Required when every condition holds (ignored when `required`). */
  readonly requiredWhen: FieldCondition[];
  /** Must be blank when every condition holds (e.g. organisation codes of a natural person). */
  readonly blankWhen: FieldCondition[];
  /** Allowed values of `enum` and `multi_enum` fields. */
  readonly dictionary: DictionaryValue[] | null;
  /** `multi_enum` only: the separators accepted in exchange files, the first one canonical. */
  readonly separators: string[] | null;
  /** `date` only: a date after today is refused. */
  readonly notInFuture: boolean;
  /** Computed by the platform (e.g. 公示截止期 CF_GSJZQ), never required from a provider. */
  readonly derived: boolean;
  readonly description: string | null;
}

/** Publication window of one penalty class, counted in months from the start field. */
export interface PeriodClass {
  readonly minMonths: number;
  readonly maxMonths: number;
  /** Minor penalties are normally not published at all. */
  readonly publishedByDefault: boolean;
}

/** A regime applies to records whose start date is on or after `effectiveFrom` (null: the earliest regime). */
export interface PenaltyRegime {
  readonly effectiveFrom: string | null;
  readonly basis: string;
  readonly minor: PeriodClass;
  readonly general: PeriodClass;
  readonly serious: PeriodClass;
}

export const PENALTY_CLASSES = ['minor', 'general', 'serious'] as const;
export type PenaltyClass = (typeof PENALTY_CLASSES)[number];

export const PERIOD_RULE_KINDS = ['penalty_classified', 'fixed', 'validity', 'none'] as const;

/**
 * How long a record stays published (DOMAIN §4). Legal periods change, so the
 * penalty rule is a list of dated regimes rather than constants.
 */
export type PeriodRule =
  | {
      readonly kind: 'penalty_classified';
      /** The date field the periods count from (the decision date). */
      readonly startField: string;
      readonly regimes: PenaltyRegime[];
      /** Class of a record nobody classified. */
      readonly unclassifiedAs: PenaltyClass;
    }
  | { readonly kind: 'fixed'; readonly startField: string; readonly months: number }
  | {
      /** Published until the record's own end date (e.g. a licence's 有效期至). */
      readonly kind: 'validity';
      readonly startField: string | null;
      readonly endField: string;
      /** The end date that means "no end" (9999-12-31 in exchange files). */
      readonly openEndDate: string;
    }
  /** No publication window: the item is not published, or is published without a time limit. */
  | { readonly kind: 'none' };

export interface LocalizedNote {
  readonly zh: string;
  readonly en: string;
}

/** What a submitted or stored item says; versioned as a whole. */
export interface CatalogItemDefinition {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly category: string;
  /** The conduct (行为) the item records. */
  readonly conduct: LocalizedNote;
  /** Laws and policy documents that allow collecting it. */
  readonly legalBasis: string[];
  readonly providingDepartments: string[];
  readonly subjectKinds: SubjectKindCode[];
  readonly fields: CatalogField[];
  readonly collectionMethods: CollectionMethod[];
  readonly updateFrequency: UpdateFrequency;
  readonly disclosure: Disclosure;
  /** Records matching every condition are public whatever `disclosure` says (e.g. tax grade A). */
  readonly publicWhen: FieldCondition[];
  readonly publicationPeriod: PeriodRule;
  /** Years a record is kept after it stops being published or valid. */
  readonly retentionYears: number;
  /** Fields that, with the providing department and the item, identify a record (e.g. CF_WSH). */
  readonly identityKey: string[];
}

export const SHARING_TYPES = ['unconditional', 'conditional', 'none'] as const;
/** 无条件共享 · 有条件共享 · 不予共享. */
export type SharingType = (typeof SHARING_TYPES)[number];

export const SHARING_METHODS = ['online_query', 'bulk', 'push'] as const;
export type SharingMethod = (typeof SHARING_METHODS)[number];

/** The sharing catalog entry of an item (DOMAIN §2, plan C2 "share by default"). */
export interface SharingEntry {
  readonly type: SharingType;
  /** Required for conditional sharing. */
  readonly condition: LocalizedNote | null;
  readonly allDepartments: boolean;
  readonly departments: string[];
  readonly roles: string[];
  readonly methods: SharingMethod[];
}

export const CHANGE_KINDS = ['create', 'update', 'retire', 'sharing', 'seed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One version of an item as stored and returned: the definition plus its state. */
export interface CatalogItem extends CatalogItemDefinition {
  readonly version: number;
  readonly currentVersion: number;
  readonly status: ItemStatus;
  readonly sharing: SharingEntry;
  readonly changeKind: ChangeKind;
  readonly changeNote: string | null;
  /** When this version was made. */
  readonly versionCreatedAt: string;
  readonly versionCreatedBy: string;
}

export interface CatalogItemSummary {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly category: string;
  readonly disclosure: Disclosure;
  readonly status: ItemStatus;
  readonly currentVersion: number;
  readonly updatedAt: string;
}

export interface CatalogVersionSummary {
  readonly version: number;
  readonly status: ItemStatus;
  readonly changeKind: ChangeKind;
  readonly changeNote: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface CatalogCategory {
  readonly code: string;
  /** Position in the national basic catalog (2024 edition). */
  readonly seq: number;
  readonly nameZh: string;
  readonly nameEn: string;
}
