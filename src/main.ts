import { Command } from 'commander';
import { boot } from './boot';
import { modules } from './modules/registry';
import { registerServeCommands } from './cli/serve.command';
import { registerAuditCommands } from './cli/audit.command';
import { loadDemo } from './demo';

const program = new Command()
  .name('xinyong')
  .description('Xinyong 信用 — public credit information platform')
  .showHelpAfterError();

program
  .command('migrate')
  .description('Create or update the database schema and reference data')
  .action(async () => {
    const deps = await boot();
    console.log(`Database ready (${deps.db.dialect}).`);
    await deps.db.close();
  });

registerServeCommands(program);
program
  .command('demo')
  .description('Load the deterministic demo district (subjects with valid identifiers, demo accounts)')
  .option('--subjects <n>', 'how many subjects to add', '20000')
  .option('--records <n>', 'licence and penalty records to add after them', '0')
  .option('--seed <n>', 'random seed', '2017')
  .action(async (options: { subjects: string; records: string; seed: string }) => {
    const deps = await boot({ logLevel: 'warn' });
    try {
      const { inserted, records, seconds } = await loadDemo(deps, {
        subjects: Number(options.subjects),
        records: Number(options.records),
        seed: Number(options.seed),
        progress: true,
      });
      console.log(
        `已生成 ${inserted} 个主体、${records} 条记录，用时 ${seconds.toFixed(1)} 秒 / ${inserted} subjects, ${records} records in ${seconds.toFixed(1)} s`,
      );
    } finally {
      await deps.db.close();
    }
  });
registerAuditCommands(program, () => boot({ logLevel: 'warn' }));
for (const m of modules) m.registerCommands?.(program, () => boot({ logLevel: 'warn' }));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const text = (error as { text?: { zh: string; en: string } }).text;
  console.error(text ? `${text.zh}\n${text.en}` : ((error as Error).stack ?? String(error)));
  process.exitCode = 1;
}
