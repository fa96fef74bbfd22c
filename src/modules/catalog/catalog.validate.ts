/**
 * Checks of a submitted definition beyond its shape: references between
 * fields, dictionaries, identity key, period rule and sharing entry. Every
 * problem is a field error with the path of the offending value, so a console
 * form, an HTTP client and the CLI can all point at it.
 */
import { validationFailed, type FieldError } from '../../platform/errors';
import { CATALOG_CATEGORIES } from './catalog.dictionaries';
import { duplicates, error, prefixFieldErrors, zodFieldErrors } from './catalog.field-errors';
import { definitionSchema, sharingSchema } from './catalog.definition';
import {
  TEXT_FIELD_TYPES,
  type CatalogField,
  type CatalogItemDefinition,
  type FieldCondition,
  type PeriodRule,
  type SharingEntry,
} from './catalog.types';

export interface DefinitionContext {
  /** Known category codes; the national 13 by default. */
  readonly categories?: readonly string[];
  /** Known department codes; when absent, only their form is checked. */
  readonly departments?: readonly string[];
}

function unknownDepartments(
  codes: readonly string[],
  path: string,
  known: readonly string[] | undefined,
): FieldError[] {
  if (!known) return [];
  return codes.flatMap((code, i) =>
    known.includes(code)
      ? []
      : [
          error(
            `${path}.${i}`,
            'unknown_department',
            `未知的部门编码：${code}`,
            `unknown department code: ${code}`,
            code,
          ),
        ],
  );
}

function conditionErrors(
  conditions: readonly FieldCondition[],
  path: string,
  fields: ReadonlyMap<string, CatalogField>,
  self: string | null,
): FieldError[] {
  const out: FieldError[] = [];
  conditions.forEach((condition, i) => {
    const at = `${path}.${i}`;
    const target = fields.get(condition.field);
    if (!target) {
      out.push(
        error(
          `${at}.field`,
          'unknown_field',
          `条件引用的字段不存在：${condition.field}`,
          `the condition refers to a field that does not exist: ${condition.field}`,
          condition.field,
        ),
      );
      return;
    }
    if (condition.field === self) {
      out.push(
        error(`${at}.field`, 'self_reference', '条件不能引用字段自身', 'a condition cannot refer to its own field'),
      );
      return;
    }
    if (!('in' in condition)) return;
    if (target.type === 'boolean') {
      condition.in.forEach((value, j) => {
        if (value !== 'true' && value !== 'false') {
          out.push(
            error(
              `${at}.in.${j}`,
              'unknown_value',
              '布尔字段的条件取值只能是 true 或 false',
              'a boolean field is true or false',
              value,
            ),
          );
        }
      });
      return;
    }
    if (target.type !== 'enum' && target.type !== 'multi_enum') {
      out.push(
        error(
          `${at}.in`,
          'not_enumerated',
          `字段 ${target.code} 不是枚举字段，不能按取值设条件（可改用 present）`,
          `field ${target.code} is not an enum; condition on presence instead`,
        ),
      );
      return;
    }
    const allowed = new Set((target.dictionary ?? []).map((v) => v.value));
    condition.in.forEach((value, j) => {
      if (!allowed.has(value)) {
        out.push(
          error(
            `${at}.in.${j}`,
            'unknown_value',
            `字段 ${target.code} 的字典中没有取值“${value}”`,
            `"${value}" is not a value of field ${target.code}'s dictionary`,
            value,
          ),
        );
      }
    });
  });
  return out;
}

