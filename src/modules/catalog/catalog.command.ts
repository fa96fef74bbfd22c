/**
 * `xinyong catalog …`: the same services as the API, acting as the shell
 * operator (`systemCaller('cli')`). Human output is bilingual; `--json` is
 * for scripts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { systemCaller } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { AppDeps, Boot } from '../../platform/module';
import {
  CATALOG_CATEGORIES,
  COLLECTION_METHOD_LABELS,
  DISCLOSURE_LABELS,
  UPDATE_FREQUENCY_LABELS,
} from './catalog.dictionaries';
import {
  describeConditions,
  describePeriod,
  describeRequirement,
  describeSharing,
  formatTable,
} from './catalog.describe';
import { getCatalogItem, listCatalogItems, listCatalogCategories } from './catalog.service';
import { exportCatalog, importCatalog, type ImportReport } from './catalog.transfer';
import type { CatalogItem } from './catalog.types';

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const err = (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);

async function withDeps(boot: Boot, work: (deps: AppDeps) => Promise<void>): Promise<void> {
  const deps = await boot();
  try {
    await work(deps);
  } finally {
    await deps.db.close();
  }
}

function showItem(item: CatalogItem, categoryName: string): string {
  const period = describePeriod(item.publicationPeriod);
  const sharing = describeSharing(item.sharing);
  const disclosure = DISCLOSURE_LABELS[item.disclosure];
  const frequency = UPDATE_FREQUENCY_LABELS[item.updateFrequency];
  const lines = [
    `${item.code}  ${item.nameZh} / ${item.nameEn}`,
    `版本 Version        ${item.version}${item.version !== item.currentVersion ? ` (当前 current ${item.currentVersion})` : ''} · ${item.status === 'active' ? '启用 active' : '已停用 retired'}`,
    `类别 Category       ${categoryName}`,
    `公开属性 Disclosure ${disclosure.zh} / ${disclosure.en}`,
    ...(item.publicWhen.length > 0 ? [`公开条件 Public if  ${describeConditions(item.publicWhen)}`] : []),
    `公示期 Period       ${period.zh}`,
    `                    ${period.en}`,
    `保存期 Retention    ${item.retentionYears} 年 years`,
    `提供部门 Providers  ${item.providingDepartments.join(', ')}`,
    `主体类型 Subjects   ${item.subjectKinds.join(', ')}`,
    `归集方式 Methods    ${item.collectionMethods.map((m) => COLLECTION_METHOD_LABELS[m].zh).join('、')} · ${frequency.zh} / ${frequency.en}`,
    `记录标识 Identity   ${item.identityKey.join(' + ')}`,
    `共享 Sharing        ${sharing.zh}`,
    `                    ${sharing.en}`,
    `依据 Legal basis    ${item.legalBasis.join('；')}`,
    '',
    `字段 Fields (${item.fields.length})`,
    formatTable(
      ['编码 Code', '名称 Label', '类型 Type', '必填 Required'],
      item.fields.map((f) => [
        f.code,
        f.labelZh,
        f.maxLength !== null ? `${f.type}(${f.maxLength})` : f.type,
        describeRequirement(f),
      ]),
    ),
  ];
  return lines.join('\n');
}

function printImportReport(report: ImportReport): void {
  const words = {
    created: '新建 created',
    updated: '更新 updated',
    unchanged: '未变 unchanged',
    refused: '拒绝 refused',
  };
  for (const item of report.items) {
    out(`${item.code.padEnd(28)} ${words[item.outcome]}${item.version !== null ? ` v${item.version}` : ''}`);
    for (const reason of item.reasons) out(`    ${reason.zh} / ${reason.en}`);
  }
  out(
    report.applied
      ? `已导入：新建 ${report.created}，更新 ${report.updated}，未变 ${report.unchanged}\nImported: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`
      : `未导入任何内容：${report.refused} 个条目被拒绝\nNothing imported: ${report.refused} item(s) refused`,
  );
}

function readDocument(file: string): { ok: true; value: unknown } | { ok: false; zh: string; en: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, zh: `无法读取文件 ${file}（${reason}）`, en: `Cannot read ${file} (${reason})` };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, zh: `文件 ${file} 不是有效的 JSON：${message}`, en: `${file} is not valid JSON: ${message}` };
  }
}

async function runImport(deps: AppDeps, file: string, json: boolean): Promise<void> {
  const document = readDocument(file);
  if (!document.ok) {
    if (json)
      out(
        JSON.stringify(
          { ok: false, code: 'catalog.malformed_json', message: { zh: document.zh, en: document.en } },
          null,
          2,
        ),
      );
    else err(`${document.zh}\n${document.en}`);
    process.exitCode = 1;
    return;
  }
  try {
    const report = await importCatalog(deps.db, systemCaller('cli'), document.value);
    if (json) out(JSON.stringify({ ok: true, report }, null, 2));
    else printImportReport(report);
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    process.exitCode = 1;
    const report = error.details?.report as ImportReport | undefined;
    if (json) {
      out(
        JSON.stringify(
          { ok: false, code: error.code, message: error.text, errors: error.errors ?? [], report: report ?? null },
          null,
          2,
        ),
      );
      return;
    }
    if (report) {
      printImportReport(report);
      return;
    }
    err(
      error.errors
        ? '导入文件有误，未导入任何内容：\nThe file is invalid; nothing was imported:'
        : `${error.text.zh}\n${error.text.en}`,
    );
    for (const e of error.errors ?? []) err(`  ${e.field}: ${e.message.zh} / ${e.message.en}`);
  }
}

export function registerCatalogCommands(program: Command, boot: Boot): void {
  const catalog = program.command('catalog').description('Collection and sharing catalogs (归集目录、共享目录)');

  catalog
    .command('list')
    .description('List catalog items')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }) =>
      withDeps(boot, async (deps) => {
        const items = await listCatalogItems(deps.db.kysely);
        if (options.json) {
          out(
            JSON.stringify(
              items.map((i) => ({
                code: i.code,
                nameZh: i.nameZh,
                nameEn: i.nameEn,
                category: i.category,
                disclosure: i.disclosure,
                status: i.status,
                version: i.version,
              })),
              null,
              2,
            ),
          );
          return;
        }
        out(
          formatTable(
            ['编码 Code', '名称 Name', '公开 Disclosure', '状态 Status', '版本 Ver'],
            items.map((i) => [i.code, i.nameZh, DISCLOSURE_LABELS[i.disclosure].zh, i.status, String(i.version)]),
          ),
        );
      }),
    );

  catalog
    .command('show <code>')
    .description('Show one catalog item with its fields')
    .option('--version <n>', 'a past version')
    .option('--json', 'machine-readable output')
    .action((code: string, options: { version?: string; json?: boolean }) =>
      withDeps(boot, async (deps) => {
        const version = options.version !== undefined ? Number(options.version) : undefined;
        if (version !== undefined && (!Number.isInteger(version) || version < 1)) {
          err(`版本号应为正整数：${options.version}\nThe version must be a positive integer: ${options.version}`);
          process.exitCode = 1;
          return;
        }
        const item = await getCatalogItem(deps.db.kysely, code.toUpperCase(), version);
        if (options.json) {
          out(JSON.stringify(item, null, 2));
          return;
        }
        const categories = await listCatalogCategories(deps.db.kysely);
        const category =
          categories.find((c) => c.code === item.category) ?? CATALOG_CATEGORIES.find((c) => c.code === item.category);
        out(showItem(item, category ? `${category.nameZh} / ${category.nameEn}` : item.category));
      }),
    );

  catalog
    .command('export')
    .description('Write every current item and its sharing entry as one JSON document')
    .option('--out <file>', 'write to a file instead of stdout')
    .action((options: { out?: string }) =>
      withDeps(boot, async (deps) => {
        const text = JSON.stringify(await exportCatalog(deps.db.kysely), null, 2) + '\n';
        if (options.out) {
          writeFileSync(options.out, text);
          err(`已导出到 ${options.out} / Exported to ${options.out}`);
        } else {
          out(text);
        }
      }),
    );

  catalog
    .command('import <file>')
    .description('Import a catalog document all-or-nothing')
    .option('--json', 'machine-readable output')
    .action((file: string, options: { json?: boolean }) =>
      withDeps(boot, (deps) => runImport(deps, file, !!options.json)),
    );
}
