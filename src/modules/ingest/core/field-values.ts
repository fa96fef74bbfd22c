/**
 * One cell → the stored value of its field, by field type, after input
 * hygiene. Each parser returns the clean value or a coded bilingual reason;
 * none throws. Rules that need other fields (conditions, ID type, date
 * ranges) live in validate-row.
 */
import type { CatalogField, FieldType } from '../../catalog';
import type { LocalizedText } from '../../../platform/errors';
import { checkIdentifier, type IdentifierKind } from '../../subjects';
import { wanToFen } from './amount';
import { parseDate } from './dates';
import { characterCount, normalizeLine, normalizeMultiline, normalizeStructured } from './text-normalize';

export type Parsed =
  | { readonly ok: true; readonly value: unknown; readonly words: readonly string[] }
  | { readonly ok: false; readonly code: string; readonly reason: LocalizedText };

const fail = (code: string, reason: LocalizedText): Parsed => ({ ok: false, code, reason });
const good = (value: unknown, words: readonly string[] = []): Parsed => ({ ok: true, value, words });

/** Dictionary lookup key: half-width, no spaces, ASCII upper-case — `居民 身份证` and `居民身份证` are one word. */
export const dictionaryKey = (word: string): string =>
  normalizeStructured(word)
    .replace(/\s/g, '')
    .replace(/[a-z]+/g, (s) => s.toUpperCase());

