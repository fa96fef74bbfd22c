/**
 * What the records module reads out of a validated payload: the record key,
 * the subject as submitted, the decision date, the penalty kinds; and how a
 * payload is stored: ID numbers masked in `payload`, encrypted in
 * `protected_payload`, and a content hash that tells an unchanged
 * re-submission from a correction without exposing any ID number.
 */
import { createHash } from 'node:crypto';
import type { Protector } from '../../platform/crypto';
import type { CatalogField, CatalogItem, FieldCondition } from '../catalog';
import { maskCitizenId, normalizeIdentifier, usccToOrgCode } from '../subjects';
import { isIsoDate } from './records.dates';

/** The fields of an item that play a known role, found once per call. */
export interface ItemPlan {
  readonly item: CatalogItem;
  readonly keyFields: readonly CatalogField[];
  readonly nameField: string | null;
  readonly kindField: string | null;
  readonly usccField: string | null;
  readonly orgCodeField: string | null;
  readonly registrationField: string | null;
  readonly idNumberField: string | null;
  /** Every `id_number` field (the subject's and a legal representative's). */
  readonly protectedFields: readonly string[];
  readonly decisionDateField: string | null;
  readonly penaltyKindsField: string | null;
}

const endsWithAny = (code: string, suffixes: readonly string[]) => suffixes.some((s) => code.endsWith(s));

/**
 * Subject fields follow the exchange standard's naming (DOMAIN §3): the
 * counterpart block `<P>_XDR_*` of double publicity and the `<P>_ZTMC` /
 * `<P>_QYMC` / `<P>_TYSHXYDM` blocks of the other items. Authorities' own
 * USCCs (CF_CFJGDM…) and a legal representative's ID (…_FR_ZJHM) are not the
 * subject's.
 */
export function planFor(item: CatalogItem): ItemPlan {
  const fields = item.fields;
  const find = (pred: (f: CatalogField) => boolean) => fields.find(pred)?.code ?? null;
  const byCode = new Map(fields.map((f) => [f.code, f]));
  const startField = item.publicationPeriod.kind === 'none' ? null : item.publicationPeriod.startField;
  return {
    item,
    keyFields: item.identityKey.map((code) => {
      const field = byCode.get(code);
      if (!field) throw new Error(`identity key field ${code} is not a field of ${item.code}`);
      return field;
    }),
    nameField: find((f) => endsWithAny(f.code, ['_XDR_MC', '_ZTMC', '_QYMC'])),
    kindField: find((f) => f.type === 'enum' && endsWithAny(f.code, ['_XDR_LB', '_ZTLB'])),
    usccField: find((f) => f.type === 'uscc' && endsWithAny(f.code, ['_XDR_SHXYM', '_TYSHXYDM'])),
    orgCodeField: find((f) => f.type === 'org_code'),
    registrationField: find((f) => f.type === 'registration_number'),
    idNumberField: find((f) => f.type === 'id_number' && !f.code.includes('_FR_')),
    protectedFields: fields.filter((f) => f.type === 'id_number').map((f) => f.code),
    // The decision date: a required date that may not be in the future; else where periods start.
    decisionDateField: find((f) => f.type === 'date' && f.required && f.notInFuture) ?? startField,
    penaltyKindsField: find((f) => (f.type === 'multi_enum' || f.type === 'enum') && f.code.endsWith('_CFLB')),
  };
}

// Bracket look-alikes in decision numbers (京海市监罚〔2026〕12号 / [2026] / （2026）/【2026】).
const OPENING = /[〔［【（(\u3014\uff3b\u3010\uff08]/g;
const CLOSING = /[〕］】）)\u3015\uff3d\u3011\uff09]/g;
const FULL_WIDTH = /[\uff01-\uff5e]/g;

/**
 * One identity-key value, normalised so that re-typings of the same document
 * number are the same key: half-width, no whitespace, ASCII upper-case, one
 * form of bracket.
 */
export function normalizeKeyPart(value: string): string {
  return value
    .replace(OPENING, '[')
    .replace(CLOSING, ']')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[a-z]/g, (c) => c.toUpperCase());
}

const text = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(String).join(';');
  const s =
    typeof value === 'string'
      ? value.trim()
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  return s === '' ? null : s;
};

/** The record key, or null when a key field is blank. ID numbers in a key enter only as their keyed hash. */
export function recordKeyOf(
  plan: ItemPlan,
  payload: Readonly<Record<string, unknown>>,
  protector: Protector,
): string | null {
  const parts: string[] = [];
  for (const field of plan.keyFields) {
    const value = text(payload[field.code]);
    if (value === null) return null;
    parts.push(field.type === 'id_number' ? protector.lookupHash(normalizeIdentifier(value)) : normalizeKeyPart(value));
  }
  return parts.join('\u001f');
}

