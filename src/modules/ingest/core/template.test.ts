import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItemDefinition } from '../../catalog';
import { checkIdentifier } from '../../subjects';
import { checkRow } from './check-row';
import { mapHeaders } from './header-map';
import { readTable } from './read-table';
import { buildTemplateCsv, buildTemplateXlsx, templateHeaders } from './template';
import { SAMPLE_AUTHORITY_USCC, SAMPLE_COMPANY_USCC, SAMPLE_ORG_CODE, sampleRow } from './template-sample';
import { CTX, seedDefinitions } from './test-support';

let seeds: ReadonlyMap<string, CatalogItemDefinition>;
let penalty: CatalogItemDefinition;
beforeAll(async () => {
  seeds = await seedDefinitions();
  penalty = seeds.get('ADM_PENALTY')!;
});

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** readTable → mapHeaders → checkRow, as an upload of the template would go. */
async function importTemplate(definition: CatalogItemDefinition, bytes: Buffer) {
  const table = await readTable({ bytes });
  const mapping = mapHeaders(definition, table.headers);
  const results = [];
  for await (const row of table.rows)
    results.push({ rowNumber: row.rowNumber, ...checkRow(definition, mapping, row.cells, CTX) });
  return { table, mapping, results };
}

describe('templates', () => {
  it('has a sample row that validates, through readTable → header-map → validateRow, for every seeded item', async () => {
    expect(seeds.size).toBeGreaterThanOrEqual(17);
    for (const definition of seeds.values()) {
      for (const build of [buildTemplateXlsx, buildTemplateCsv]) {
        const { table, mapping, results } = await importTemplate(definition, await build(definition));
        expect(mapping.errors, definition.code).toEqual([]);
        expect(mapping.warnings, definition.code).toEqual([]);
        expect(results, `${definition.code} ${table.format}`).toEqual([
          expect.objectContaining({ rowNumber: 2, ok: true }),
        ]);
      }
    }
  });

  it('marks required headers with * and leaves derived fields out', async () => {
    const headers = templateHeaders(penalty);
    expect(headers[0]).toBe('行政相对人名称*');
    expect(headers).toContain('统一社会信用代码');
    expect(headers.some((h) => h.startsWith('公示截止期'))).toBe(false);
    const workbook = await load(await buildTemplateXlsx(penalty));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('行政处罚');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
  });

  it('notes the field code and rules on every header cell', async () => {
    const sheet = (await load(await buildTemplateXlsx(penalty))).worksheets[0]!;
    const note = (column: number) => JSON.stringify(sheet.getRow(1).getCell(column).note);
    penalty.fields
      .filter((f) => !f.derived)
      .forEach((field, i) => expect(note(i + 1)).toContain(`代码：${field.code}`));
    const fine = penalty.fields.filter((f) => !f.derived).findIndex((f) => f.code === 'CF_NR_FK') + 1;
    expect(note(fine)).toContain('条件必填：当处罚类别为“罚款”时必填');
  });

  it('offers dictionaries as drop-down lists and keeps identifier columns as text', async () => {
    const sheet = (await load(await buildTemplateXlsx(penalty))).worksheets[0]!;
    const column = (code: string) => penalty.fields.filter((f) => !f.derived).findIndex((f) => f.code === code) + 1;
    const kind = sheet.getRow(500).getCell(column('CF_XDR_LB')).dataValidation;
    expect(kind).toMatchObject({
      type: 'list',
      formulae: ['"法人及非法人组织,自然人,个体工商户"'],
      showErrorMessage: true,
    });
    // Several penalty kinds can be typed in one cell: the list helps but does not refuse.
    const kinds = sheet.getRow(2).getCell(column('CF_CFLB')).dataValidation;
    expect(kinds.type).toBe('list');
    expect(kinds.showErrorMessage).toBeFalsy();
    expect(sheet.getRow(2).getCell(column('CF_XDR_ZJHM')).numFmt).toBe('@');
    expect(sheet.getRow(900).getCell(column('CF_XDR_SHXYM')).numFmt).toBe('@');
  });

  it('puts a long dictionary on a hidden sheet and refers to it', async () => {
    const licence = seeds.get('ADM_LICENSE')!;
    const kinds = Array.from({ length: 60 }, (_, i) => `许可类别${i + 1}`);
    const definition: CatalogItemDefinition = {
      ...licence,
      fields: licence.fields.map((f) =>
        f.code === 'XK_XKLB'
          ? { ...f, dictionary: kinds.map((value) => ({ value, labelZh: null, labelEn: null, synonyms: [] })) }
          : f,
      ),
    };
    const bytes = await buildTemplateXlsx(definition);
    const workbook = await load(bytes);
    const dictionary = workbook.getWorksheet('字典')!;
    expect(dictionary.state).toBe('hidden');
    expect(dictionary.getCell('A1').value).toBe('许可类别');
    expect(dictionary.getCell('A61').value).toBe('许可类别60');
    const column = definition.fields.filter((f) => !f.derived).findIndex((f) => f.code === 'XK_XKLB') + 1;
    expect(workbook.worksheets[0]!.getRow(2).getCell(column).dataValidation.formulae).toEqual(["'字典'!$A$2:$A$61"]);
    // The hidden sheet is not read as data.
    const { results } = await importTemplate(definition, bytes);
    expect(results).toEqual([expect.objectContaining({ ok: true })]);
  });

  it('writes the CSV twin as UTF-8 with BOM: header and sample row', async () => {
    const bytes = await buildTemplateCsv(penalty);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(templateHeaders(penalty).join(','));
    expect(lines[1]).toContain('示例');
    expect(lines).toHaveLength(3);
  });

  it('makes the sample unmistakably an example, with identifiers that still verify', () => {
    const sample = sampleRow(penalty);
    expect(sample.CF_XDR_MC).toContain('示例');
    expect(sample.CF_WSH).toContain('示例');
    expect(sample.CF_XDR_SHXYM).toBe(SAMPLE_COMPANY_USCC);
    expect(SAMPLE_COMPANY_USCC).toContain('EXAMPLE');
    for (const code of [SAMPLE_COMPANY_USCC, SAMPLE_AUTHORITY_USCC]) {
      expect(checkIdentifier(code, { kind: 'uscc' }).valid).toBe(true);
    }
    expect(checkIdentifier(SAMPLE_ORG_CODE, { kind: 'org_code' }).valid).toBe(true);
  });
});
