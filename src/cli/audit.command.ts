import type { Command } from 'commander';
import type { Boot } from '../platform/module';
import { checkpointAudit, verifyAudit } from '../platform/audit';

export function registerAuditCommands(program: Command, boot: Boot): void {
  const audit = program.command('audit').description('The hash-chained audit log');
  audit
    .command('verify')
    .description('Walk the chain and report the first altered, deleted or reordered entry')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const deps = await boot();
      try {
        const result = await verifyAudit(deps.db, deps.config.auditCheckpointFile);
        if (options.json) console.log(JSON.stringify(result, null, 2));
        else if (result.ok) {
          console.log(`审计日志完好：${result.entries} 条，检查点 ${result.checkpointsChecked} 个`);
          console.log(`Audit log intact: ${result.entries} entries, ${result.checkpointsChecked} checkpoints checked`);
        } else {
          console.log(`审计日志异常：${result.problem!.message.zh}`);
          console.log(`Audit log broken: ${result.problem!.message.en}`);
        }
        if (!result.ok) process.exitCode = 2;
      } finally {
        await deps.db.close();
      }
    });
  audit
    .command('checkpoint')
    .description('Record the chain head in the checkpoint file')
    .action(async () => {
      const deps = await boot();
      try {
        const head = await checkpointAudit(deps.db, deps.config.auditCheckpointFile);
        console.log(`checkpoint seq=${head.seq} hash=${head.hash}`);
      } finally {
        await deps.db.close();
      }
    });
}
