import { describe, expect, it } from 'vitest';
import { newId } from './ids';

describe('newId', () => {
  it('gives distinct ULIDs in creation order, from a pooled random source', () => {
    // More than the pool holds (4,096 numbers, 16 per id) several times over.
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect([...ids].sort()).toEqual(ids);
  });

  it('draws a new random part each millisecond', async () => {
    // Within one millisecond a monotonic ULID increments the last random part instead.
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      seen.add(newId().slice(10, 14));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(seen.size).toBe(40);
  });
});
