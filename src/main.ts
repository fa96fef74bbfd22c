import { Command } from 'commander';
import { boot } from './boot';
import { modules } from './modules/registry';
import { registerServeCommands } from './cli/serve.command';
import { registerAuditCommands } from './cli/audit.command';

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
registerAuditCommands(program, () => boot({ logLevel: 'warn' }));
for (const m of modules) m.registerCommands?.(program, () => boot({ logLevel: 'warn' }));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const text = (error as { text?: { zh: string; en: string } }).text;
  console.error(text ? `${text.zh}\n${text.en}` : ((error as Error).stack ?? String(error)));
  process.exitCode = 1;
}
