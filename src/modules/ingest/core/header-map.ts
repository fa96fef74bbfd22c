/**
 * Column headers → catalog fields. Departments write the Chinese label
 * (行政相对人名称) or the exchange code (CF_XDR_MC, any case), with stray
 * spaces, full-width brackets, `*` or `（必填）` marks, in any column order.
 * Unknown columns are a warning (their data is not imported); a missing
 * required column refuses the whole file, naming every missing one at once.
 */
import type { CatalogField, CatalogItemDefinition } from '../../catalog';
import type { LocalizedText } from '../../../platform/errors';
import { WHOLE_ROW, type RowError } from './row-error';
import { columnLetter, TableReadError } from './table-errors';
import { normalizeHeader } from './text-normalize';

/** The column error reports add; a corrected report uploaded again is recognised and the column skipped. */
export const ERROR_REASON_HEADER = '错误原因 / Error reason';
const ERROR_REASON_KEYS = new Set([normalizeHeader(ERROR_REASON_HEADER), normalizeHeader('错误原因')]);

export type HeaderIssueCode =
  | 'unknown_column'
  | 'blank_header'
  | 'derived_column_ignored'
  | 'missing_required_columns'
  | 'duplicate_column'
  | 'no_recognised_columns';

export interface HeaderIssue {
  readonly code: HeaderIssueCode;
  /** 1-based column number; null for an issue of the header as a whole. */
  readonly column: number | null;
  readonly header: string | null;
  /** Field codes concerned (the missing ones, the duplicated one). */
  readonly fields: readonly string[];
  readonly message: LocalizedText;
}

export interface ColumnBinding {
  /** 0-based index into a row's cells. */
  readonly index: number;
  readonly header: string;
  readonly field: CatalogField;
}

export interface HeaderMapping {
  /** False when `errors` is not empty: the file must be refused. */
  readonly ok: boolean;
  readonly item: string;
  readonly headers: readonly string[];
  readonly columns: readonly ColumnBinding[];
  /** Field code → 0-based column index. */
  readonly fieldColumns: ReadonlyMap<string, number>;
  readonly errors: readonly HeaderIssue[];
  readonly warnings: readonly HeaderIssue[];
}

const fieldList = (fields: readonly CatalogField[]): LocalizedText => ({
  zh: fields.map((f) => f.labelZh).join('、'),
  en: fields.map((f) => `${f.labelZh} (${f.code})`).join(', '),
});

function issue(
  code: HeaderIssueCode,
  index: number | null,
  header: string | null,
  fields: readonly CatalogField[],
  message: LocalizedText,
): HeaderIssue {
  const column = index === null ? null : index + 1;
  const where =
    column === null
      ? { zh: '', en: '' }
      : { zh: `${columnLetter(column)} 列：`, en: `column ${columnLetter(column)}: ` };
  return {
    code,
    column,
    header,
    fields: fields.map((f) => f.code),
    message: { zh: where.zh + message.zh, en: where.en + message.en },
  };
}

/** Comparable keys → field, by label and by code; `名称(CODE)` headers are matched by their code. */
function lookupFor(definition: CatalogItemDefinition): (header: string) => CatalogField | undefined {
  const byKey = new Map<string, CatalogField>();
  for (const field of definition.fields) byKey.set(normalizeHeader(field.code), field);
  // Labels win over codes if a label ever equals another field's code.
  for (const field of definition.fields) byKey.set(normalizeHeader(field.labelZh), field);
  return (header) => {
    const key = normalizeHeader(header);
    const direct = byKey.get(key);
    if (direct) return direct;
    const withCode = /\(([A-Z][A-Z0-9_]*)\)$/.exec(key);
    return withCode?.[1] ? byKey.get(withCode[1]) : undefined;
  };
}

