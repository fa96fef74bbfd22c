import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** The violations people are blocked by; minor and moderate ones are reported by axe but do not fail a test. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // A dialog still fading in is half transparent: axe would measure the contrast of a frame of the
  // animation (it did, on a loaded machine). Scan what a person reads once the motion has ended.
  await page.evaluate(async () => {
    interface Motion {
      finished: Promise<unknown>;
      effect: { getComputedTiming(): { endTime?: number } } | null;
    }
    const doc = (globalThis as unknown as { document: { getAnimations(): Motion[] } }).document;
    // Endless ones (a spinner) never finish: only those that end are waited for.
    const ending = doc
      .getAnimations()
      .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
  });
  await page.addScriptTag({ path: axePath });
  // Runs in the page; typed loosely because the e2e tsconfig has no DOM library.
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (options: object) => Promise<{ violations: unknown[] }> } })
      .axe;
    const results = await axe.run({ resultTypes: ['violations'] });
    return results.violations as AxeViolation[];
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** One line per failing element, readable in a test failure message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `[${violation.impact}] ${violation.id}: ${violation.help} — ${JSON.stringify(node.target)}`,
      ),
    )
    .join('\n');
}
