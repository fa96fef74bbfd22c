import { describe, expect, it } from 'vitest';
import { measureEntry } from './support/bundle-size';

// What a first visit downloads before the page can render (gzip). The public
// site is opened on phones over mobile networks, so it gets a hard budget.
const budgets = { 'index.html': 300 * 1024, 'console.html': 400 * 1024 } as const;

describe('bundle budget (gzip, first visit)', () => {
  it.each(Object.entries(budgets) as Array<[keyof typeof budgets, number]>)(
    '%s stays within budget',
    async (page, budget) => {
      const size = await measureEntry(page);
      expect(size.jsGzipBytes, `${page} loads ${size.files.join(', ')}`).toBeLessThanOrEqual(budget);
    },
  );
});
