/**
 * Millions of demo records for the web benchmark: licences and penalties
 * from several departments over the past three years, spread over the demo
 * subjects the way real ones are — a few subjects with thousands of records,
 * most with one or two, many with none — some past their publication window,
 * some withdrawn, some naming natural persons or nobody registered.
 *
 * Fast because it is lean, not because it goes around the records module:
 * validated rows go through `upsertRecords` (the one write path, so the rows
 * are exactly what an import writes: record key, content hash, class,
 * deadline, window, subject match, version) in week-sized transactions under
 * the bulk-write cache, without the file reading, batch bookkeeping and
 * per-row error reports of an import.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { AppDeps } from '../platform/module';
import { systemCaller } from '../platform/context';
import { appendAudit } from '../platform/audit';
import { newId } from '../platform/ids';
import { getCatalogItem } from '../modules/catalog';
import { listDepartments } from '../modules/identity';
import {
  endExpiredPublications,
  flagOverdue,
  recordsEnv,
  upsertRecords,
  withdrawRecord,
  type UpsertRow,
} from '../modules/records';
import { todayInShanghai, validateRecord } from '../modules/ingest';
import { generateDemoSubjects } from './subjects.generator';
import {
  AUTHORITY_ABBREVIATIONS,
  generateLicences,
  generatePenalties,
  type DemoCounterpart,
} from './records.generator';
import { Random } from './random';

export interface BulkRecordsOptions {
  /** Records to generate (some are rejected or not yet received: see the result). */
  readonly records: number;
  /** How many demo subjects `loadDemo` registered (with the same seed, in one run). */
  readonly subjects: number;
  readonly seed?: number;
  readonly progress?: boolean;
  /** Called after each week written (records generated so far, of `records`). */
  readonly onProgress?: (generated: number, total: number) => void;
  /** Share of penalties withdrawn after publication (default 0.1 %). */
  readonly withdrawnShare?: number;
}

export interface BulkRecordsResult {
  readonly written: number;
  readonly rejected: number;
  /** Why the first rejected row was (the generator makes a few invalid on purpose: the rules are real). */
  readonly firstRejection: string | null;
  readonly withdrawn: number;
  readonly expired: number;
  readonly seconds: number;
}

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Subjects that draw 3 % of all records between them (the entity pages past the 500-record cap). */
const HEAVY_SUBJECTS = 40;
/** Records naming somebody the register does not know (the review queue). */
const STRANGER_SHARE = 0.01;

/**
 * The counterparts `loadDemo` registered, regenerated (deterministic: same
 * seed, one name set across batches, as `loadDemo` does in one call).
 */
function demoCounterparts(seed: number, count: number): DemoCounterpart[] {
  const used = new Set<string>();
  const out: DemoCounterpart[] = [];
  for (let offset = 0; offset < count; offset += 5000) {
    for (const s of generateDemoSubjects(
      { seed, divisionCode: '110108', startIndex: offset, count: Math.min(5000, count - offset) },
      used,
    )) {
      out.push({
        name: s.name,
        kind: s.kind,
        uscc: s.uscc ?? null,
        legalRepresentative: s.legalRepresentative ?? null,
        idNumber: s.idNumber ?? null,
      });
    }
  }
  return out;
}

/**
 * A skewed pick: 3 % of records go to a few heavy organisations (the first
 * of them far more than the last), 1 % to strangers, the rest by a power law
 * over a scrambled order of all subjects (1 % of subjects draw ~16 % of records).
 */
