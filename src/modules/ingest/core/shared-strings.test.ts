import { describe, expect, it } from 'vitest';
import { sharedStrings } from './shared-strings';

describe('XLSX shared strings', () => {
  it('answers the same from memory and from disk, for every index', () => {
    const texts = ['', '北京某某科技有限公司', 'x'.repeat(3000), '京海市监罚〔2026〕1号', '😀 emoji', ''];
    const memory = sharedStrings();
    const disk = sharedStrings(10);
    try {
      texts.forEach((text, i) => {
        memory.add(i, text);
        disk.add(i, text);
      });
      texts.forEach((text, i) => {
        expect(memory.get(i)).toBe(text);
        expect(disk.get(i)).toBe(text);
      });
      expect(disk.get(99)).toBe('');
      expect(disk.get(-1)).toBe('');
    } finally {
      memory.close();
      disk.close();
    }
  });

  it('fills a gap in the indices with empty strings, and grows past its first offsets', () => {
    const disk = sharedStrings(0);
    try {
      disk.add(0, 'a');
      disk.add(3, 'd');
      for (let i = 4; i < 5000; i += 1) disk.add(i, `文本${i}`);
      expect([disk.get(0), disk.get(1), disk.get(2), disk.get(3)]).toEqual(['a', '', '', 'd']);
      expect(disk.get(4999)).toBe('文本4999');
    } finally {
      disk.close();
    }
  });
});
