/**
 * validateRow: one row of cells (by field code) against a catalog item
 * definition → the clean payload, or every reason the row is rejected. Pure
 * and total: bad data is an answer, never an exception.
 *
 * Order of work: each cell is cleaned and parsed by its type; then the
 * presence rules (required, requiredWhen, blankWhen) run against the parsed
 * values; then the rules that tie fields together — the citizen-ID check
 * when the document type says 身份证, decision dates not after today, and
 * end dates not before their start.
 */
import type { CatalogField, CatalogItemDefinition, FieldCondition } from '../../catalog';
import { MULTI_VALUE_SEPARATORS } from '../../catalog';
import { checkIdentifier } from '../../subjects';
import type { LocalizedText } from '../../../platform/errors';
import { describeConditions, findDatePairs, findIdTypeFields, type DatePair } from './definition-links';
import { dictionaryKey, parseCell, planField, type FieldPlan, type Parsed } from './field-values';
import type { RowError } from './row-error';

export interface ValidationContext {
  /** Today in Asia/Shanghai, `YYYY-MM-DD`: decision dates after it are refused. */
  readonly today: string;
  /** USCCs accepted although their check character fails (early pilot codes); replaces the default list. */
  readonly usccAllowList: readonly string[];
}

export type ValidationResult =
  | { readonly ok: true; readonly payload: Record<string, unknown> }
  | { readonly ok: false; readonly errors: RowError[] };

/** The document type whose numbers follow GB 11643 (canonical value of the catalog's 证件类型 dictionary). */
export const CITIZEN_ID_DOCUMENT = '身份证';

type CompiledCondition =
  { readonly field: string; readonly present: true } | { readonly field: string; readonly in: ReadonlySet<string> };

interface CompiledField {
  readonly plan: FieldPlan;
  readonly requiredWhen: readonly CompiledCondition[];
  readonly blankWhen: readonly CompiledCondition[];
  readonly requiredWhenText: LocalizedText;
  readonly blankWhenText: LocalizedText;
}

interface CompiledDefinition {
  readonly fields: readonly CompiledField[];
  readonly idTypeField: ReadonlyMap<string, string>;
  readonly datePairs: readonly DatePair[];
}

const compiled = new WeakMap<CatalogItemDefinition, CompiledDefinition>();

function compileCondition(condition: FieldCondition, plans: ReadonlyMap<string, FieldPlan>): CompiledCondition {
  if (!('in' in condition)) return { field: condition.field, present: true };
  const target = plans.get(condition.field);
  // Conditions are compared with canonical values, so a synonym in the definition still matches.
  const words = condition.in.map((word) =>
    target?.field.type === 'boolean' ? word : (target?.dictionary?.get(dictionaryKey(word)) ?? word),
  );
  return { field: condition.field, in: new Set(words) };
}

/** Plans are built once per definition object: validating 100,000 rows must not rebuild dictionaries. */
function compile(definition: CatalogItemDefinition): CompiledDefinition {
  const cached = compiled.get(definition);
  if (cached) return cached;
  const plans = new Map(definition.fields.map((f) => [f.code, planField(f, MULTI_VALUE_SEPARATORS)]));
  const fields = definition.fields
    .filter((f) => !f.derived)
    .map((field): CompiledField => {
      const plan = plans.get(field.code)!;
      return {
        plan,
        requiredWhen: field.requiredWhen.map((c) => compileCondition(c, plans)),
        blankWhen: field.blankWhen.map((c) => compileCondition(c, plans)),
        requiredWhenText: describeConditions(definition, field.requiredWhen),
        blankWhenText: describeConditions(definition, field.blankWhen),
      };
    });
  const result = { fields, idTypeField: findIdTypeFields(definition), datePairs: findDatePairs(definition) };
  compiled.set(definition, result);
  return result;
}

type Outcome = { readonly blank: true } | ({ readonly blank: false; readonly raw: string } & Parsed);

function holds(condition: CompiledCondition, outcomes: ReadonlyMap<string, Outcome>): boolean {
  const outcome = outcomes.get(condition.field);
  if (!outcome || outcome.blank) return false;
  if ('present' in condition) return true;
  // An invalid value satisfies no condition: its own error is reported instead.
  return outcome.ok && outcome.words.some((w) => condition.in.has(w));
}

const allHold = (conditions: readonly CompiledCondition[], outcomes: ReadonlyMap<string, Outcome>): boolean =>
  conditions.length > 0 && conditions.every((c) => holds(c, outcomes));

