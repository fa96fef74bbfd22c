import { describe, expect, it } from 'vitest';
import { amountInWan, fenToWan } from './publicity.amounts';
import { maskIdNumber, maskIdsInText } from './publicity.masking';

describe('publicity: masking and amounts', () => {
  it('masks citizen IDs as 110108********123X, keeps stored masks, shortens other numbers', () => {
    expect(maskIdNumber('11010819850101123X')).toBe('110108********123X');
    expect(maskIdNumber('11010819850101123x')).toBe('110108********123X');
    expect(maskIdNumber('110108********123X')).toBe('110108********123X');
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
  });

  it('masks citizen IDs inside free text but not USCCs or longer digit runs', () => {
    expect(maskIdsInText('举报人身份证号11010819850101123X，住海淀')).toBe('举报人身份证号110108********123X，住海淀');
    expect(maskIdsInText('统一社会信用代码91110108MA01ABCD2X')).toBe('统一社会信用代码91110108MA01ABCD2X');
    expect(maskIdsInText('编号1101081985010112345')).toBe('编号1101081985010112345');
  });

  it('shows integer fen as 万元 strings, exactly', () => {
    expect(fenToWan(12_500_000)).toBe('12.5');
    expect(fenToWan(1)).toBe('0.000001');
    expect(fenToWan(50_000_000)).toBe('50');
    expect(amountInWan(0)).toBe('0');
    expect(amountInWan('5')).toBe('5');
    expect(amountInWan(1.5)).toBeNull();
    expect(amountInWan('abc')).toBeNull();
  });
});
