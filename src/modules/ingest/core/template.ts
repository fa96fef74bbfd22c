/**
 * Download templates per catalog item: an XLSX a clerk fills in Excel or WPS
 * — Chinese headers (required ones marked `*`), the field code and rules in
 * each header's note, drop-down lists for dictionary fields, text format on
 * identifier columns so that Excel does not turn an ID number into 1.1E+17,
 * one sample row — and a CSV twin with the same header and sample row.
 */
import ExcelJS from 'exceljs';
import type { CatalogField, CatalogItemDefinition, FieldType } from '../../catalog';
import { describeConditions } from './definition-links';
import { openSink, type OutputTarget } from './output-sink';
import { sampleRow } from './template-sample';

/** Rows of the data sheet that get drop-downs and text formats. */
export const TEMPLATE_ROWS = 1000;
const DICTIONARY_SHEET = '字典';
const GUIDE_SHEET = '填写说明';
/** Excel refuses an inline list longer than 255 characters; longer lists go to the hidden sheet. */
const INLINE_LIST_LIMIT = 200;

const TYPE_LABELS: Record<FieldType, string> = {
  string: '文本',
  text: '长文本',
  date: '日期（如 2024-03-05）',
  integer: '整数',
  decimal: '数字',
  amount_wan: '金额，单位万元，最多 6 位小数',
  enum: '从下拉列表中选择',
  multi_enum: '可多选，多个值用 ; 分隔',
  uscc: '统一社会信用代码（18 位）',
  org_code: '组织机构代码（如 D2143569-X）',
  registration_number: '工商注册号（15 位）',
  id_number: '证件号码',
  boolean: '是 / 否',
};

/** Columns whose content must stay text in Excel (long digit strings, leading zeros). */
const TEXT_COLUMNS = new Set<FieldType>(['string', 'text', 'uscc', 'org_code', 'registration_number', 'id_number']);

/** The fields a provider fills in: derived ones are computed by the platform. */
export const templateFields = (definition: CatalogItemDefinition): CatalogField[] =>
  definition.fields.filter((f) => !f.derived);

/** Header cells: Chinese labels, `*` after required ones (header-map reads both). */
export const templateHeaders = (definition: CatalogItemDefinition): string[] =>
  templateFields(definition).map((f) => (f.required ? `${f.labelZh}*` : f.labelZh));

function requirement(definition: CatalogItemDefinition, field: CatalogField): string {
  if (field.required) return '必填';
  if (field.requiredWhen.length > 0)
    return `条件必填：当${describeConditions(definition, field.requiredWhen).zh}时必填`;
  return '选填';
}

function headerNote(definition: CatalogItemDefinition, field: CatalogField): string {
  const lines = [`代码：${field.code}`, field.labelEn, `类型：${TYPE_LABELS[field.type]}`];
  if (field.maxLength !== null) lines.push(`最多 ${field.maxLength} 个字符`);
  lines.push(requirement(definition, field));
  if (field.blankWhen.length > 0) lines.push(`当${describeConditions(definition, field.blankWhen).zh}时不填`);
  if (field.notInFuture) lines.push('不能晚于今天');
  if (field.description) lines.push(field.description);
  return lines.join('\n');
}

const sheetName = (name: string): string => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';