const rowError = (field: CatalogField, value: string, code: string, reason: LocalizedText): RowError => ({
  field: field.code,
  label: field.labelZh,
  value,
  code,
  reason,
});

const isBlankCell = (raw: string | undefined): raw is undefined => raw === undefined || raw.trim() === '';

/** China has one time zone and no DST: noon at UTC+8 is safely inside `today` there. */
const instantOf = (today: string): Date => new Date(`${today}T12:00:00+08:00`);

/**
 * Validates and normalises one row. `cells` maps field codes to cell text;
 * unknown codes and derived fields are ignored. Blank cells are left out of
 * the payload; amounts are integer fen, multi-valued fields arrays.
 */
export function validateRow(
  definition: CatalogItemDefinition,
  cells: Readonly<Record<string, string>>,
  ctx: ValidationContext,
): ValidationResult {
  const { fields, idTypeField, datePairs } = compile(definition);
  const outcomes = new Map<string, Outcome>();
  for (const { plan } of fields) {
    const raw = cells[plan.field.code];
    if (isBlankCell(raw)) {
      outcomes.set(plan.field.code, { blank: true });
      continue;
    }
    let parsed: Parsed;
    try {
      parsed = parseCell(plan, raw, ctx);
    } catch {
      // Defensive: a parser bug must reject the cell, not abort a batch of 100,000 rows.
      parsed = { ok: false, code: 'invalid', reason: { zh: '无法识别的值', en: 'unrecognised value' } };
    }
    outcomes.set(plan.field.code, { blank: false, raw, ...parsed });
  }

  // ID numbers of citizen IDs follow GB 11643; other documents (passports, permits) have no check.
  for (const [numberField, typeField] of idTypeField) {
    const number = outcomes.get(numberField);
    const type = outcomes.get(typeField);
    if (!number || number.blank || !number.ok || !type || type.blank || !type.ok) continue;
    if (!type.words.includes(CITIZEN_ID_DOCUMENT)) continue;
    const check = checkIdentifier(number.raw, { kind: 'citizen_id', today: instantOf(ctx.today) });
    if (check.valid) {
      outcomes.set(numberField, { blank: false, raw: number.raw, ok: true, value: check.normalized, words: [] });
    } else {
      const reason = check.reason ?? { code: 'unknown_format', zh: '身份证号码无效', en: 'invalid citizen ID' };
      outcomes.set(numberField, {
        blank: false,
        raw: number.raw,
        ok: false,
        code: `identifier.${reason.code}`,
        reason: { zh: reason.zh, en: reason.en },
      });
    }
  }

  const errors: RowError[] = [];
  const payload: Record<string, unknown> = {};
  for (const entry of fields) {
    const { field } = entry.plan;
    const outcome = outcomes.get(field.code);
    if (!outcome || outcome.blank) {
      if (field.required) {
        errors.push(rowError(field, '', 'required', { zh: '必填', en: 'required' }));
      } else if (allHold(entry.requiredWhen, outcomes)) {
        const when = entry.requiredWhenText;
        errors.push(rowError(field, '', 'required', { zh: `当${when.zh}时必填`, en: `required when ${when.en}` }));
      }
      continue;
    }
    if (allHold(entry.blankWhen, outcomes)) {
      const when = entry.blankWhenText;
      errors.push(
        rowError(field, outcome.raw, 'must_be_blank', {
          zh: `当${when.zh}时应为空`,
          en: `must be blank when ${when.en}`,
        }),
      );
      continue;
    }
    if (!outcome.ok) {
      errors.push(rowError(field, outcome.raw, outcome.code, outcome.reason));
      continue;
    }
    if (field.type === 'date' && field.notInFuture && typeof outcome.value === 'string' && outcome.value > ctx.today) {
      errors.push(
        rowError(field, outcome.raw, 'date_in_future', {
          zh: `日期 ${outcome.value} 晚于今天（${ctx.today}）`,
          en: `${outcome.value} is after today (${ctx.today})`,
        }),
      );
      continue;
    }
    payload[field.code] = outcome.value;
  }

  for (const pair of datePairs) {
    const start = payload[pair.start.code];
    const end = payload[pair.end.code];
    if (typeof start !== 'string' || typeof end !== 'string' || end >= start) continue;
    const raw = cells[pair.end.code] ?? end;
    errors.push(
      rowError(pair.end, raw, 'date_before_start', {
        zh: `${pair.end.labelZh}（${end}）早于${pair.start.labelZh}（${start}）`,
        en: `${pair.end.labelEn} (${end}) is before ${pair.start.labelEn} (${start})`,
      }),
    );
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, payload };
}
