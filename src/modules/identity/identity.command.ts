/**
 * `xinyong dept …`, `xinyong user …`, `xinyong apikey …`: thin adapters over
 * the same services as the API, acting as the shell operator (`systemCaller('cli')`).
 * Each command body takes its deps and an output function so tests can call it directly.
 */
import type { Command } from 'commander';
import { systemCaller } from '../../platform/context';
import type { AppDeps, Boot } from '../../platform/module';
import { createApiKey } from './api-keys.service';
import { listDepartments } from './departments.service';
import { ROLES } from './roles';
import { createUser, listUsers, type UserView } from './users.service';

export type Print = (line: string) => void;

const CLI = () => systemCaller('cli');

/** Terminal columns a string takes: CJK and full-width forms take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch)
      ? 2
      : 1;
  }
  return width;
}

/** Lines of a plain text table with aligned columns. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell))))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export async function deptListCommand(deps: AppDeps, options: { json?: boolean }, print: Print): Promise<void> {
  const departments = await listDepartments(deps.db.kysely, { includeInactive: true });
  if (options.json) {
    const items = departments.map(({ code, nameZh, nameEn, uscc, kind, active }) => ({
      code,
      nameZh,
      nameEn,
      uscc,
      kind,
      active,
    }));
    print(JSON.stringify(items, null, 2));
    return;
  }
  const rows = departments.map((d) => [d.code, d.uscc, d.kind + (d.active ? '' : ' (inactive)'), d.nameZh]);
  for (const line of formatTable(['代码 code', '统一社会信用代码 USCC', '类型 kind', '名称 name'], rows)) print(line);
}

export interface UserAddOptions {
  username: string;
  password: string;
  role: string[];
  dept?: string;
  name?: string;
}

export async function userAddCommand(deps: AppDeps, options: UserAddOptions, print: Print): Promise<void> {
  const user = await createUser(deps.db, CLI(), {
    username: options.username,
    password: options.password,
    roles: options.role,
    departmentCode: options.dept ?? null,
    displayName: options.name ?? null,
  });
  print(user.id);
}

export async function userListCommand(deps: AppDeps, options: { json?: boolean }, print: Print): Promise<void> {
  const users: UserView[] = [];
  for (let cursor: string | null = null; ;) {
    const page: { items: UserView[]; nextCursor: string | null } = await listUsers(deps.db, CLI(), {
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    users.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  if (options.json) {
    print(JSON.stringify(users, null, 2));
    return;
  }
  const rows = users.map((u) => [
    u.id,
    u.username,
    u.roles.join(','),
    u.departmentCode ?? '-',
    u.status,
    u.displayName,
  ]);
  for (const line of formatTable(['id', 'username', 'roles', 'dept', 'status', 'name'], rows)) print(line);
}

export interface ApiKeyCreateOptions {
  name: string;
  dept: string;
  permission: string[];
  expires?: string;
  json?: boolean;
}

export async function apiKeyCreateCommand(deps: AppDeps, options: ApiKeyCreateOptions, print: Print): Promise<void> {
  const { client, key } = await createApiKey(deps.db, CLI(), {
    name: options.name,
    departmentCode: options.dept,
    permissions: options.permission,
    ...(options.expires ? { expiresAt: options.expires } : {}),
  });
  if (options.json) {
    print(JSON.stringify({ ...client, key }, null, 2));
    return;
  }
  print(`API 密钥（仅显示这一次，请妥善保存）/ API key (shown this once; store it safely):`);
  print(key);
  print(`id ${client.id} · ${client.departmentCode} · ${client.permissions.join(', ')}`);
}

function withDeps<O>(boot: Boot, body: (deps: AppDeps, options: O, print: Print) => Promise<void>) {
  return async (options: O) => {
    const deps = await boot();
    try {
      await body(deps, options, (line) => console.log(line));
    } finally {
      await deps.db.close();
    }
  };
}

export function registerIdentityCommands(program: Command, boot: Boot): void {
  const dept = program.command('dept').description('Departments 部门');
  dept
    .command('list')
    .description('List departments with code, USCC, kind and name')
    .option('--json', 'machine-readable output (an array)')
    .action(withDeps(boot, deptListCommand));

  const user = program.command('user').description('Staff accounts 用户');
  user
    .command('add')
    .description('Create a user and print its id')
    .requiredOption('--username <username>', 'sign-in name (3–64 letters, digits, . _ @ -)')
    .requiredOption('--password <password>', '≥ 10 characters, at least 3 of: upper, lower, digit, symbol')
    .requiredOption('--role <role...>', `role(s): ${ROLES.join(', ')}`)
    .option('--dept <code>', 'department code (see `xinyong dept list`)')
    .option('--name <name>', 'display name (defaults to the username)')
    .action(withDeps(boot, userAddCommand));
  user
    .command('list')
    .description('List users')
    .option('--json', 'machine-readable output (an array)')
    .action(withDeps(boot, userListCommand));

  const apikey = program.command('apikey').description('API keys for department systems and agencies');
  apikey
    .command('create')
    .description('Create an API key and print it (shown once)')
    .requiredOption('--name <name>', 'what the key is for')
    .requiredOption('--dept <code>', 'owning department code')
    .requiredOption('--permission <permission...>', 'permission(s), e.g. records.submit catalog.read')
    .option('--expires <iso>', 'expiry, ISO-8601 (default: none)')
    .option('--json', 'machine-readable output')
    .action(withDeps(boot, apiKeyCreateCommand));
}
