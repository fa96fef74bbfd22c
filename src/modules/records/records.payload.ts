/**
 * What the records module reads out of a validated payload: the record key,
 * the subject as submitted, the decision date, the penalty kinds; and how a
 * payload is stored: ID numbers masked in `payload`, encrypted in
 * `protected_payload`, and a content hash that tells an unchanged
 * re-submission from a correction without exposing any ID number.
 */
import { hash } from 'node:crypto';
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

/** The key-part rules as regular expressions: the reference `normalizeKeyPart` must agree with. */
export function normalizeKeyPartByRules(value: string): string {
  return value
    .replace(OPENING, '[')
    .replace(CLOSING, ']')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[a-z]/g, (c) => c.toUpperCase());
}

/** The UTF-16 code units a one-character pattern matches (the rules work on code units too). */
const codesOf = (pattern: RegExp) => {
  const one = new RegExp(pattern.source);
  const set = new Set<number>();
  for (let c = 0; c <= 0xffff; c++) if (one.test(String.fromCharCode(c))) set.add(c);
  return set;
};
/** What each code unit becomes: 1 '[', 2 ']', 3 dropped, 0 kept (half-width, upper-case). Built on first use. */
let codeRoles: Uint8Array | null = null;
function rolesOfCodes(): Uint8Array {
  const roles = new Uint8Array(0x10000);
  for (const c of codesOf(/[\s\u200B-\u200D\u2060\uFEFF]/)) roles[c] = 3;
  for (const c of codesOf(CLOSING)) roles[c] = 2;
  for (const c of codesOf(OPENING)) roles[c] = 1;
  return roles;
}

/**
 * One identity-key value, normalised so that re-typings of the same document
 * number are the same key: half-width, no whitespace, ASCII upper-case, one
 * form of bracket (the rules of `normalizeKeyPartByRules`, in one pass).
 */
export function normalizeKeyPart(value: string): string {
  const roles = (codeRoles ??= rolesOfCodes());
  let out = '';
  for (let i = 0; i < value.length; i++) {
    let c = value.charCodeAt(i);
    const role = roles[c];
    if (role === 1) out += '[';
    else if (role === 2) out += ']';
    else if (role === 3) continue;
    else {
      if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
      if (c >= 0x61 && c <= 0x7a) c -= 0x20;
      out += String.fromCharCode(c);
    }
  }
  return out;
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

/** `normalizeIdentifier`, skipped for the usual case of a value already in its normal form. */
const ALREADY_NORMAL = /^[0-9A-Z]*$/;
const normalId = (value: string): string => (ALREADY_NORMAL.test(value) ? value : normalizeIdentifier(value));

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
    parts.push(field.type === 'id_number' ? protector.lookupHash(normalId(value)) : normalizeKeyPart(value));
  }
  return parts.join('\u001f');
}

/** Masks any personal document number: citizen IDs as 110108********123X, others keep 2 + 2 characters. */
export function maskDocumentNumber(value: string): string {
  const n = normalId(value);
  if (/^\d{17}[\dX]$/.test(n)) return maskCitizenId(n);
  if (n.length <= 4) return '*'.repeat(n.length);
  return `${n.slice(0, 2)}${'*'.repeat(n.length - 4)}${n.slice(-2)}`;
}

/** JSON with keys sorted at every level: equal content, equal text. The reference form; see `canonicalPayloadJson`. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** Array indices are enumerated before other keys whatever their order, so sorting them as text would differ. */
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * An item's field codes in the order `canonicalJson` sorts them; null when
 * one looks like an array index (or is `__proto__`, which an assignment
 * would not make a key).
 */
const sortedCodesOf = new WeakMap<CatalogItem, readonly string[] | null>();
function sortedCodes(item: CatalogItem): readonly string[] | null {
  let codes = sortedCodesOf.get(item);
  if (codes === undefined) {
    const unique = [...new Set(item.fields.map((f) => f.code))];
    codes = unique.some((code) => ARRAY_INDEX.test(code) || code === '__proto__')
      ? null
      : unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sortedCodesOf.set(item, codes);
  }
  return codes;
}

/** A value JSON.stringify writes exactly as canonicalJson does: a scalar, or an array of scalars. */
function plainValue(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (!Array.isArray(value)) return false;
  for (const element of value) if (element !== null && typeof element === 'object') return false;
  return true;
}

/**
 * `canonicalJson(payload)`, byte for byte, at the speed of a plain
 * JSON.stringify: a payload is a flat object of the item's fields holding
 * scalars or arrays of scalars, so a copy with its keys in the sorted order
 * (known once per item) serialises to the canonical text. Anything else
 * (nested objects, unknown keys, index-like keys) takes `canonicalJson` itself.
 */
