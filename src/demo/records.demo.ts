/**
 * Demo records: licences and penalties from several departments over the
 * past two years, received like real ones (most within days, some late), a
 * few waiting unpublished past their deadline (overdue), some past their
 * publication window, some withdrawn, a few naming unknown subjects — so that
 * `npm start` shows a district that looks alive. Written through the records
 * module's own write path, with the clock set to each simulated receipt day.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { AppDeps } from '../platform/module';
import { systemCaller } from '../platform/context';
import { newId } from '../platform/ids';
import { getCatalogItem } from '../modules/catalog';
import { listDepartments } from '../modules/identity';
import { countAllSubjects } from '../modules/subjects';
import {
  endExpiredPublications,
  flagOverdue,
  listRecords,
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

export interface DemoRecordsOptions {
  readonly records: number;
  readonly seed?: number;
  readonly progress?: boolean;
}

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export async function loadDemoRecords(
  deps: AppDeps,
  options: DemoRecordsOptions,
): Promise<{ records: number; rejected: number }> {
  const seed = options.seed ?? 2017;
  const random = new Random(seed * 31 + 7);
  const today = todayInShanghai();
  const caller = systemCaller('demo');
  const env = recordsEnv(deps);

  // Counterparts: the demo subjects (regenerated, deterministic) plus 1% nobody registered.
  const existing = Math.min(await countAllSubjects(deps.db.kysely), 50_000);
  const known = generateDemoSubjects({ seed, divisionCode: '110108', startIndex: 0, count: existing }, new Set());
  const strangers = generateDemoSubjects(
    { seed: seed + 1, divisionCode: '110108', startIndex: 9_000_000, count: Math.max(5, Math.round(existing / 100)) },
    new Set(known.map((s) => s.name)),
  );
  const counterparts: DemoCounterpart[] = [...known, ...strangers].map((s) => ({
    name: s.name,
    kind: s.kind,
    uscc: s.uscc ?? null,
    legalRepresentative: s.legalRepresentative ?? null,
    idNumber: s.idNumber ?? null,
  }));
  const authorities = (await listDepartments(deps.db.kysely))
    .filter((d) => AUTHORITY_ABBREVIATIONS[d.code])
    .map((d) => ({ code: d.code, name: d.nameZh, uscc: d.uscc, abbreviation: AUTHORITY_ABBREVIATIONS[d.code]! }));
  const byAuthorityName = new Map(authorities.map((a) => [a.name, a.code]));

  const from = addDays(today, -730);
  const penalties = Math.round(options.records * 0.7);
  const generated = [
    ...[...generatePenalties({ seed, count: penalties, from, to: today, subjects: counterparts, authorities })].map(
      (row) => ({ item: 'ADM_PENALTY', row, decided: row.CF_JDRQ!, authority: row.CF_CFJG! }),
    ),
    ...[
      ...generateLicences({
        seed,
        count: options.records - penalties,
        from,
        to: today,
        subjects: counterparts,
        authorities,
      }),
    ].map((row) => ({ item: 'ADM_LICENSE', row, decided: row.XK_JDRQ!, authority: row.XK_XKJG! })),
  ];

  // Each record is received some days after its decision: mostly on time, ~8% late,
  // and the newest ~2% are still waiting for review (they become overdue).
  const items = {
    ADM_PENALTY: await getCatalogItem(deps.db.kysely, 'ADM_PENALTY'),
    ADM_LICENSE: await getCatalogItem(deps.db.kysely, 'ADM_LICENSE'),
  };
  type Group = {
    item: 'ADM_PENALTY' | 'ADM_LICENSE';
    department: string;
    receipt: string;
    pending: boolean;
    rows: UpsertRow[];
  };
  const groups = new Map<string, Group>();
  let rejected = 0;
  for (const [index, g] of generated.entries()) {
    const item = items[g.item as keyof typeof items];
    const check = validateRecord(item, g.row, { today, usccAllowList: deps.config.usccAllowList });
    if (!check.ok) {
      rejected += 1;
      continue;
    }
    const late = random.chance(0.08);
    const receipt = addDays(g.decided, late ? random.int(12, 25) : random.int(1, 6));
    const pending = !late && receipt >= addDays(today, -20) && random.chance(0.3);
    if (receipt > today) continue; // not submitted yet
    const department = byAuthorityName.get(g.authority)!;
    const key = `${g.item}|${department}|${receipt}|${pending}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { item: g.item as Group['item'], department, receipt, pending, rows: [] }));
    group.rows.push({ rowNumber: index + 1, payload: check.payload });
  }

  const bar = options.progress
    ? new SingleBar(
        { format: '记录 records [{bar}] {percentage}% {value}/{total}', hideCursor: true },
        Presets.shades_classic,
      )
    : null;
  bar?.start(generated.length, 0);
  let written = 0;
  for (const group of [...groups.values()].sort((a, b) => a.receipt.localeCompare(b.receipt))) {
    const item = items[group.item];
    const at = new Date(`${group.receipt}T02:30:00Z`); // 10:30 in Beijing
    await deps.db.transaction((tx) =>
      upsertRecords(
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
        },
        { ...env, now: () => at, settings: { ...env.settings, publishOnReceipt: !group.pending } },
      ),
    );
    written += group.rows.length;
    bar?.update(written);
  }
  bar?.stop();

  // A few decisions were revoked after publication.
  const page = await listRecords(deps.db.kysely, { itemCode: 'ADM_PENALTY', limit: 400 });
  for (const record of page.items.filter(() => random.chance(0.03))) {
    const revokedOn = addDays(record.decisionDate ?? today, 40);
    if (revokedOn > today) continue;
    // Most withdrawals come the day after the revocation; every fifth is late.
    const withdrawnOn = addDays(revokedOn, random.chance(0.2) ? 9 : 1);
    await withdrawRecord(
      deps.db,
      caller,
      record.id,
      { reason: '原处罚决定经行政复议被撤销', revokedOn },
      { settings: env.settings, now: () => new Date(`${withdrawnOn}T03:00:00Z`) },
    );
  }
  await flagOverdue(deps.db, today);
  await endExpiredPublications(deps.db, today);
  return { records: written, rejected };
}