function fieldErrors(field: CatalogField, i: number, fields: ReadonlyMap<string, CatalogField>): FieldError[] {
  const at = `fields.${i}`;
  const out: FieldError[] = [];
  const isText = TEXT_FIELD_TYPES.includes(field.type);
  const isEnum = field.type === 'enum' || field.type === 'multi_enum';
  if (isText && field.maxLength === null) {
    out.push(error(`${at}.maxLength`, 'required', '文本字段须规定最大长度', 'a text field needs a maxLength'));
  }
  if (!isText && field.maxLength !== null) {
    out.push(
      error(
        `${at}.maxLength`,
        'not_applicable',
        `${field.type} 类型的字段不设最大长度`,
        `maxLength does not apply to ${field.type}`,
      ),
    );
  }
  if (isEnum && field.dictionary === null) {
    out.push(error(`${at}.dictionary`, 'required', '枚举字段须给出字典', 'an enum field needs a dictionary'));
  }
  if (!isEnum && field.dictionary !== null) {
    out.push(error(`${at}.dictionary`, 'not_applicable', '只有枚举字段才有字典', 'only enum fields have a dictionary'));
  }
  if (field.dictionary) {
    const seen = new Set<string>();
    field.dictionary.forEach((entry, j) => {
      [entry.value, ...entry.synonyms].forEach((word, k) => {
        if (seen.has(word)) {
          const path = k === 0 ? `${at}.dictionary.${j}.value` : `${at}.dictionary.${j}.synonyms.${k - 1}`;
          out.push(
            error(
              path,
              'duplicate',
              `字典取值或同义词重复：${word}`,
              `duplicate dictionary value or synonym: ${word}`,
              word,
            ),
          );
        }
        seen.add(word);
      });
    });
  }
  if (field.type !== 'multi_enum' && field.separators !== null) {
    out.push(
      error(`${at}.separators`, 'not_applicable', '只有多值字段才有分隔符', 'only multi_enum fields have separators'),
    );
  }
  if (field.type !== 'date' && field.notInFuture) {
    out.push(
      error(
        `${at}.notInFuture`,
        'not_applicable',
        '只有日期字段才能限制不晚于今天',
        'notInFuture applies to dates only',
      ),
    );
  }
  if (field.derived && (field.required || field.requiredWhen.length > 0)) {
    out.push(
      error(
        `${at}.required`,
        'derived_required',
        '派生字段由平台计算，不能设为必填',
        'a derived field is computed, never required',
      ),
    );
  }
  if (field.required && field.requiredWhen.length > 0) {
    out.push(
      error(`${at}.requiredWhen`, 'redundant', '必填字段不需要条件必填', 'a required field needs no requiredWhen'),
    );
  }
  if (field.required && field.blankWhen.length > 0) {
    out.push(
      error(`${at}.blankWhen`, 'contradiction', '必填字段不能要求为空', 'a required field cannot be required blank'),
    );
  }
  out.push(...conditionErrors(field.requiredWhen, `${at}.requiredWhen`, fields, field.code));
  out.push(...conditionErrors(field.blankWhen, `${at}.blankWhen`, fields, field.code));
  return out;
}

function dateFieldError(path: string, code: string | null, fields: ReadonlyMap<string, CatalogField>): FieldError[] {
  if (code === null) return [];
  const field = fields.get(code);
  if (!field) return [error(path, 'unknown_field', `字段不存在：${code}`, `no such field: ${code}`, code)];
  if (field.type !== 'date')
    return [error(path, 'not_a_date', `字段 ${code} 不是日期字段`, `field ${code} is not a date`, code)];
  return [];
}

function periodErrors(rule: PeriodRule, fields: ReadonlyMap<string, CatalogField>): FieldError[] {
  const at = 'publicationPeriod';
  switch (rule.kind) {
    case 'none':
      return [];
    case 'fixed':
      return dateFieldError(`${at}.startField`, rule.startField, fields);
    case 'validity':
      return [
        ...dateFieldError(`${at}.startField`, rule.startField, fields),
        ...dateFieldError(`${at}.endField`, rule.endField, fields),
      ];
    case 'penalty_classified': {
      const out = dateFieldError(`${at}.startField`, rule.startField, fields);
      let previous: string | null = null;
      rule.regimes.forEach((regime, i) => {
        const path = `${at}.regimes.${i}`;
        if (regime.effectiveFrom === null && i > 0) {
          out.push(
            error(
              `${path}.effectiveFrom`,
              'required',
              '只有最早的规则可以不写生效日期',
              'only the earliest regime may omit effectiveFrom',
            ),
          );
        }
        if (regime.effectiveFrom !== null && previous !== null && regime.effectiveFrom <= previous) {
          out.push(
            error(
              `${path}.effectiveFrom`,
              'not_ascending',
              '规则须按生效日期从早到晚排列',
              'regimes must be in ascending effectiveFrom order',
              regime.effectiveFrom,
            ),
          );
        }
        previous = regime.effectiveFrom ?? previous;
        for (const cls of ['minor', 'general', 'serious'] as const) {
          if (regime[cls].minMonths > regime[cls].maxMonths) {
            out.push(
              error(
                `${path}.${cls}.minMonths`,
                'min_above_max',
                '最短期限不能超过最长期限',
                'minMonths exceeds maxMonths',
              ),
            );
          }
        }
      });
      return out;
    }
  }
}

