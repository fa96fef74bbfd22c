/** Small helpers shared by the benchmarks: percentiles, argument parsing, the schema fingerprint of cached databases. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export interface Timing {
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: samples.reduce((s, x) => s + x, 0) / Math.max(1, samples.length),
  };
}

export function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
}

export const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

/**
 * What a cached benchmark database was made with — the migrations and the
 * SQLite file settings: when they change (an index, the page size), the
 * database is made anew.
 */
export function schemaFingerprint(): string {
  const src = path.resolve(import.meta.dirname, '..', 'src');
  const hash = createHash('sha256');
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' }).sort()) {
    if (file.endsWith('.migrations.ts') || file === path.join('platform', 'db', 'sqlite.ts'))
      hash.update(file).update(readFileSync(path.join(src, file)));
  }
  return hash.digest('hex');
}
