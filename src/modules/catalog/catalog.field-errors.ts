/** Field errors with paths: from zod issues, and the small builders the checks share. */
import type { z } from 'zod';
import type { FieldError } from '../../platform/errors';

export const error = (field: string, code: string, zh: string, en: string, value?: unknown): FieldError => ({
  field,
  code,
  message: { zh, en },
  ...(value !== undefined ? { value } : {}),
});

const join = (prefix: string, path: readonly PropertyKey[]) =>
  [prefix, ...path.map(String)].filter((part) => part !== '').join('.');

const zodZh: Record<string, string> = {
  invalid_type: '类型不正确或缺少该项',
  too_small: '过短或过小',
  too_big: '过长或过大',
  unrecognized_keys: '包含未知字段',
  invalid_format: '格式不正确',
  invalid_value: '取值不在允许范围内',
  invalid_union: '不符合任何一种允许的形式',
  custom: '取值无效',
};

/** zod issues as field errors; a union failure reports the branch that came closest. */
export function zodFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      out.push(...zodFieldErrors(closest, join(prefix, issue.path)));
      continue;
    }
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    out.push(error(join(prefix, issue.path), issue.code, (zodZh[issue.code] ?? '取值无效') + keys, issue.message));
  }
  return out;
}

export function duplicates(list: readonly string[], path: string, what: { zh: string; en: string }): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  list.forEach((value, i) => {
    if (seen.has(value)) {
      out.push(error(`${path}.${i}`, 'duplicate', `${what.zh}重复：${value}`, `duplicate ${what.en}: ${value}`, value));
    }
    seen.add(value);
  });
  return out;
}

/** The same errors under `prefix` (e.g. `items.3.definition`). */
export const prefixFieldErrors = (errors: readonly FieldError[], prefix: string): FieldError[] =>
  prefix ? errors.map((e) => ({ ...e, field: `${prefix}.${e.field}` })) : [...errors];