/** Semantic checks of a definition that already has the right shape. */
export function definitionErrors(definition: CatalogItemDefinition, context: DefinitionContext = {}): FieldError[] {
  const out: FieldError[] = [];
  const categories = context.categories ?? CATALOG_CATEGORIES.map((c) => c.code);
  if (!categories.includes(definition.category)) {
    out.push(
      error(
        'category',
        'unknown_category',
        `未知的目录类别：${definition.category}`,
        `unknown category: ${definition.category}`,
        definition.category,
      ),
    );
  }
  out.push(
    ...duplicates(definition.providingDepartments, 'providingDepartments', { zh: '提供部门', en: 'department' }),
  );
  out.push(...unknownDepartments(definition.providingDepartments, 'providingDepartments', context.departments));
  out.push(...duplicates(definition.subjectKinds, 'subjectKinds', { zh: '主体类型', en: 'subject kind' }));
  out.push(
    ...duplicates(definition.collectionMethods, 'collectionMethods', { zh: '归集方式', en: 'collection method' }),
  );
  out.push(
    ...duplicates(
      definition.fields.map((f) => f.code),
      'fields',
      { zh: '字段编码', en: 'field code' },
    ).map((e) => ({ ...e, field: `${e.field}.code` })),
  );
  out.push(
    ...duplicates(
      definition.fields.map((f) => f.labelZh),
      'fields',
      { zh: '字段中文名', en: 'Chinese label' },
    ).map((e) => ({ ...e, field: `${e.field}.labelZh` })),
  );

  const fields = new Map<string, CatalogField>();
  for (const field of definition.fields) if (!fields.has(field.code)) fields.set(field.code, field);
  definition.fields.forEach((field, i) => out.push(...fieldErrors(field, i, fields)));

  out.push(...duplicates(definition.identityKey, 'identityKey', { zh: '标识字段', en: 'identity field' }));
  definition.identityKey.forEach((code, i) => {
    const field = fields.get(code);
    if (!field) {
      out.push(
        error(
          `identityKey.${i}`,
          'unknown_field',
          `标识字段不存在：${code}`,
          `identity field does not exist: ${code}`,
          code,
        ),
      );
    } else if (!field.required || field.derived) {
      out.push(
        error(
          `identityKey.${i}`,
          'not_required',
          `标识字段 ${code} 必须是必填且非派生字段`,
          `identity field ${code} must be required and not derived`,
          code,
        ),
      );
    }
  });

  if (definition.disclosure === 'public' && definition.publicWhen.length > 0) {
    out.push(
      error('publicWhen', 'not_applicable', '主动公开的条目不需要公开条件', 'a public item needs no publicWhen'),
    );
  }
  out.push(...conditionErrors(definition.publicWhen, 'publicWhen', fields, null));
  out.push(...periodErrors(definition.publicationPeriod, fields));
  return out;
}

/** Checks of a sharing entry that already has the right shape. */
export function sharingErrors(sharing: SharingEntry, context: DefinitionContext = {}): FieldError[] {
  const out: FieldError[] = [...unknownDepartments(sharing.departments, 'departments', context.departments)];
  if (sharing.type === 'conditional' && sharing.condition === null) {
    out.push(error('condition', 'required', '有条件共享须写明共享条件', 'conditional sharing needs its condition'));
  }
  if (sharing.type !== 'conditional' && sharing.condition !== null) {
    out.push(
      error('condition', 'not_applicable', '只有有条件共享才写共享条件', 'only conditional sharing has a condition'),
    );
  }
  const recipients = sharing.allDepartments || sharing.departments.length > 0 || sharing.roles.length > 0;
  if (sharing.type === 'none') {
    if (recipients || sharing.methods.length > 0) {
      out.push(
        error(
          'type',
          'contradiction',
          '不予共享的条目不能有共享对象或方式',
          'an item not shared has no recipients or methods',
        ),
      );
    }
  } else {
    if (!recipients) {
      out.push(
        error(
          'departments',
          'required',
          '须写明共享对象（全部部门、指定部门或角色）',
          'name the recipients: all departments, departments or roles',
        ),
      );
    }
    if (sharing.methods.length === 0) {
      out.push(error('methods', 'required', '须写明共享方式', 'name at least one sharing method'));
    }
  }
  out.push(...duplicates(sharing.departments, 'departments', { zh: '部门', en: 'department' }));
  out.push(...duplicates(sharing.roles, 'roles', { zh: '角色', en: 'role' }));
  out.push(...duplicates(sharing.methods, 'methods', { zh: '共享方式', en: 'method' }));
  return out;
}

/**
 * Checks a submitted item definition (shape, then references between its
 * parts) and returns every problem with its path; an empty list means valid.
 */
export function validateDefinition(input: unknown, context: DefinitionContext = {}): FieldError[] {
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) return zodFieldErrors(parsed.error.issues);
  return definitionErrors(parsed.data, context);
}

/** The canonical definition, or a `validation_failed` error naming each bad path under `prefix`. */
export function parseDefinition(input: unknown, context: DefinitionContext = {}, prefix = ''): CatalogItemDefinition {
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(zodFieldErrors(parsed.error.issues, prefix));
  const errors = definitionErrors(parsed.data, context);
  if (errors.length > 0) throw validationFailed(prefixFieldErrors(errors, prefix));
  return parsed.data;
}

/** The canonical sharing entry, or a `validation_failed` error. */
export function parseSharing(input: unknown, context: DefinitionContext = {}, prefix = ''): SharingEntry {
  const parsed = sharingSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(zodFieldErrors(parsed.error.issues, prefix));
  const errors = sharingErrors(parsed.data, context);
  if (errors.length > 0) throw validationFailed(prefixFieldErrors(errors, prefix));
  return parsed.data;
}