/** Binds each header cell to a field of the item and lists what is wrong or ignored. */
export function mapHeaders(definition: CatalogItemDefinition, headers: readonly string[]): HeaderMapping {
  const lookup = lookupFor(definition);
  const columns: ColumnBinding[] = [];
  const fieldColumns = new Map<string, number>();
  const errors: HeaderIssue[] = [];
  const warnings: HeaderIssue[] = [];

  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    if (key === '') {
      warnings.push(
        issue('blank_header', index, header, [], {
          zh: '列没有表头，该列内容不会导入',
          en: 'the column has no header; its cells are not imported',
        }),
      );
      return;
    }
    if (ERROR_REASON_KEYS.has(key)) return;
    const field = lookup(header);
    if (!field) {
      warnings.push(
        issue('unknown_column', index, header, [], {
          zh: `“${header}”不是${definition.nameZh}的字段，该列不会导入`,
          en: `"${header}" is not a field of ${definition.nameEn}; the column is not imported`,
        }),
      );
      return;
    }
    if (field.derived) {
      warnings.push(
        issue('derived_column_ignored', index, header, [field], {
          zh: `“${field.labelZh}”由平台计算，该列内容不会导入`,
          en: `"${field.labelZh}" (${field.code}) is computed by the platform; the column is not imported`,
        }),
      );
      return;
    }
    const first = fieldColumns.get(field.code);
    if (first !== undefined) {
      errors.push(
        issue('duplicate_column', index, header, [field], {
          zh: `“${field.labelZh}”重复出现（已在 ${columnLetter(first + 1)} 列）`,
          en: `"${field.labelZh}" (${field.code}) appears twice (already in column ${columnLetter(first + 1)})`,
        }),
      );
      return;
    }
    fieldColumns.set(field.code, index);
    columns.push({ index, header, field });
  });

  if (columns.length === 0) {
    // The first non-blank row is data, a title, or a file for another item.
    errors.length = 0;
    errors.push(
      issue('no_recognised_columns', null, null, [], {
        zh: `首行不是${definition.nameZh}的表头：没有一列与目录字段的中文名称或代码相符`,
        en: `The first row is not a header of ${definition.nameEn}: no column matches a field label or code`,
      }),
    );
  } else {
    const missing = definition.fields.filter((f) => f.required && !f.derived && !fieldColumns.has(f.code));
    if (missing.length > 0) {
      const list = fieldList(missing);
      errors.push(
        issue('missing_required_columns', null, null, missing, {
          zh: `缺少必填列：${list.zh}`,
          en: `Missing required columns: ${list.en}`,
        }),
      );
    }
  }

  return {
    ok: errors.length === 0,
    item: definition.code,
    headers,
    columns,
    fieldColumns,
    errors,
    warnings,
  };
}

export interface RowValues {
  /** Cell text by field code, for every mapped column. */
  readonly values: Record<string, string>;
  /** Problems of the row's shape, to add to its validation errors. */
  readonly errors: RowError[];
}

/**
 * The cells of one row keyed by field code. A non-blank cell to the right of
 * the last header usually means an unquoted comma shifted the row: every
 * value after it would land in the wrong field, so the row is rejected.
 */
export function rowValues(mapping: HeaderMapping, cells: readonly string[]): RowValues {
  const values: Record<string, string> = {};
  for (const { index, field } of mapping.columns) values[field.code] = cells[index] ?? '';
  const errors: RowError[] = [];
  const width = mapping.headers.length;
  for (let i = width; i < cells.length; i += 1) {
    const cell = cells[i] ?? '';
    if (cell.trim() === '') continue;
    errors.push({
      field: WHOLE_ROW,
      label: '整行',
      value: cell,
      code: 'cell_beyond_header',
      reason: {
        zh: `${columnLetter(i + 1)} 列没有表头却有内容（常见原因：某个单元格中的逗号未加引号，导致整行错位）`,
        en: `column ${columnLetter(i + 1)} has a value but no header (often an unquoted comma that shifted the row)`,
      },
    });
    break;
  }
  return { values, errors };
}

/** The file-level error for a header that cannot be used, listing every problem. */
export function headerMappingFailed(mapping: HeaderMapping): TableReadError {
  return new TableReadError(
    'ingest.header_invalid',
    422,
    {
      zh: `表头有误：${mapping.errors.map((e) => e.message.zh).join('；')}`,
      en: `Invalid header: ${mapping.errors.map((e) => e.message.en).join('; ')}`,
    },
    {},
    { details: { errors: mapping.errors, warnings: mapping.warnings } },
  );
}
