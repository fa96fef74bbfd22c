/**
 * Which changes between two versions of an item could make a record that was
 * valid under the old version invalid under the new one. Conservative on
 * purpose: a changed condition counts as breaking unless it clearly loosens.
 */
import type { LocalizedText } from '../../platform/errors';
import type { CatalogField, CatalogItemDefinition, FieldCondition } from './catalog.types';

export type BreakingChangeKind =
  | 'field_removed'
  | 'field_added_required'
  | 'type_changed'
  | 'became_required'
  | 'requirement_condition_changed'
  | 'blank_condition_changed'
  | 'max_length_shrunk'
  | 'dictionary_value_removed'
  | 'became_not_in_future'
  | 'identity_key_changed';

export interface BreakingChange {
  readonly kind: BreakingChangeKind;
  /** The field concerned, null for item-level changes. */
  readonly field: string | null;
  readonly message: LocalizedText;
}

const conditionKey = (c: FieldCondition) =>
  'in' in c ? `${c.field}∈${[...c.in].sort().join('|')}` : `${c.field}:present`;
const sameConditions = (a: readonly FieldCondition[], b: readonly FieldCondition[]) =>
  a.map(conditionKey).sort().join('&') === b.map(conditionKey).sort().join('&');

function fieldChanges(before: CatalogField, after: CatalogField): BreakingChange[] {
  const code = after.code;
  const out: BreakingChange[] = [];
  const change = (kind: BreakingChangeKind, zh: string, en: string) =>
    out.push({ kind, field: code, message: { zh: `字段 ${code}：${zh}`, en: `field ${code}: ${en}` } });

  if (before.type !== after.type) {
    change(
      'type_changed',
      `类型由 ${before.type} 改为 ${after.type}`,
      `type changed from ${before.type} to ${after.type}`,
    );
  }
  const requiredNow = after.required && !after.derived;
  const requiredBefore = before.required && !before.derived;
  if (requiredNow && !requiredBefore) {
    change('became_required', '由选填改为必填', 'became required');
  } else if (
    !requiredBefore &&
    !after.required &&
    after.requiredWhen.length > 0 &&
    !sameConditions(before.requiredWhen, after.requiredWhen)
  ) {
    change(
      'requirement_condition_changed',
      '条件必填的条件有变化，已有记录可能不再满足',
      'the condition making it required changed; existing records may not meet it',
    );
  }
  if (after.blankWhen.length > 0 && !sameConditions(before.blankWhen, after.blankWhen)) {
    change(
      'blank_condition_changed',
      '须为空的条件有变化，已有记录可能不再满足',
      'the condition requiring it blank changed; existing records may not meet it',
    );
  }
  if (after.maxLength !== null && (before.maxLength === null || after.maxLength < before.maxLength)) {
    change(
      'max_length_shrunk',
      `最大长度由 ${before.maxLength ?? '不限'} 缩短为 ${after.maxLength}`,
      `maxLength shrunk from ${before.maxLength ?? 'unlimited'} to ${after.maxLength}`,
    );
  }
  if (before.dictionary && after.dictionary) {
    const kept = new Set(after.dictionary.map((v) => v.value));
    for (const value of before.dictionary) {
      if (!kept.has(value.value)) {
        change(
          'dictionary_value_removed',
          `字典取值“${value.value}”被删除`,
          `dictionary value "${value.value}" removed`,
        );
      }
    }
  }
  if (after.notInFuture && !before.notInFuture) {
    change('became_not_in_future', '新增“不得晚于今天”限制', 'now refuses dates in the future');
  }
  return out;
}

/** Every change from `before` to `after` that existing records may not survive. */
export function breakingChanges(before: CatalogItemDefinition, after: CatalogItemDefinition): BreakingChange[] {
  const out: BreakingChange[] = [];
  const afterFields = new Map(after.fields.map((f) => [f.code, f]));
  const beforeFields = new Map(before.fields.map((f) => [f.code, f]));
  for (const field of before.fields) {
    const now = afterFields.get(field.code);
    if (!now) {
      out.push({
        kind: 'field_removed',
        field: field.code,
        message: {
          zh: `字段 ${field.code}（${field.labelZh}）被删除`,
          en: `field ${field.code} (${field.labelEn}) removed`,
        },
      });
    } else {
      out.push(...fieldChanges(field, now));
    }
  }
  for (const field of after.fields) {
    if (beforeFields.has(field.code) || field.derived) continue;
    if (field.required || field.requiredWhen.length > 0) {
      out.push({
        kind: 'field_added_required',
        field: field.code,
        message: {
          zh: `新增${field.required ? '必填' : '条件必填'}字段 ${field.code}（${field.labelZh}），已有记录没有该字段`,
          en: `new ${field.required ? 'required' : 'conditionally required'} field ${field.code} (${field.labelEn}); existing records lack it`,
        },
      });
    }
  }
  if (before.identityKey.join('|') !== after.identityKey.join('|')) {
    out.push({
      kind: 'identity_key_changed',
      field: null,
      message: {
        zh: `记录标识字段由 [${before.identityKey.join(', ')}] 改为 [${after.identityKey.join(', ')}]`,
        en: `identity key changed from [${before.identityKey.join(', ')}] to [${after.identityKey.join(', ')}]`,
      },
    });
  }
  return out;
}
