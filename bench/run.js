#!/usr/bin/env node
// `npm run bench -- <name> [options]` runs bench/<name>.ts. Every benchmark
// measures against a baseline in the same run and prints its figure last.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const here = import.meta.dirname;
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.slice(0, -3));
const [name, ...rest] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name> [options]\navailable: ${available.join(', ')}`);
  process.exit(2);
}
register();
process.argv = [process.argv[0], path.join(here, `${name}.ts`), ...rest];
await import(path.join(here, `${name}.ts`));
