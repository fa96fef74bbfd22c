/**
 * Demo submissions: a few penalty batches per department sent through the
 * real ingest path, as a department's business system would send them —
 * most rows right, some with a wrong identifier check character, a repeated
 * decision number or a category outside the dictionary — followed by a batch
 * that corrects part of the rejected rows. The console's dashboard then shows
 * submissions, rejections by reason, 重错码率 and 纠正率 from the first start.
 */
import type { AppDeps } from '../platform/module';
import { systemCaller } from '../platform/context';
import { listDepartments } from '../modules/identity';
import { runBatch } from '../modules/ingest';
import { generateDemoSubjects } from './subjects.generator';
import { AUTHORITY_ABBREVIATIONS, generatePenalties, type DemoCounterpart } from './records.generator';
import { Random } from './random';

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** A USCC with its check character changed: the check fails, as a mistyped code does. */
function wrongCheck(uscc: string): string {
  const last = uscc.at(-1)!;
  return uscc.slice(0, -1) + (last === '0' ? '1' : '0');
}

export async function loadDemoSubmissions(
  deps: AppDeps,
  options: { seed?: number; today: string; rowsPerBatch?: number },
): Promise<{ batches: number }> {
  const seed = (options.seed ?? 2017) + 91;
  const random = new Random(seed);
  const rowsPerBatch = options.rowsPerBatch ?? 40;
  const known = generateDemoSubjects(
    { seed: options.seed ?? 2017, divisionCode: '110108', startIndex: 0, count: 2000 },
    new Set(),
  );
  const counterparts: DemoCounterpart[] = known
    .filter((s) => s.kind !== 'natural_person')
    .map((s) => ({
      name: s.name,
      kind: s.kind,
      uscc: s.uscc ?? null,
      legalRepresentative: s.legalRepresentative ?? null,
      idNumber: s.idNumber ?? null,
    }));
  const departments = (await listDepartments(deps.db.kysely)).filter((d) => AUTHORITY_ABBREVIATIONS[d.code]);
  let batches = 0;
  let startIndex = 5_000_000; // decision numbers well past those of the demo records
  for (const [d, department] of departments.slice(0, 4).entries()) {
    const authority = { code: department.code, name: department.nameZh, uscc: department.uscc };
    const rows = [
      ...generatePenalties({
        seed: seed + d,
        count: rowsPerBatch,
        startIndex,
        from: addDays(options.today, -25),
        to: addDays(options.today, -1),
        subjects: counterparts,
        authorities: [{ ...authority, abbreviation: AUTHORITY_ABBREVIATIONS[department.code]! }],
      }),
    ];
    startIndex += rowsPerBatch;
    if (rows.length === 0) continue; // a department without demo violations
    // Mistakes a clerk makes, at a rate that differs by department.
    const bad = new Map<number, Record<string, string>>();
    const mistakes = 2 + d;
    for (let m = 0; m < mistakes; m += 1) {
      const index = random.int(1, rows.length - 1);
      const row = rows[index]!;
      const kind = m % 3;
      if (kind === 0 && row.CF_XDR_SHXYM) bad.set(index, { ...row, CF_XDR_SHXYM: wrongCheck(row.CF_XDR_SHXYM) });
      else if (kind === 1) bad.set(index, { ...row, CF_WSH: rows[0]!.CF_WSH! });
      else bad.set(index, { ...row, CF_CFLB: '通报批评并责令整改' });
    }
    const submitted = rows.map((row, i) => bad.get(i) ?? row);
    await runBatch(deps, systemCaller('demo'), {
      itemCode: 'ADM_PENALTY',
      departmentCode: department.code,
      mode: 'valid_rows',
      channel: 'api',
      source: { kind: 'rows', rows: submitted },
    });
    batches += 1;
    // The department corrects about half of what was refused and sends it again.
    const corrected = [...bad.keys()].filter((_, i) => i % 2 === 0).map((i) => rows[i]!);
    if (corrected.length > 0) {
      await runBatch(deps, systemCaller('demo'), {
        itemCode: 'ADM_PENALTY',
        departmentCode: department.code,
        mode: 'valid_rows',
        channel: 'api',
        source: { kind: 'rows', rows: corrected },
      });
      batches += 1;
    }
  }
  return { batches };
}