// exceljs supports range validations at runtime, but its typings only declare per-cell ones.
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}
const validationsOf = (sheet: ExcelJS.Worksheet): RangeValidations =>
  (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;

function listFormula(values: readonly string[], dictionarySheet: () => ExcelJS.Worksheet, label: string): string {
  const inline = values.join(',');
  if (inline.length <= INLINE_LIST_LIMIT && !values.some((v) => /[,"]/.test(v))) return `"${inline}"`;
  const sheet = dictionarySheet();
  const column = sheet.columnCount + 1;
  sheet.getCell(1, column).value = label;
  values.forEach((value, i) => (sheet.getCell(i + 2, column).value = value));
  const letter = sheet.getColumn(column).letter;
  return `'${DICTIONARY_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`;
}

function addGuide(workbook: ExcelJS.Workbook, definition: CatalogItemDefinition): void {
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { header: '字段', width: 28 },
    { header: '代码', width: 16 },
    { header: '类型', width: 30 },
    { header: '是否必填', width: 40 },
    { header: '可选值 / 说明', width: 60 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const field of templateFields(definition)) {
    const values = field.dictionary?.map((v) => (v.labelZh ? `${v.value}（${v.labelZh}）` : v.value)).join('、');
    guide.addRow([
      field.labelZh,
      field.code,
      TYPE_LABELS[field.type],
      requirement(definition, field),
      values ?? field.description ?? '',
    ]);
  }
  guide.addRow([]);
  guide.addRow(['第 2 行为示例数据，导入前请删除。表头可用中文名称或字段代码，列的顺序不限。']);
}

/** The XLSX template of one catalog item, to a Buffer or to `target`. */
export function buildTemplateXlsx(definition: CatalogItemDefinition): Promise<Buffer>;
export function buildTemplateXlsx(definition: CatalogItemDefinition, target: OutputTarget): Promise<void>;
export async function buildTemplateXlsx(
  definition: CatalogItemDefinition,
  target?: OutputTarget,
): Promise<Buffer | void> {
  const fields = templateFields(definition);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Xinyong';
  const data = workbook.addWorksheet(sheetName(definition.nameZh), { views: [{ state: 'frozen', ySplit: 1 }] });
  addGuide(workbook, definition);
  let dictionary: ExcelJS.Worksheet | null = null;
  const dictionarySheet = (): ExcelJS.Worksheet =>
    (dictionary ??= workbook.addWorksheet(DICTIONARY_SHEET, { state: 'hidden' }));

  data.columns = fields.map((field) => ({
    width: Math.max(12, Math.min(40, [...field.labelZh].length * 2 + 4)),
    ...(TEXT_COLUMNS.has(field.type) ? { style: { numFmt: '@' } } : {}),
  }));
  const header = data.getRow(1);
  templateHeaders(definition).forEach((text, i) => {
    const cell = header.getCell(i + 1);
    const field = fields[i]!;
    cell.value = text;
    cell.note = headerNote(definition, field);
    cell.font = { bold: true, ...(field.required ? { color: { argb: 'FFC00000' } } : {}) };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });

  const sample = sampleRow(definition);
  data.getRow(2).values = fields.map((f) => sample[f.code] ?? '');

  fields.forEach((field, i) => {
    if (!field.dictionary) return;
    const letter = data.getColumn(i + 1).letter;
    const multi = field.type === 'multi_enum';
    validationsOf(data).add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [
        listFormula(
          field.dictionary.map((v) => v.value),
          dictionarySheet,
          field.labelZh,
        ),
      ],
      showInputMessage: multi,
      ...(multi ? { promptTitle: field.labelZh, prompt: '可多选：从列表选一个，或直接输入多个值，用 ; 分隔' } : {}),
      // A list cannot offer "several of": for multi-valued cells typing is allowed, the import checks each value.
      showErrorMessage: !multi,
      errorStyle: 'stop',
      errorTitle: field.labelZh,
      error: '请从下拉列表中选择',
    });
  });

  const sink = openSink(target);
  await workbook.xlsx.write(sink.stream);
  return sink.done();
}

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The CSV twin: UTF-8 with BOM (so Excel reads it as UTF-8), header and sample row. */
export function buildTemplateCsv(definition: CatalogItemDefinition): Promise<Buffer>;
export function buildTemplateCsv(definition: CatalogItemDefinition, target: OutputTarget): Promise<void>;
export async function buildTemplateCsv(
  definition: CatalogItemDefinition,
  target?: OutputTarget,
): Promise<Buffer | void> {
  const sample = sampleRow(definition);
  const lines = [templateHeaders(definition), templateFields(definition).map((f) => sample[f.code] ?? '')];
  const sink = openSink(target);
  await sink.write(`\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`);
  return sink.done();
}
