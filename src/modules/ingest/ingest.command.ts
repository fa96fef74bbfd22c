import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { Boot } from '../../platform/module';
import { systemCaller } from '../../platform/context';
import { getCatalogItem } from '../catalog';
import { runBatch, type BatchResult } from './ingest.service';
import { template } from './ingest.pipeline';

function printSummary(result: BatchResult): void {
  const status = {
    committed: '已入库 committed',
    rejected: '已整批拒绝 rejected',
    failed: '失败 failed',
    running: '处理中 running',
  }[result.status];
  console.log(`批次 batch ${result.batchId}: ${status}`);
  console.log(
    `  读取 read ${result.rowsRead} · 接受 accepted ${result.accepted} · 拒绝 rejected ${result.rejected} · 新增 created ${result.created} · 更正 corrected ${result.corrected} · 未变 unchanged ${result.unchanged}`,
  );
  if (result.failure) console.log(`  ${result.failure.zh}\n  ${result.failure.en}`);
  for (const w of result.warnings) console.log(`  提示 warning: ${w.zh} / ${w.en}`);
  for (const e of result.errors.slice(0, 20)) {
    console.log(
      `  第 ${e.row} 行 row ${e.row} · ${e.label} (${e.field}) = "${e.value}": ${e.reason.zh} / ${e.reason.en}`,
    );
  }
  if (result.rejected > 20) {
    console.log(`  … 完整错误报告 full error report: GET /api/v1/ingest/batches/${result.batchId}/errors.xlsx`);
  }
}

export function ingestCommands(program: Command, boot: Boot): void {
  program
    .command('import')
    .description('Import a CSV (UTF-8 or GB18030) or XLSX file of records for one catalog item and department')
    .argument('<file>')
    .requiredOption('--item <code>', 'catalog item code, e.g. ADM_PENALTY')
    .requiredOption('--dept <code>', 'submitting department code, e.g. scjgj')
    .option('--all-or-nothing', 'commit nothing if any row is rejected')
    .option('--json', 'print the batch summary as JSON (accepted, rejected, errors[] with row, field, value, reason)')
    .action(async (file: string, options: { item: string; dept: string; allOrNothing?: boolean; json?: boolean }) => {
      if (!existsSync(file)) {
        console.error(`文件不存在 / no such file: ${file}`);
        process.exitCode = 2;
        return;
      }
      const deps = await boot();
      // The bar goes to stderr so that --json output stays parseable.
      const bar = process.stderr.isTTY
        ? new SingleBar(
            {
              format: '导入 importing {bar} {value} 行 rows · {rate} 行/秒 rows/s · 拒绝 rejected {rejected}',
              stream: process.stderr,
            },
            Presets.shades_classic,
          )
        : null;
      const started = Date.now();
      bar?.start(0, 0, { rate: 0, rejected: 0 });
      try {
        const result = await runBatch(
          deps,
          systemCaller('cli'),
          {
            itemCode: options.item,
            departmentCode: options.dept,
            mode: options.allOrNothing ? 'all_or_nothing' : 'valid_rows',
            channel: 'cli',
            source: { kind: 'file', path: path.resolve(file), fileName: path.basename(file) },
          },
          {
            onProgress: (p) => {
              // Machine-readable progress for supervisors (and the crash test that kills mid-batch).
              if (process.env.XINYONG_PROGRESS_LOG === '1') process.stderr.write(`progress ${p.rowsRead} ${p.phase}\n`);
              bar?.setTotal(Math.max(p.rowsRead, 1));
              bar?.update(p.rowsRead, {
                rate: Math.round(p.rowsRead / Math.max((Date.now() - started) / 1000, 0.001)),
                rejected: p.rejected,
              });
            },
          },
        );
        bar?.stop();
        if (options.json) {
          console.log(
            JSON.stringify(
              {
                batchId: result.batchId,
                status: result.status,
                rowsRead: result.rowsRead,
                accepted: result.status === 'committed' ? result.accepted : 0,
                rejected: result.rejected,
                created: result.created,
                corrected: result.corrected,
                unchanged: result.unchanged,
                warnings: result.warnings,
                failure: result.failure,
                errors: result.errors.map((e) => ({
                  row: e.row,
                  field: e.field,
                  label: e.label,
                  value: e.value,
                  code: e.code,
                  reason: e.reason,
                })),
                errorsTruncated: result.errorsTruncated,
              },
              null,
              2,
            ),
          );
        } else printSummary(result);
        if (result.status !== 'committed' || result.rejected > 0) process.exitCode = 1;
      } finally {
        bar?.stop();
        await deps.db.close();
      }
    });

  program
    .command('template')
    .description('Write the import template of a catalog item (XLSX with drop-downs and a sample row, or CSV)')
    .argument('<item>', 'catalog item code')
    .option('--format <format>', 'xlsx or csv', 'xlsx')
    .option('--out <file>', 'output file (default <ITEM>-template.<format>)')
    .action(async (itemCode: string, options: { format: string; out?: string }) => {
      const deps = await boot();
      try {
        const format = options.format === 'csv' ? 'csv' : 'xlsx';
        const item = await getCatalogItem(deps.db.kysely, itemCode);
        const { bytes } = await template(format, item);
        const out = options.out ?? `${item.code}-template.${format}`;
        writeFileSync(out, bytes);
        console.log(out);
      } finally {
        await deps.db.close();
      }
    });
}
