import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItemDefinition } from '../../catalog';
import { ERROR_REASON_HEADER, headerMappingFailed, mapHeaders, rowValues } from './header-map';
import { seedDefinition } from './test-support';

let penalty: CatalogItemDefinition;
beforeAll(async () => {
  penalty = await seedDefinition('ADM_PENALTY');
});

const requiredLabels = () => penalty.fields.filter((f) => f.required && !f.derived).map((f) => f.labelZh);
const requiredCodes = () => penalty.fields.filter((f) => f.required && !f.derived).map((f) => f.code);

describe('mapHeaders', () => {
  it('maps Chinese labels', () => {
    const mapping = mapHeaders(penalty, requiredLabels());
    expect(mapping.ok).toBe(true);
    expect(mapping.errors).toEqual([]);
    expect(mapping.warnings).toEqual([]);
    expect(mapping.fieldColumns.get('CF_WSH')).toBe(requiredLabels().indexOf('行政处罚决定书文号'));
  });

  it('maps field codes in any case', () => {
    const headers = requiredCodes().map((code, i) => (i % 2 === 0 ? code.toLowerCase() : code));
    const mapping = mapHeaders(penalty, headers);
    expect(mapping.ok).toBe(true);
    expect(mapping.columns.map((c) => c.field.code)).toEqual(requiredCodes());
  });

  it('maps columns in any order (shuffled), mixing labels and codes', () => {
    const labels = requiredLabels();
    const codes = requiredCodes();
    const shuffled = labels.map((label, i) => (i % 3 === 0 ? codes[i]! : label)).reverse();
    const mapping = mapHeaders(penalty, shuffled);
    expect(mapping.ok).toBe(true);
    expect(mapping.fieldColumns.get(codes[0]!)).toBe(shuffled.length - 1);
  });

  it('tolerates spaces, full-width characters, * marks and （必填）', () => {
    const mapping = mapHeaders(penalty, [
      ' 行政相对人名称 * ',
      '*行政相对人类别',
      '罚款金额（万元）',
      '处罚决定日期（必填）',
      '　ＣＦ＿ＷＳＨ　',
      '处罚\u00A0依据',
      '违法行为类型(CF_WFXW)',
    ]);
    expect(mapping.warnings).toEqual([]);
    expect(mapping.columns.map((c) => c.field.code)).toEqual([
      'CF_XDR_MC',
      'CF_XDR_LB',
      'CF_NR_FK',
      'CF_JDRQ',
      'CF_WSH',
      'CF_YJ',
      'CF_WFXW',
    ]);
  });

  it('warns about unknown and blank-headed columns without refusing the file', () => {
    const mapping = mapHeaders(penalty, [...requiredLabels(), '经办人', '', '内部编号']);
    expect(mapping.ok).toBe(true);
    expect(mapping.warnings.map((w) => [w.code, w.column, w.header])).toEqual([
      ['unknown_column', requiredLabels().length + 1, '经办人'],
      ['blank_header', requiredLabels().length + 2, ''],
      ['unknown_column', requiredLabels().length + 3, '内部编号'],
    ]);
    expect(mapping.warnings[0]?.message.zh).toContain('不会导入');
  });

  it('ignores the derived 公示截止期 column with a warning: the platform computes it', () => {
    const mapping = mapHeaders(penalty, [...requiredLabels(), '公示截止期']);
    expect(mapping.ok).toBe(true);
    expect(mapping.fieldColumns.has('CF_GSJZQ')).toBe(false);
    expect(mapping.warnings[0]?.code).toBe('derived_column_ignored');
  });

  it('refuses the file when required columns are missing, listing all of them at once', () => {
    const headers = requiredLabels().filter((l) => l !== '处罚依据' && l !== '处罚决定日期');
    const mapping = mapHeaders(penalty, headers);
    expect(mapping.ok).toBe(false);
    expect(mapping.errors).toHaveLength(1);
    expect(mapping.errors[0]).toMatchObject({ code: 'missing_required_columns', fields: ['CF_YJ', 'CF_JDRQ'] });
    expect(mapping.errors[0]?.message.zh).toBe('缺少必填列：处罚依据、处罚决定日期');
    const error = headerMappingFailed(mapping);
    expect(error.code).toBe('ingest.header_invalid');
    expect(error.text.zh).toContain('处罚依据、处罚决定日期');
  });

  it('does not require a conditionally required column (a file of natural persons has no USCC column)', () => {
    const mapping = mapHeaders(penalty, requiredLabels());
    expect(mapping.fieldColumns.has('CF_XDR_SHXYM')).toBe(false);
    expect(mapping.ok).toBe(true);
  });

  it('refuses a field given twice (label and code)', () => {
    const mapping = mapHeaders(penalty, [...requiredLabels(), 'cf_wsh']);
    expect(mapping.ok).toBe(false);
    expect(mapping.errors[0]).toMatchObject({ code: 'duplicate_column', fields: ['CF_WSH'] });
  });

  it('says the first row is not a header when nothing matches (data or a title row)', () => {
    const mapping = mapHeaders(penalty, ['北京某某科技有限公司', '法人及非法人组织', '91110000600037341L']);
    expect(mapping.ok).toBe(false);
    expect(mapping.errors.map((e) => e.code)).toEqual(['no_recognised_columns']);
  });

  it('skips the reason column of an error report uploaded again', () => {
    const mapping = mapHeaders(penalty, [...requiredLabels(), ERROR_REASON_HEADER]);
    expect(mapping).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('rowValues', () => {
  it('keys cells by field code, missing trailing cells as blank', () => {
    const mapping = mapHeaders(penalty, ['CF_WSH', '经办人', '行政相对人名称']);
    expect(rowValues(mapping, ['W-1', '王五'])).toEqual({ values: { CF_WSH: 'W-1', CF_XDR_MC: '' }, errors: [] });
  });

  it('rejects a row with a value right of the last header (a shifted row)', () => {
    const mapping = mapHeaders(penalty, ['CF_WSH', 'CF_XDR_MC']);
    const { errors } = rowValues(mapping, ['W-1', '某公司', '多出的值']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: '*', code: 'cell_beyond_header', value: '多出的值' });
    expect(errors[0]?.reason.zh).toContain('C 列');
  });
});
