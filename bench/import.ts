/**
 * bench/import — issue: a 1,000,000-row national-standard penalty CSV imported
 * with full validation, subject matching and indexing, as a ratio to raw
 * prepared-statement inserts of the same rows into the same SQLite database
 * in the same run. Targets: ratio ≥ 0.25; peak RSS < 500 MB whatever the size.
 *
 *   npm run bench -- import [--rows 1000000] [--subjects 100000] [--format csv|xlsx]
 *
 * Each phase runs in its own child process so that its peak RSS is its own.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { boot } from '../src/boot';
import { loadDemo } from '../src/demo';
import { generateDemoSubjects } from '../src/demo/subjects.generator';
import { AUTHORITY_ABBREVIATIONS, generatePenalties, type DemoCounterpart } from '../src/demo/records.generator';
import { listDepartments } from '../src/modules/identity';
import { getCatalogItem } from '../src/modules/catalog';
import { runBatch } from '../src/modules/ingest';
import { systemCaller } from '../src/platform/context';
import { option } from './_support';

const rows = Number(option('rows', '1000000'));
const subjects = Number(option('subjects', '100000'));
const phase = option('phase', 'main');
/** `csv` (the issue's figure) or `xlsx`: the same rows as a workbook with shared strings, as Excel saves them. */
const format = option('format', 'csv');
const root = path.resolve(import.meta.dirname, '.data', `import-${rows}-${subjects}`);
const baseDb = path.join(root, 'base', 'xinyong.db');
const baseKey = path.join(root, 'base', 'secret.key');
const baseSchema = path.join(root, 'base', 'schema.sha256');
const csvFile = path.join(root, 'penalties.csv');
const xlsxFile = path.join(root, 'penalties.xlsx');
const workDir = path.join(root, 'work');

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * What the base database was made with — the migrations and the SQLite file
 * settings: when they change (an index, the page size), the base is made anew.
 */
function schemaFingerprint(): string {
  const src = path.resolve(import.meta.dirname, '..', 'src');
  const hash = createHash('sha256');
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' }).sort()) {
    if (file.endsWith('.migrations.ts') || file === path.join('platform', 'db', 'sqlite.ts'))
      hash.update(file).update(readFileSync(path.join(src, file)));
  }
  return hash.digest('hex');
}

async function prepare(): Promise<void> {
  const fingerprint = schemaFingerprint();
  if (
    existsSync(baseDb) &&
    existsSync(csvFile) &&
    existsSync(baseSchema) &&
    readFileSync(baseSchema, 'utf8') === fingerprint
  )
    return;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.dirname(baseDb), { recursive: true });
  console.log(`Preparing ${subjects} subjects and a ${rows}-row penalty CSV in ${root} (once)…`);
  const deps = await boot({
    config: { dataDir: path.dirname(baseDb), dialect: 'sqlite', databaseUrl: null, sqlitePath: baseDb },
    logLevel: 'warn',
  });
  await loadDemo(deps, { subjects, progress: !!process.stdout.isTTY });
  const departments = await listDepartments(deps.db.kysely);
  const item = await getCatalogItem(deps.db.kysely, 'ADM_PENALTY');
  await deps.db.close();
  const people: DemoCounterpart[] = [];
  for (let offset = 0; offset < subjects; offset += 5000) {
    for (const s of generateDemoSubjects(
      { seed: 2017, divisionCode: '110108', startIndex: offset, count: Math.min(5000, subjects - offset) },
      new Set(),
    )) {
      people.push({
        name: s.name,
        kind: s.kind,
        uscc: s.uscc ?? null,
        legalRepresentative: s.legalRepresentative ?? null,
        idNumber: s.idNumber ?? null,
      });
    }
  }
  const authorities = departments
    .filter((d) => AUTHORITY_ABBREVIATIONS[d.code])
    .map((d) => ({ code: d.code, name: d.nameZh, uscc: d.uscc, abbreviation: AUTHORITY_ABBREVIATIONS[d.code]! }));
  const fields = item.fields.filter((f) => !f.derived);
  const out = createWriteStream(csvFile);
  out.write('\ufeff' + fields.map((f) => f.labelZh).join(',') + '\n');
  let n = 0;
  for (const row of generatePenalties({
    seed: 7,
    count: rows,
    from: '2024-12-01',
    to: '2026-11-20',
    subjects: people,
    authorities,
  })) {
    if (!out.write(fields.map((f) => csvField(row[f.code] ?? '')).join(',') + '\n')) await once(out, 'drain');
    n += 1;
  }
  out.end();
  await once(out, 'finish');
  writeFileSync(baseSchema, fingerprint);
  console.log(`  ${n} rows written`);
}