export interface FieldPlan {
  readonly field: CatalogField;
  /** Dictionary key → canonical value (values, synonyms and Chinese labels all lead to the value). */
  readonly dictionary: ReadonlyMap<string, string> | null;
  readonly separators: RegExp | null;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function planField(field: CatalogField, defaultSeparators: readonly string[]): FieldPlan {
  let dictionary: Map<string, string> | null = null;
  if (field.dictionary) {
    dictionary = new Map();
    for (const entry of field.dictionary) {
      for (const word of [entry.labelZh, ...entry.synonyms]) if (word) dictionary.set(dictionaryKey(word), entry.value);
    }
    // Values last: a value always means itself, whatever a label elsewhere says.
    for (const entry of field.dictionary) dictionary.set(dictionaryKey(entry.value), entry.value);
  }
  let separators: RegExp | null = null;
  if (field.type === 'multi_enum') {
    // Cells are half-width by the time they are split, so full-width separators are folded as well.
    const list = [...(field.separators ?? defaultSeparators)].flatMap((s) => [s, normalizeStructured(s)]);
    separators = new RegExp(`(?:${[...new Set(list)].map(escapeRegExp).join('|')})`);
  }
  return { field, dictionary, separators };
}

const IDENTIFIER_KINDS: Partial<Record<FieldType, IdentifierKind>> = {
  uscc: 'uscc',
  org_code: 'org_code',
  registration_number: 'registration_number',
};

function allowedWords(plan: FieldPlan): string {
  const values = (plan.field.dictionary ?? []).map((v) => v.value);
  return values.length > 20 ? `${values.slice(0, 20).join('、')}…` : values.join('、');
}

function maxLengthCheck(field: CatalogField, text: string): Parsed {
  const max = field.maxLength;
  if (max !== null) {
    const length = characterCount(text);
    if (length > max) {
      return fail('too_long', {
        zh: `超过 ${max} 个字符（实际 ${length} 个）`,
        en: `longer than ${max} characters (${length})`,
      });
    }
  }
  return good(text, [text]);
}

function enumValue(plan: FieldPlan, text: string): Parsed {
  const value = plan.dictionary?.get(dictionaryKey(text));
  if (value !== undefined) return good(value, [value]);
  return fail('not_in_dictionary', {
    zh: `“${text}”不是可选值；可选：${allowedWords(plan)}`,
    en: `"${text}" is not an allowed value; allowed: ${allowedWords(plan)}`,
  });
}

function multiEnumValue(plan: FieldPlan, text: string): Parsed {
  const parts = text
    .split(plan.separators ?? /;/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const values: string[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const value = plan.dictionary?.get(dictionaryKey(part));
    if (value === undefined) unknown.push(part);
    else if (!values.includes(value)) values.push(value);
  }
  if (unknown.length > 0) {
    return fail('not_in_dictionary', {
      zh: `“${unknown.join('、')}”不是可选值；可选：${allowedWords(plan)}（多个值用 ; 分隔）`,
      en: `"${unknown.join('", "')}" ${unknown.length > 1 ? 'are not allowed values' : 'is not an allowed value'}; allowed: ${allowedWords(plan)} (separate several with ;)`,
    });
  }
  return good(values, values);
}

const GROUPED_INTEGER = /^[+-]?\d{1,3}(,\d{3})+$/;

function integerValue(text: string): Parsed {
  const plain = GROUPED_INTEGER.test(text) ? text.replaceAll(',', '') : text;
  // `3.0` is what some exports write for a whole number.
  const match = /^([+-]?\d+)(?:\.0*)?$/.exec(plain);
  const value = match?.[1] === undefined ? NaN : Number(match[1]);
  if (!Number.isSafeInteger(value)) {
    return fail('integer_invalid', { zh: '应为整数', en: 'must be a whole number' });
  }
  return good(value === 0 ? 0 : value, [String(value)]);
}

function decimalValue(text: string): Parsed {
  const match = /^([+-]?)(\d*)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[2] === '' && match[3] === undefined)) {
    return fail('decimal_invalid', { zh: '应为数字，如 85.5', en: 'must be a number, e.g. 85.5' });
  }
  const whole = (match[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = match[3] ?? '';
  const zero = /^0*$/.test(whole + fraction);
  // Kept as a string: decimals are exact, a float would not be.
  const value = `${match[1] === '-' && !zero ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  return good(value, [value]);
}

const TRUE_WORDS = new Set(['是', '有', 'TRUE', 'T', 'Y', 'YES', '1']);
const FALSE_WORDS = new Set(['否', '无', 'FALSE', 'F', 'N', 'NO', '0']);

function booleanValue(text: string): Parsed {
  const key = dictionaryKey(text);
  if (TRUE_WORDS.has(key)) return good(true, ['true']);
  if (FALSE_WORDS.has(key)) return good(false, ['false']);
  return fail('boolean_invalid', { zh: '应填“是”或“否”', en: 'must be 是 (yes) or 否 (no)' });
}

/**
 * Identifier results by allow list, then by kind and cell. Files repeat the same
 * codes on every row (the deciding authority, the data source), so checking each
 * distinct code once is most of the identifier cost saved. Bounded: cleared when full.
 */
const identifierMemo = new WeakMap<readonly string[], Map<string, Parsed>>();
const IDENTIFIER_MEMO_LIMIT = 10_000;

function identifierValue(kind: IdentifierKind, raw: string, allowList: readonly string[]): Parsed {
  let memo = identifierMemo.get(allowList);
  if (!memo) identifierMemo.set(allowList, (memo = new Map<string, Parsed>()));
  const key = `${kind}\u0000${raw}`;
  const known = memo.get(key);
  if (known) return known;
  const check = checkIdentifier(raw, { kind, allowList });
  let parsed: Parsed;
  if (check.valid) {
    parsed = good(check.normalized, [check.normalized]);
  } else {
    const reason = check.reason ?? { code: 'unknown_format', zh: '代码无效', en: 'invalid identifier' };
    parsed = fail(`identifier.${reason.code}`, { zh: reason.zh, en: reason.en });
  }
  if (memo.size >= IDENTIFIER_MEMO_LIMIT) memo.clear();
  memo.set(key, parsed);
  return parsed;
}

export interface ParseContext {
  readonly usccAllowList: readonly string[];
}

/** Parses a non-blank cell by its field's type; `id_number` is checked later, once its document type is known. */
export function parseCell(plan: FieldPlan, raw: string, ctx: ParseContext): Parsed {
  const { field } = plan;
  switch (field.type) {
    case 'string':
      return maxLengthCheck(field, normalizeLine(raw));
    case 'text':
      return maxLengthCheck(field, normalizeMultiline(raw));
    case 'id_number':
      return maxLengthCheck(field, normalizeStructured(raw));
    case 'enum':
      return enumValue(plan, normalizeStructured(raw));
    case 'multi_enum':
      return multiEnumValue(plan, normalizeStructured(raw));
    case 'date': {
      const date = parseDate(raw);
      return date.ok ? good(date.date, [date.date]) : fail(date.code, date.reason);
    }
    case 'amount_wan': {
      const amount = wanToFen(raw);
      return amount.ok ? good(amount.fen, [String(amount.fen)]) : fail(amount.code, amount.reason);
    }
    case 'integer':
      return integerValue(normalizeStructured(raw));
    case 'decimal':
      return decimalValue(normalizeStructured(raw).replace(/\s/g, ''));
    case 'boolean':
      return booleanValue(raw);
    case 'uscc':
    case 'org_code':
    case 'registration_number':
      return identifierValue(IDENTIFIER_KINDS[field.type] ?? 'uscc', raw, ctx.usccAllowList);
  }
}