export function canonicalPayloadJson(plan: ItemPlan, payload: Readonly<Record<string, unknown>>): string {
  const codes = sortedCodes(plan.item);
  if (!codes) return canonicalJson(payload);
  const sorted: Record<string, unknown> = {};
  let present = 0;
  for (const code of codes) {
    if (!Object.hasOwn(payload, code)) continue;
    present += 1;
    const value = payload[code];
    if (!plainValue(value)) return canonicalJson(payload);
    sorted[code] = value;
  }
  if (present !== Object.keys(payload).length) return canonicalJson(payload);
  return JSON.stringify(sorted);
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
  const n = normalId(value);
  return n.length === 9 ? `${n.slice(0, 8)}-${n.slice(8)}` : n;
};

/** The organisation codes embedded in recent USCCs: a subject recurs across the rows of an import. */
const embeddedOrgCodes = new Map<string, string | null>();
function embeddedOrgCode(uscc: string): string | null {
  let code = embeddedOrgCodes.get(uscc);
  if (code === undefined) {
    code = usccToOrgCode(uscc);
    if (embeddedOrgCodes.size >= 50_000) embeddedOrgCodes.clear();
    embeddedOrgCodes.set(uscc, code);
  }
  return code;
}

const fieldText = (payload: Readonly<Record<string, unknown>>, code: string | null) =>
  code ? text(payload[code]) : null;

export function subjectOf(
  plan: ItemPlan,
  payload: Readonly<Record<string, unknown>>,
  protector: Protector,
): SubjectAsSubmitted {
  const uscc = fieldText(payload, plan.usccField);
  const idNumber = fieldText(payload, plan.idNumberField);
  const type = fieldText(payload, plan.kindField);
  const normalizedUscc = uscc ? normalId(uscc) : null;
  const orgCode = fieldText(payload, plan.orgCodeField);
  const registration = fieldText(payload, plan.registrationField);
  return {
    type,
    name: fieldText(payload, plan.nameField)?.replace(/[\s\u3000]+/g, ' ') ?? null,
    uscc: normalizedUscc,
    orgCode: orgCode ? formatOrgCode(orgCode) : null,
    derivedOrgCode: normalizedUscc ? embeddedOrgCode(normalizedUscc) : null,
    registrationNumber: registration ? normalId(registration) : null,
    idHash: idNumber ? protector.lookupHash(normalId(idNumber)) : null,
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
 * The payload with each ID number replaced by `replace(value)`; the payload
 * itself (not a copy) when it holds none.
 */
function replaceProtected(
  plan: ItemPlan,
  payload: Readonly<Record<string, unknown>>,
  replace: (code: string, value: string) => string,
): Readonly<Record<string, unknown>> {
  let out: Record<string, unknown> | null = null;
  for (const code of plan.protectedFields) {
    const value = text(payload[code]);
    if (value === null) continue;
    out ??= { ...payload };
    out[code] = replace(code, value);
  }
  return out ?? payload;
}

export interface PayloadDigest {
  /** The content hash (see `contentHashOf`). */
  readonly hash: string;
  /** The canonical JSON of a payload that holds no ID number: then also its stored form. */
  readonly plainJson: string | null;
}

/**
 * The content hash: sha256 over the canonical payload and the submitted
 * classification, with each ID number replaced by its keyed hash. A plain
 * sha256 over a clear ID number could be reversed by trying the few
 * thousand numbers a known birth date and region leave.
 */
export function digestPayload(
  plan: ItemPlan,
  payload: Readonly<Record<string, unknown>>,
  classification: string | null,
  protector: Protector,
): PayloadDigest {
  const safe = replaceProtected(plan, payload, (_code, value) => `hmac:${protector.lookupHash(normalId(value))}`);
  const json = canonicalPayloadJson(plan, safe);
  // canonicalJson({ payload: safe, classification }): the two keys in sorted order.
  const wrapped =
    classification === undefined
      ? `{"payload":${json}}`
      : `{"classification":${JSON.stringify(classification)},"payload":${json}}`;
  return { hash: hash('sha256', wrapped, 'hex'), plainJson: safe === payload ? json : null };
}

export function contentHashOf(
  plan: ItemPlan,
  payload: Readonly<Record<string, unknown>>,
  classification: string | null,
  protector: Protector,
): string {
  return digestPayload(plan, payload, classification, protector).hash;
}

/**
 * The stored forms: the payload with ID numbers masked, and their ciphertexts
 * aside. `plainJson` (from `digestPayload`) saves serialising a payload that
 * holds no ID number twice.
 */
export function protectPayload(
  plan: ItemPlan,
  payload: Readonly<Record<string, unknown>>,
  protector: Protector,
  plainJson: string | null = null,
): { payload: string; protectedPayload: string | null } {
  let sealed: Record<string, string> | null = null;
  const masked = replaceProtected(plan, payload, (code, value) => {
    (sealed ??= {})[code] = protector.encrypt(value);
    return maskDocumentNumber(value);
  });
  if (masked === payload && plainJson !== null) return { payload: plainJson, protectedPayload: null };
  return {
    payload: canonicalPayloadJson(plan, masked),
    protectedPayload: sealed ? JSON.stringify(sealed) : null,
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