function skewedPicker(known: readonly DemoCounterpart[], strangers: readonly DemoCounterpart[]) {
  const n = known.length;
  // A fixed permutation, so the power law's favourites are spread over the register.
  const multiplier = [2_654_435_761, 40_503, 7_919].find((m) => gcd(m, n) === 1) ?? 1;
  const scrambled = (i: number) => Number((BigInt(i) * BigInt(multiplier) + 12_345n) % BigInt(n));
  const heavy: DemoCounterpart[] = [];
  for (let i = 0; heavy.length < Math.min(HEAVY_SUBJECTS, n) && i < n; i++) {
    const s = known[scrambled(n - 1 - i)]!;
    if (s.kind !== 'natural_person') heavy.push(s);
  }
  return (random: Random): DemoCounterpart => {
    const roll = random.next();
    if (roll < 0.03 && heavy.length > 0) return heavy[Math.floor(random.next() ** 2 * heavy.length)]!;
    if (roll < 0.03 + STRANGER_SHARE && strangers.length > 0) return random.pick(strangers);
    return known[scrambled(Math.floor(random.next() ** 2.5 * n))]!;
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Writes `records` licences and penalties (60/40) decided over the past three
 * years against the demo subjects, week by week in decision order, each week
 * received two days after it ended (a twelfth of it a week later); then withdraws a
 * few, flags overdue ones and ends the windows that closed (the daily jobs).
 */
export async function loadBulkRecords(deps: AppDeps, options: BulkRecordsOptions): Promise<BulkRecordsResult> {
  const started = Date.now();
  const seed = options.seed ?? 2017;
  const today = todayInShanghai();
  const caller = systemCaller('demo');
  const env = recordsEnv(deps);
  const random = new Random(seed * 97 + 3);

  const known = demoCounterparts(seed, options.subjects);
  const strangers = generateDemoSubjects(
    {
      seed: seed + 1,
      divisionCode: '110108',
      startIndex: 9_000_000,
      count: Math.max(5, Math.round(known.length / 200)),
    },
    new Set(),
  ).map((s) => ({
    name: s.name,
    kind: s.kind,
    uscc: s.uscc ?? null,
    legalRepresentative: s.legalRepresentative ?? null,
    idNumber: s.idNumber ?? null,
  }));
  const pickSubject = skewedPicker(known, strangers);
  const authorities = (await listDepartments(deps.db.kysely))
    .filter((d) => AUTHORITY_ABBREVIATIONS[d.code])
    .map((d) => ({ code: d.code, name: d.nameZh, uscc: d.uscc, abbreviation: AUTHORITY_ABBREVIATIONS[d.code]! }));
  const departmentOf = new Map(authorities.map((a) => [a.name, a.code]));
  const items = {
    ADM_PENALTY: await getCatalogItem(deps.db.kysely, 'ADM_PENALTY'),
    ADM_LICENSE: await getCatalogItem(deps.db.kysely, 'ADM_LICENSE'),
  };

  const bar = options.progress
    ? new SingleBar(
        { format: '记录 records [{bar}] {percentage}% {value}/{total} {rate}/s ETA {eta}s', hideCursor: true },
        Presets.shades_classic,
      )
    : null;
  bar?.start(options.records, 0, { rate: 0 });

  const weeks = Math.ceil((3 * 365) / 7);
  const first = addDays(today, -weeks * 7);
  const penaltyTotal = Math.round(options.records * 0.6);
  let penaltyIndex = 0;
  let licenceIndex = 0;
  let generated = 0;
  let written = 0;
  let rejected = 0;
  let firstRejection: string | null = null;
  const withdrawnShare = options.withdrawnShare ?? 0.001;
  const toWithdraw: { id: string; revokedOn: string }[] = [];
  // Every record is published on receipt, whatever this installation's setting.
  const settings = { ...env.settings, publishOnReceipt: true };
  await deps.db.helpers.withBulkWrite(deps.db.kysely, async () => {
    for (let week = 0; week < weeks; week++) {
      const from = addDays(first, week * 7);
      const to = addDays(from, 6);
      // Even shares per week; the last week takes the rounding.
      const penalties = Math.round((penaltyTotal * (week + 1)) / weeks) - penaltyIndex;
      const licences = Math.round(((options.records - penaltyTotal) * (week + 1)) / weeks) - licenceIndex;
      const common = { seed, from, to, subjects: known, authorities, pickSubject };
      const rows = [
        ...[...generatePenalties({ ...common, count: penalties, startIndex: penaltyIndex })].map((row) => ({
          item: 'ADM_PENALTY' as const,
          row,
          authority: row.CF_CFJG!,
        })),
        ...[...generateLicences({ ...common, count: licences, startIndex: licenceIndex })].map((row) => ({
          item: 'ADM_LICENSE' as const,
          row,
          authority: row.XK_XKJG!,
        })),
      ];
      penaltyIndex += penalties;
      licenceIndex += licences;
      generated += rows.length;

      // One call of the write path per item, department and receipt day.
      const groups = new Map<
        string,
        { item: keyof typeof items; department: string; receipt: string; rows: UpsertRow[] }
      >();
      for (const [index, g] of rows.entries()) {
        const check = validateRecord(items[g.item], g.row, { today, usccAllowList: deps.config.usccAllowList });
        if (!check.ok) {
          if (rejected === 0) firstRejection = JSON.stringify(check.errors.slice(0, 2));
          rejected += 1;
          continue;
        }
        // Received two days after the week ended, a twelfth of it a week later (late).
        const receipt = addDays(to, random.chance(1 / 12) ? 9 : 2);
        if (receipt > today) continue; // not received yet
        const department = departmentOf.get(g.authority)!;
        const key = `${g.item}|${department}|${receipt}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { item: g.item, department, receipt, rows: [] }));
        group.rows.push({ rowNumber: index + 1, payload: check.payload });
      }
      await deps.db.transaction(async (tx) => {
        // One audit entry per week, as an import writes one per batch.
        await appendAudit(tx, caller, {
          action: 'records.upsert',
          targetType: 'record_batch',
          targetId: newId(),
          detail: {
            channel: 'cli',
            demo: true,
            from,
            to,
            rows: [...groups.values()].reduce((n, g) => n + g.rows.length, 0),
          },
        });
        for (const group of groups.values()) {
          const item = items[group.item];
          const at = new Date(`${group.receipt}T02:30:00Z`); // 10:30 in Beijing
          const results = await upsertRecords(
            tx,
            caller,
            {
              itemCode: item.code,
              itemVersion: item.version,
              departmentCode: group.department,
              batchId: newId(),
              fileHash: null,
              channel: 'cli',
              rows: group.rows,
              auditedByCaller: true,
            },
            { ...env, now: () => at, settings },
          );
          written += group.rows.length;
          if (group.item !== 'ADM_PENALTY') continue;
          for (const r of results) {
            if (random.chance(withdrawnShare)) toWithdraw.push({ id: r.recordId, revokedOn: addDays(to, 40) });
          }
        }
      });
      options.onProgress?.(generated, options.records);
      bar?.update(generated, { rate: Math.round(written / Math.max(0.001, (Date.now() - started) / 1000)) });
    }
  });
  bar?.stop();

  // Some penalties were revoked after publication and withdrawn (most the day after, every fifth late).
  let withdrawn = 0;
  for (const record of toWithdraw) {
    const withdrawnOn = addDays(record.revokedOn, random.chance(0.2) ? 9 : 1);
    if (withdrawnOn > today) continue;
    await withdrawRecord(
      deps.db,
      caller,
      record.id,
      { reason: '原处罚决定经行政复议被撤销', revokedOn: record.revokedOn },
      { settings: env.settings, now: () => new Date(`${withdrawnOn}T03:00:00Z`) },
    );
    withdrawn += 1;
  }
  await flagOverdue(deps.db, today);
  const { expired } = await endExpiredPublications(deps.db, today);
  return { written, rejected, firstRejection, withdrawn, expired, seconds: (Date.now() - started) / 1000 };
}
