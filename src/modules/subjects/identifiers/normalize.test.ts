import { describe, it, expect } from 'vitest';
import { normalizeIdentifier } from './normalize';

describe('normalizeIdentifier', () => {
  it.each([
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    [' 91350100m000100y43 ', '91350100M000100Y43'],
    ['9135 0100 M000 100Y 43', '91350100M000100Y43'],
    ['\u3000９１３５０１００Ｍ０００１００Ｙ４３\u3000', '91350100M000100Y43'],
    ['\uFEFF91350100M000100Y43', '91350100M000100Y43'],
    ['9135\u200B0100M000100Y43', '91350100M000100Y43'],
    ['d2143569x', 'D2143569X'],
    ['D2143569-X', 'D2143569X'],
    ['D2143569－X', 'D2143569X'],
    ['D2143569—X', 'D2143569X'],
    ['D2143569–X', 'D2143569X'],
    ['D2143569\u2212X', 'D2143569X'],
    ['11010519491231002x', '11010519491231002X'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeIdentifier(raw)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const raw of ['９１３５０１００Ｍ０００１００Ｙ４３', ' d2143569-x ', '110108 0000 0001 6']) {
      const once = normalizeIdentifier(raw);
      expect(normalizeIdentifier(once)).toBe(once);
    }
  });

  it('does not fold look-alikes that are not full-width ASCII into valid characters', () => {
    expect(normalizeIdentifier('①2')).toBe('①2');
    expect(normalizeIdentifier('ß')).toBe('ß');
  });
});
