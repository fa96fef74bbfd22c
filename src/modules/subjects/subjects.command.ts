import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Command } from 'commander';
import type { Boot } from '../../platform/module';
import { systemCaller } from '../../platform/context';
import { loadConfig } from '../../platform/config';
import { checkIdentifier, formatIdentifierCheck } from './identifiers';
import { importLegacyMappings, searchSubjects } from './subjects.service';
import { subjectsEnv } from './subjects.env';
import { decodeText } from '../../platform/text-decoding';

export function subjectsCommands(program: Command, boot: Boot): void {
  program
    .command('id')
    .description('Identifiers (USCC, organisation code, registration number, citizen ID)')
    .command('check')
    .description('Check each value: its kind, validity, normalised form and, if invalid, the precise reason')
    .argument('<values...>', 'identifiers to check')
    .option('--json', 'machine-readable output')
    .option('--lang <lang>', 'zh or en', 'zh')
    .action((values: string[], options: { json?: boolean; lang: string }) => {
      const config = loadConfig({ secretKey: Buffer.alloc(32) });
      const results = values.map((v) => checkIdentifier(v, { allowList: config.usccAllowList }));
      if (options.json) console.log(JSON.stringify(results, null, 2));
      else for (const r of results) console.log(formatIdentifierCheck(r, options.lang === 'en' ? 'en' : 'zh'));
      if (results.some((r) => !r.valid)) process.exitCode = 1;
    });

  const subjects = program
    .command('subjects')
    .description('Subjects: legal persons, organisations, individual businesses, natural persons');
  subjects
    .command('find')
    .description('Find public subjects by name substring or identifier')
    .argument('<query>')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'machine-readable output')
    .action(async (query: string, options: { limit: string; json?: boolean }) => {
      const deps = await boot();
      try {
        const result = await searchSubjects(
          subjectsEnv(deps),
          { q: query, limit: Number(options.limit) },
          { publicOnly: true },
        );
        if (options.json) {
          console.log(
            JSON.stringify(
              {
                total: result.total,
                items: result.items.map((i) => ({
                  id: i.subject.id,
                  name: i.subject.name,
                  uscc: i.subject.uscc,
                  kind: i.subject.kind,
                })),
              },
              null,
              2,
            ),
          );
          return;
        }
        console.log(`共 ${result.total}${result.totalCapped ? '+' : ''} 条 / ${result.total} match(es)`);
        for (const i of result.items)
          console.log(`${i.subject.uscc ?? i.subject.registration_number ?? '—'}\t${i.subject.name}`);
      } finally {
        await deps.db.close();
      }
    });
  subjects
    .command('map-legacy')
    .description(
      'Import a legacy code → USCC mapping CSV (columns legacy_code,uscc or 旧代码,统一社会信用代码); all or nothing',
    )
    .argument('<file>')
    .option('--json', 'machine-readable output')
    .action(async (file: string, options: { json?: boolean }) => {
      const records = parse<Record<string, string>>(decodeText(readFileSync(file)), {
        columns: true,
        skip_empty_lines: true,
        trim: true,
      });
      const rows = records.map((r) => ({
        legacyCode: r.legacy_code ?? r['旧代码'] ?? r['组织机构代码'] ?? r['注册号'] ?? '',
        uscc: r.uscc ?? r['统一社会信用代码'] ?? '',
      }));
      const deps = await boot();
      try {
        const outcome = await importLegacyMappings(subjectsEnv(deps), systemCaller('cli'), rows);
        if (options.json) console.log(JSON.stringify(outcome, null, 2));
        else if (outcome.errors.length === 0)
          console.log(
            `已映射 ${outcome.mapped} 条，未变 ${outcome.unchanged} 条 / mapped ${outcome.mapped}, unchanged ${outcome.unchanged}`,
          );
        else {
          console.log(
            `有 ${outcome.errors.length} 行错误，未写入任何映射 / ${outcome.errors.length} bad row(s); nothing was written:`,
          );
          for (const e of outcome.errors)
            console.log(`  第 ${e.row + 1} 行 row ${e.row + 1} ${e.field}=${e.value}: ${e.reason.zh} / ${e.reason.en}`);
        }
        if (outcome.errors.length) process.exitCode = 1;
      } finally {
        await deps.db.close();
      }
    });
}
