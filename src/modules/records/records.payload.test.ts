import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createProtector } from '../../platform/crypto';
import type { CatalogField, CatalogItem } from '../catalog';
import { normalizeIdentifier } from '../subjects';
import {
  canonicalJson,
  canonicalPayloadJson,
  digestPayload,
  maskDocumentNumber,
  normalizeKeyPart,
  normalizeKeyPartByRules,
  planFor,
  protectPayload,
} from './records.payload';

/** Just enough of an item for planFor: field codes and types. */
function itemWith(fields: Array<Pick<CatalogField, 'code' | 'type'>>): CatalogItem {
  return {
    code: 'T',
    identityKey: [fields[0]!.code],
    publicationPeriod: { kind: 'none' },
    fields: fields.map((f) => ({ required: false, notInFuture: false, ...f })),
  } as unknown as CatalogItem;
}

const protector = createProtector(Buffer.alloc(32, 7));

/** The content hash as first specified (the original contentHashOf, verbatim). */
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
function referenceHash(
  payload: Record<string, unknown>,
  idFields: readonly string[],
  classification: string | null,
): string {
  const safe: Record<string, unknown> = { ...payload };
  for (const code of idFields) {
    const value = text(safe[code]);
    if (value !== null) safe[code] = `hmac:${protector.lookupHash(normalizeIdentifier(value))}`;
  }
  return createHash('sha256')
    .update(canonicalJson({ payload: safe, classification }))
    .digest('hex');
}

describe('records: canonical payload JSON', () => {
  const codes = ['CF_XDR_MC', 'CF_WSH', 'CF_NR_FK', 'CF_CFLB', 'cf_lower', 'Z', 'CF_XDR_ZJHM', 'A_B', 'é'];
  const item = itemWith(codes.map((code) => ({ code, type: code === 'CF_XDR_ZJHM' ? 'id_number' : 'text' })));
  const plan = planFor(item);
  const scalar = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  );
  const value = fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 4 }),
    fc.array(fc.oneof(scalar, fc.array(scalar), fc.date()), { maxLength: 3 }),
    fc.dictionary(fc.string(), scalar),
    fc.date(),
  );
  const payloads = fc.dictionary(fc.constantFrom(...codes, 'extra', '10', '2', '__proto__'), value, { maxKeys: 12 });

  it('is canonicalJson byte for byte, whatever the keys, values and their order', () => {
    fc.assert(
      fc.property(payloads, (payload) => {
        const reversed = Object.fromEntries(Object.entries(payload).reverse());
        expect(canonicalPayloadJson(plan, payload)).toBe(canonicalJson(payload));
        expect(canonicalPayloadJson(plan, reversed)).toBe(canonicalJson(payload));
      }),
      { numRuns: 2000 },
    );
  });

  it('hashes as first specified and reuses the canonical text as the stored form when no ID number is present', () => {
    const onlyFieldValues = fc.dictionary(fc.constantFrom(...codes), fc.oneof(fc.string(), fc.array(fc.string())), {
      maxKeys: 9,
    });
    fc.assert(
      fc.property(onlyFieldValues, fc.constantFrom(null, 'minor', 'serious'), (payload, classification) => {
        const digest = digestPayload(plan, payload, classification, protector);
        expect(digest.hash).toBe(referenceHash(payload, ['CF_XDR_ZJHM'], classification));
        const stored = protectPayload(plan, payload, protector, digest.plainJson);
        const id = text(payload.CF_XDR_ZJHM);
        if (id !== null) {
          expect(digest.plainJson).toBeNull();
          const masked = { ...payload, CF_XDR_ZJHM: maskDocumentNumber(id) };
          expect(stored.payload).toBe(canonicalJson(masked));
          expect(Object.keys(JSON.parse(stored.protectedPayload!) as object)).toEqual(['CF_XDR_ZJHM']);
        } else {
          expect(digest.plainJson).toBe(canonicalJson(payload));
          expect(stored).toEqual({ payload: canonicalJson(payload), protectedPayload: null });
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('records: key parts', () => {
  it('normalises in one pass exactly as the rules do', () => {
    const brackets = '〔［【（(〕］】）)\u3014\uff3b\u3010\uff08\u3015\uff3d\u3011\uff09';
    const tricky = fc.constantFrom(
      ...`${brackets}ａｚＡＺ０９！～ \t\u3000\u200b\u2060\ufeff\u00a0azAZ09-号罚京\ud83d\ude00\ud800`,
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(tricky, fc.string({ unit: 'binary' }))), (parts) => {
        const value = parts.join('');
        expect(normalizeKeyPart(value)).toBe(normalizeKeyPartByRules(value));
      }),
      { numRuns: 3000 },
    );
    for (let c = 0; c <= 0xffff; c++) {
      const value = `a${String.fromCharCode(c)}b`;
      if (normalizeKeyPart(value) !== normalizeKeyPartByRules(value)) throw new Error(`differs at U+${c.toString(16)}`);
    }
  });
});
