/**
 * bench/subject-lookup — issue: look-ups on 1,000,000 demo subjects by USCC,
 * by legacy organisation code and by name substring, each as a ratio to a raw
 * prepared statement doing the same on the same database in the same run.
 * Targets: exact look-ups within 2× of raw; name-substring p95 ≤ 20 ms (SQLite).
 *
 *   npm run bench -- subject-lookup [--subjects 1000000] [--queries 2000]
 *
 * The database is built once under bench/.data and reused.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { boot } from '../src/boot';
import { loadDemo } from '../src/demo';
import { countAllSubjects, findSubjectByIdentifier, searchSubjects, subjectsEnv } from '../src/modules/subjects';
import { Random } from '../src/demo/random';
import { fmt, option, summarise } from './_support';

const subjects = Number(option('subjects', '1000000'));
const queries = Number(option('queries', '2000'));
const dataDir = path.resolve(import.meta.dirname, '.data', `subjects-${subjects}`);
mkdirSync(dataDir, { recursive: true });

const deps = await boot({
  config: { dataDir, databaseUrl: null, dialect: 'sqlite', sqlitePath: path.join(dataDir, 'xinyong.db') },
  logLevel: 'warn',
});
const have = await countAllSubjects(deps.db.kysely);
if (have < subjects) {
  console.log(`Building ${subjects - have} demo subjects in ${dataDir} (once)…`);
  await loadDemo(deps, { subjects: subjects - have, progress: !!process.stdout.isTTY });
}
const env = subjectsEnv(deps);

// The raw baseline: better-sqlite3 prepared statements on the same file.
const raw = new Database(path.join(dataDir, 'xinyong.db'), { readonly: true });
const rawByUscc = raw.prepare('SELECT * FROM subjects WHERE uscc = ?');
const rawByLegacy = raw.prepare(
  "SELECT s.* FROM subject_identifiers i JOIN subjects s ON s.id = i.subject_id WHERE i.kind = 'org_code' AND i.value = ?",
);
const rawNameFts = raw.prepare(
  `SELECT s.*, n.id AS name_id FROM subject_names_name_fts f JOIN subject_names n ON n.id = f.rowid JOIN subjects s ON s.id = n.subject_id
   WHERE subject_names_name_fts MATCH ? AND n.public = 1 ORDER BY f.rowid LIMIT 21`,
);
const rawNameBigram = raw.prepare(
  `SELECT s.*, n.id AS name_id FROM subject_names_name_bigram b JOIN subject_names n ON n.id = b.id JOIN subjects s ON s.id = n.subject_id
   WHERE b.k = ? AND n.public = 1 ORDER BY b.id LIMIT 21`,
);

// A reproducible sample of real subjects and of substrings of their names.
const random = new Random(42);
const sample = raw
  .prepare(
    "SELECT uscc, org_code, name FROM subjects WHERE kind != 'natural_person' AND rowid IN (SELECT rowid FROM subjects ORDER BY random() LIMIT ?)",
  )
  .all(queries) as { uscc: string; org_code: string | null; name: string }[];
const terms = sample.map((s) => {
  const chars = [...s.name.replace(/^北京(市海淀区)?/, '')];
  const length = random.weighted([
    [2, 4],
    [3, 3],
    [4, 3],
    [5, 1],
    [6, 1],
  ] as const);
  const start = random.int(0, Math.max(0, chars.length - length));
  return chars.slice(start, start + length).join('');
});

async function time(run: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function measure(
  label: string,
  items: readonly string[],
  service: (v: string) => Promise<unknown>,
  baseline: (v: string) => unknown,
) {
  // Warm both paths.
  for (const v of items.slice(0, 100)) {
    await service(v);
    baseline(v);
  }
  // Latency: each call timed on its own.
  const s: number[] = [];
  const b: number[] = [];
  for (const v of items) {
    s.push(await time(() => service(v)));
    b.push(await time(() => baseline(v)));
  }
  // Cost ratio: alternating batches over the same values, so machine noise
  // hits both alike; the median of the per-batch ratios.
  const ratios: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < items.length; i += 200) {
      const chunk = items.slice(i, i + 200);
      const t0 = process.hrtime.bigint();
      for (const v of chunk) await service(v);
      const t1 = process.hrtime.bigint();
      for (const v of chunk) baseline(v);
      const t2 = process.hrtime.bigint();
      ratios.push(Number(t1 - t0) / Math.max(1, Number(t2 - t1)));
    }
  }
  const ratio = summarise(ratios).p50;
  const svc = summarise(s);
  const base = summarise(b);
  console.log(
    `${label.padEnd(16)} service p50 ${fmt(svc.p50)} p95 ${fmt(svc.p95)} | raw p50 ${fmt(base.p50)} p95 ${fmt(base.p95)} | cost ratio ${ratio.toFixed(2)}×`,
  );
  return { svc, base, ratio };
}

const packed = (t: string) => {
  const [a, b] = [...t.toLowerCase()];
  return a!.codePointAt(0)! * 0x110000 + (b ? b.codePointAt(0)! : 0);
};

console.log(
  `subject-lookup on ${await countAllSubjects(deps.db.kysely)} subjects, ${sample.length} queries each (SQLite)`,
);
const uscc = await measure(
  'by USCC',
  sample.map((s) => s.uscc),
  (v) => findSubjectByIdentifier(env, deps.db.kysely, v),
  (v) => rawByUscc.get(v),
);
const legacy = await measure(
  'by legacy code',
  sample.filter((s) => s.org_code).map((s) => s.org_code!),
  (v) => findSubjectByIdentifier(env, deps.db.kysely, v),
  (v) => rawByLegacy.get(v),
);
const name = await measure(
  'by name part',
  terms,
  (v) => searchSubjects(env, { q: v, limit: 20 }, { publicOnly: true }),
  (v) => ([...v].length >= 3 ? rawNameFts.all(`"${v}"`) : rawNameBigram.all(packed(v))),
);
raw.close();
await deps.db.close();

const verdict = uscc.ratio <= 2 && legacy.ratio <= 2 && name.svc.p95 <= 20 ? 'PASS' : 'MISS';
console.log(
  `subject-lookup ${verdict}: USCC ${uscc.ratio.toFixed(2)}× raw, legacy code ${legacy.ratio.toFixed(2)}× raw (target ≤ 2×); name substring p95 ${name.svc.p95.toFixed(2)} ms (target ≤ 20 ms, ${name.ratio.toFixed(2)}× raw incl. count)`,
);