/** Masks any personal document number: citizen IDs as 110108********123X, others keep 2 + 2 characters. */
export function maskDocumentNumber(value: string): string {
  const n = normalizeIdentifier(value);
  if (/^\d{17}[\dX]$/.test(n)) return maskCitizenId(n);
  if (n.length <= 4) return '*'.repeat(n.length);
  return `${n.slice(0, 2)}${'*'.repeat(n.length - 4)}${n.slice(-2)}`;
}

/** JSON with keys sorted at every level: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export interface SubjectAsSubmitted {
  readonly type: string | null;
  readonly name: string | null;
  readonly uscc: string | null;
  readonly orgCode: string | null;
  /** The organisation code embedded in the USCC (GB 32100 positions 9–17), when it checks. */
  readonly derivedOrgCode: string | null;
  readonly registrationNumber: string | null;
  readonly idHash: string | null;
  readonly idMasked: string | null;
  readonly isNaturalPerson: boolean;
}

const formatOrgCode = (value: string) => {
  const n = normalizeIdentifier(value);
  return n.length === 9 ? `${n.slice(0, 8)}-${n.slice(8)}` : n;
};

export function subjectOf(
  plan: ItemPlan,
  payload: Readonly<Record<string, unknown>>,
  protector: Protector,
): SubjectAsSubmitted {
  const get = (field: string | null) => (field ? text(payload[field]) : null);
  const uscc = get(plan.usccField);
  const idNumber = get(plan.idNumberField);
  const type = get(plan.kindField);
  const normalizedUscc = uscc ? normalizeIdentifier(uscc) : null;
  const orgCode = get(plan.orgCodeField);
  const registration = get(plan.registrationField);
  return {
    type,
    name: get(plan.nameField)?.replace(/[\s\u3000]+/g, ' ') ?? null,
    uscc: normalizedUscc,
    orgCode: orgCode ? formatOrgCode(orgCode) : null,
    derivedOrgCode: normalizedUscc ? usccToOrgCode(normalizedUscc) : null,
    registrationNumber: registration ? normalizeIdentifier(registration) : null,
    idHash: idNumber ? protector.lookupHash(normalizeIdentifier(idNumber)) : null,
    idMasked: idNumber ? maskDocumentNumber(idNumber) : null,
    isNaturalPerson: type === '自然人' || (!type && !!idNumber && !uscc),
  };
}

export function decisionDateOf(plan: ItemPlan, payload: Readonly<Record<string, unknown>>): string | null {
  const value = plan.decisionDateField ? payload[plan.decisionDateField] : null;
  return isIsoDate(value) ? value : null;
}

export function penaltyKindsOf(plan: ItemPlan, payload: Readonly<Record<string, unknown>>): string[] {
  const value = plan.penaltyKindsField ? payload[plan.penaltyKindsField] : null;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' && value ? [value] : [];
}

/**
 * The content hash: sha256 over the canonical payload and the submitted
 * classification, with each ID number replaced by its keyed hash. A plain
 * sha256 over a clear ID number could be reversed by trying the few
 * thousand numbers a known birth date and region leave.
 */
export function contentHashOf(
  plan: ItemPlan,
  payload: Readonly<Record<string, unknown>>,
  classification: string | null,
  protector: Protector,
): string {
  const safe: Record<string, unknown> = { ...payload };
  for (const code of plan.protectedFields) {
    const value = text(safe[code]);
    if (value !== null) safe[code] = `hmac:${protector.lookupHash(normalizeIdentifier(value))}`;
  }
  return createHash('sha256')
    .update(canonicalJson({ payload: safe, classification }))
    .digest('hex');
}

/** The stored forms: the payload with ID numbers masked, and their ciphertexts aside. */
export function protectPayload(
  plan: ItemPlan,
  payload: Readonly<Record<string, unknown>>,
  protector: Protector,
): { payload: string; protectedPayload: string | null } {
  const masked: Record<string, unknown> = { ...payload };
  const sealed: Record<string, string> = {};
  for (const code of plan.protectedFields) {
    const value = text(masked[code]);
    if (value === null) continue;
    masked[code] = maskDocumentNumber(value);
    sealed[code] = protector.encrypt(value);
  }
  return {
    payload: canonicalJson(masked),
    protectedPayload: Object.keys(sealed).length > 0 ? JSON.stringify(sealed) : null,
  };
}

/** True when every condition holds for the payload (the catalog's `publicWhen`). */
export function conditionsHold(
  conditions: readonly FieldCondition[],
  payload: Readonly<Record<string, unknown>>,
): boolean {
  if (conditions.length === 0) return false;
  return conditions.every((c) => {
    const value = payload[c.field];
    if (!('in' in c)) return text(value) !== null;
    const values = Array.isArray(value)
      ? value.map(String)
      : value === undefined || value === null
        ? []
        : [text(value)];
    return values.some((v) => v !== null && c.in.includes(v));
  });
}