/** The CSV's rows as an XLSX workbook, streamed, with shared strings as Excel writes them (once). */
async function prepareXlsx(): Promise<void> {
  if (existsSync(xlsxFile)) return;
  console.log(`Writing the same rows as ${xlsxFile} (once)…`);
  const partial = `${xlsxFile}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true });
  const sheet = workbook.addWorksheet('处罚');
  for await (const record of createReadStream(csvFile).pipe(parse({ bom: true })) as AsyncIterable<string[]>)
    sheet.addRow(record).commit();
  sheet.commit();
  await workbook.commit();
  renameSync(partial, xlsxFile);
}

/** Baseline: parse the same CSV and insert every row with one prepared statement, in one transaction. */
async function rawPhase(dbFile: string): Promise<void> {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const parser = createReadStream(csvFile).pipe(parse({ bom: true }));
  let insert: Database.Statement | null = null;
  let count = 0;
  const started = process.hrtime.bigint();
  db.exec('BEGIN');
  for await (const record of parser as AsyncIterable<string[]>) {
    if (!insert) {
      db.exec(`CREATE TABLE bench_raw (${record.map((_, i) => `c${i} TEXT`).join(', ')})`);
      insert = db.prepare(`INSERT INTO bench_raw VALUES (${record.map(() => '?').join(', ')})`);
      continue;
    }
    insert.run(record);
    count += 1;
  }
  db.exec('COMMIT');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  console.log(JSON.stringify({ rows: count, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function importPhase(dbFile: string): Promise<void> {
  const deps = await boot({
    config: { dataDir: path.dirname(dbFile), dialect: 'sqlite', databaseUrl: null, sqlitePath: dbFile },
    logLevel: 'warn',
  });
  const started = process.hrtime.bigint();
  const result = await runBatch(
    deps,
    systemCaller('bench'),
    {
      itemCode: 'ADM_PENALTY',
      departmentCode: 'scjgj',
      mode: 'valid_rows',
      channel: 'cli',
      source:
        format === 'xlsx'
          ? { kind: 'file', path: xlsxFile, fileName: 'penalties.xlsx' }
          : { kind: 'file', path: csvFile, fileName: 'penalties.csv' },
    },
    {
      onProgress: (p) => {
        if (process.env.XINYONG_BENCH_TRACE && p.rowsRead % 50_000 === 0) {
          const m = process.memoryUsage();
          console.error(
            `  ${p.rowsRead} rows: rss ${(m.rss / 2 ** 20).toFixed(0)} MB, heap ${(m.heapUsed / 2 ** 20).toFixed(0)} MB, external ${(m.external / 2 ** 20).toFixed(0)} MB`,
          );
        }
      },
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await deps.db.close();
  console.log(
    JSON.stringify({
      rows: result.rowsRead,
      accepted: result.accepted,
      rejected: result.rejected,
      status: result.status,
      seconds,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      firstErrors: result.errors.slice(0, 3),
    }),
  );
}

function runChild(which: 'raw' | 'import', dbFile: string): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    [
      path.join(import.meta.dirname, 'run.js'),
      'import',
      '--rows',
      String(rows),
      '--subjects',
      String(subjects),
      '--phase',
      which,
      '--format',
      format,
      '--db',
      dbFile,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const last = out.trim().split('\n').pop()!;
  return JSON.parse(last) as Record<string, number>;
}

if (phase === 'raw') await rawPhase(option('db', ''));
else if (phase === 'import') await importPhase(option('db', ''));
else {
  await prepare();
  if (format === 'xlsx') await prepareXlsx();
  mkdirSync(workDir, { recursive: true });
  const rawDb = path.join(workDir, 'raw.db');
  const importDb = path.join(workDir, 'import.db');
  for (const f of [rawDb, importDb]) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(f + suffix, { force: true });
    copyFileSync(baseDb, f);
  }
  // The import must hash ID numbers with the key the subjects were registered with, or no natural person matches.
  copyFileSync(baseKey, path.join(workDir, 'secret.key'));
  const raw = runChild('raw', rawDb);
  console.log(
    `raw prepared inserts: ${raw.rows} rows in ${raw.seconds!.toFixed(1)} s = ${Math.round(raw.rows! / raw.seconds!)} rows/s, peak RSS ${raw.maxRssMb!.toFixed(0)} MB`,
  );
  const imp = runChild('import', importDb);
  console.log(
    `full import (${format}):   ${imp.rows} rows in ${imp.seconds!.toFixed(1)} s = ${Math.round(imp.rows! / imp.seconds!)} rows/s, peak RSS ${imp.maxRssMb!.toFixed(0)} MB (accepted ${imp.accepted}, rejected ${imp.rejected})`,
  );
  const ratio = imp.rows! / imp.seconds! / (raw.rows! / raw.seconds!);
  const verdict = ratio >= 0.25 && imp.maxRssMb! < 500 ? 'PASS' : 'MISS';
  console.log(
    `import ${format === 'xlsx' ? '(xlsx) ' : ''}${verdict}: ${ratio.toFixed(2)}× the raw insert rate (target ≥ 0.25), peak RSS ${imp.maxRssMb!.toFixed(0)} MB (target < 500 MB) on ${imp.rows} rows`,
  );
}
