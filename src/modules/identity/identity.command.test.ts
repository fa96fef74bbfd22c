import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { AppError } from '../../platform/errors';
import { resolveApiKey } from './api-keys.service';
import {
  apiKeyCreateCommand,
  deptListCommand,
  formatTable,
  registerIdentityCommands,
  userAddCommand,
  userListCommand,
} from './identity.command';
import { GOOD_PASSWORD, uniqueUsername } from './test-support';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.cleanup();
});

/** Runs a command body and returns what it printed. */
async function run<O>(body: (d: TestDeps, o: O, print: (l: string) => void) => Promise<void>, options: O) {
  const lines: string[] = [];
  await body(deps, options, (line) => lines.push(line));
  return lines.join('\n');
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('xinyong dept list', () => {
  it('prints a table with code, USCC, kind and name', async () => {
    const text = await run(deptListCommand, {});
    expect(text.split('\n')[0]).toMatch(/code.*USCC.*kind.*name/);
    expect(text).toContain('fgw');
    expect(text).toContain('11110108000010014L');
    expect(text).toContain('北京市海淀区人民法院');
  });

  it('--json prints an array', async () => {
    const items = JSON.parse(await run(deptListCommand, { json: true }));
    expect(Array.isArray(items)).toBe(true);
    expect(items).toHaveLength(18);
    expect(items[0]).toEqual({
      code: expect.any(String),
      nameZh: expect.any(String),
      nameEn: expect.any(String),
      uscc: expect.stringMatching(/^11110108/),
      kind: expect.any(String),
      active: true,
    });
  });
});

describe('xinyong user add / list', () => {
  it('creates a user, prints the id, and audits as the cli', async () => {
    const username = uniqueUsername('cli');
    const id = await run(userAddCommand, {
      username,
      password: GOOD_PASSWORD,
      role: ['department_admin', 'clerk'],
      dept: 'scjgj',
      name: '张三',
    });
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const users = JSON.parse(await run(userListCommand, { json: true }));
    expect(users.find((u: { id: string }) => u.id === id)).toMatchObject({
      username,
      displayName: '张三',
      roles: ['department_admin', 'clerk'],
      departmentCode: 'scjgj',
    });
    const entry = await deps.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('target_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_kind: 'system', actor_name: 'cli' });
    expect(await run(userListCommand, {})).toContain(username);
  });

  it('explains a bad role, an unknown department, a weak password and a duplicate username', async () => {
    const base = { username: uniqueUsername('cli'), password: GOOD_PASSWORD, role: ['clerk'] };
    const role = await failure(run(userAddCommand, { ...base, role: ['boss'] }));
    expect(role.code).toBe('identity.unknown_role');
    expect(role.text.en).toContain('boss');
    expect(role.text.en).toContain('platform_admin');
    const dept = await failure(run(userAddCommand, { ...base, dept: 'xyz' }));
    expect(dept.code).toBe('identity.unknown_department');
    expect(dept.text.zh).toContain('xyz');
    const weak = await failure(run(userAddCommand, { ...base, password: 'password' }));
    expect(weak.code).toBe('identity.weak_password');
    expect(weak.text.zh).toContain('至少 10 个字符');
    await run(userAddCommand, base);
    const dup = await failure(run(userAddCommand, { ...base, username: base.username.toUpperCase() }));
    expect(dup.code).toBe('identity.username_taken');
    expect(dup.status).toBe(409);
  });
});

describe('xinyong apikey create', () => {
  it('prints the raw key once; the key authenticates', async () => {
    const text = await run(apiKeyCreateCommand, {
      name: '税务局接口',
      dept: 'swj',
      permission: ['records.submit', 'catalog.read'],
    });
    const key = /xy_[0-9A-Za-z]{40}/.exec(text)![0];
    const actor = await resolveApiKey(deps.db, key);
    expect(actor).toMatchObject({ kind: 'api_client', name: '税务局接口' });
    expect([...actor!.permissions].sort()).toEqual(['catalog.read', 'records.submit']);

    const json = JSON.parse(
      await run(apiKeyCreateCommand, { name: 'j', dept: 'swj', permission: ['catalog.read'], json: true }),
    );
    expect(json.key).toMatch(/^xy_/);
    expect(json.departmentCode).toBe('swj');
    const bad = await failure(run(apiKeyCreateCommand, { name: 'x', dept: 'swj', permission: ['everything'] }));
    expect(bad.code).toBe('identity.unknown_permission');
  });
});

describe('command registration', () => {
  it('parses repeated and variadic options into arrays', async () => {
    const program = new Command().exitOverride();
    let seen: unknown = null;
    registerIdentityCommands(program, async () => {
      throw new Error('not booted in this test');
    });
    const add = program.commands.find((c) => c.name() === 'user')!.commands.find((c) => c.name() === 'add')!;
    add.action((options: unknown) => {
      seen = options;
    });
    await program.parseAsync(
      ['user', 'add', '--username', 'u1', '--password', 'p', '--role', 'clerk', '--role', 'officer', '--dept', 'jw'],
      { from: 'user' },
    );
    expect(seen).toMatchObject({ username: 'u1', role: ['clerk', 'officer'], dept: 'jw' });
  });

  it('aligns CJK text in tables', () => {
    const [header, , row] = formatTable(['a', 'b'], [['北京', 'x']]);
    expect(header).toBe('a     b');
    expect(row).toBe('北京  x');
  });
});

describe('bin/xinyong.js', () => {
  it('dept list --json runs end to end in a fresh data directory', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'xinyong-cli-'));
    const env: NodeJS.ProcessEnv = { ...process.env, XINYONG_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    const url = process.env.DATABASE_URL;
    const postgres = !!url && /^postgres(ql)?:\/\//.test(url);
    // The spawned process cannot be told a schema, so on PostgreSQL it gets a database of its own.
    const database = `xinyong_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    if (postgres) {
      await admin(`CREATE DATABASE ${database}`);
      const own = new URL(url);
      own.pathname = `/${database}`;
      env.DATABASE_URL = own.toString();
    } else {
      delete env.DATABASE_URL;
    }
    try {
      const root = path.resolve(import.meta.dirname, '../../..');
      const { stdout } = await promisify(execFile)(process.execPath, ['bin/xinyong.js', 'dept', 'list', '--json'], {
        cwd: root,
        env,
        timeout: 60_000,
      });
      const items = JSON.parse(stdout);
      expect(items.map((d: { code: string }) => d.code)).toContain('fy');
      expect(items).toHaveLength(18);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      if (postgres) await admin(`DROP DATABASE ${database} WITH (FORCE)`);
    }
  });
});
