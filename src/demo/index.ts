/**
 * demo: a realistic, deterministic Haidian district for `npm start`, the
 * browser tests and the benchmarks — subjects with valid identifiers, and the
 * demo accounts. Built only through the modules' own services.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { AppDeps } from '../platform/module';
import { systemCaller } from '../platform/context';
import { countAllSubjects, registerSubjectsBulk, subjectsEnv } from '../modules/subjects';

import { createUser, findUserByUsername } from '../modules/identity';
import { generateDemoSubjects } from './subjects.generator';
import { loadDemoSubmissions } from './submissions.demo';
import { loadDemoRecords } from './records.demo';
import { todayInShanghai } from '../modules/ingest';

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly roles: readonly string[];
  readonly departmentCode: string | null;
  readonly displayName: string;
  readonly description: string;
}

/** Printed by `npm start`; change them before any real use. */
export const demoAccounts: readonly DemoAccount[] = [
  {
    username: 'admin',
    password: 'Admin@2026',
    roles: ['platform_admin'],
    departmentCode: 'fgw',
    displayName: '信用办管理员',
    description: '平台管理员 platform admin (credit office)',
  },
  {
    username: 'scjg.admin',
    password: 'DeptAdmin@2026',
    roles: ['department_admin'],
    departmentCode: 'scjgj',
    displayName: '市场监管局管理员',
    description: '部门管理员 department admin (market regulation)',
  },
  {
    username: 'scjg.clerk',
    password: 'Clerk@2026',
    roles: ['clerk'],
    departmentCode: 'scjgj',
    displayName: '市场监管局数据员',
    description: '数据报送员 data clerk (market regulation)',
  },
  {
    username: 'scjg.officer',
    password: 'Officer@2026',
    roles: ['officer'],
    departmentCode: 'scjgj',
    displayName: '市场监管局执法人员',
    description: '业务人员 officer (market regulation)',
  },
  {
    username: 'swj.clerk',
    password: 'Clerk@2026',
    roles: ['clerk'],
    departmentCode: 'swj',
    displayName: '税务局数据员',
    description: '数据报送员 data clerk (tax)',
  },
  {
    username: 'agency',
    password: 'Agency@2026',
    roles: ['agency'],
    departmentCode: null,
    displayName: '信用服务机构',
    description: '信用服务机构 credit service agency',
  },
];

export interface DemoOptions {
  readonly subjects: number;
  /** Licence and penalty records to add after the subjects (0: none). */
  readonly records?: number;
  readonly seed?: number;
  readonly progress?: boolean;
}

const BATCH = 5000;

/** Creates the demo accounts that are missing (idempotent). */
export async function ensureDemoAccounts(deps: AppDeps): Promise<void> {
  const caller = systemCaller('demo');
  for (const account of demoAccounts) {
    if (await findUserByUsername(deps.db.kysely, account.username)) continue;
    await createUser(deps.db, caller, {
      username: account.username,
      password: account.password,
      displayName: account.displayName,
      roles: [...account.roles],
      departmentCode: account.departmentCode,
    });
  }
}

/**
 * Loads `subjects` demo subjects (after any already there, so it can be run
 * again to grow the district) and the demo accounts.
 */
export async function loadDemo(
  deps: AppDeps,
  options: DemoOptions,
): Promise<{ inserted: number; records: number; seconds: number }> {
  const started = Date.now();
  await ensureDemoAccounts(deps);
  const env = subjectsEnv(deps);
  const existing = await countAllSubjects(deps.db.kysely);
  const bar = options.progress
    ? new SingleBar(
        { format: '主体 subjects [{bar}] {percentage}% {value}/{total} {rate}/s ETA {eta}s', hideCursor: true },
        Presets.shades_classic,
      )
    : null;
  bar?.start(options.subjects, 0, { rate: 0 });
  const usedNames = new Set<string>();
  let inserted = 0;
  for (let offset = 0; offset < options.subjects; offset += BATCH) {
    const count = Math.min(BATCH, options.subjects - offset);
    const batch = generateDemoSubjects(
      { seed: options.seed ?? 2017, divisionCode: '110108', startIndex: existing + offset, count },
      usedNames,
    );
    const outcome = await registerSubjectsBulk(env, systemCaller('demo'), batch, 'demo');
    if (outcome.errors.length > 0) {
      throw new Error(`demo generator produced invalid subjects: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    }
    inserted += outcome.inserted;
    const seconds = (Date.now() - started) / 1000;
    bar?.update(offset + count, { rate: Math.round(inserted / Math.max(seconds, 0.001)) });
  }
  bar?.stop();
  const records = options.records
    ? (
        await loadDemoRecords(deps, {
          records: options.records,
          ...(options.seed ? { seed: options.seed } : {}),
          progress: !!options.progress,
        })
      ).records
    : 0;
  // A few batches through the real ingest path, so that the dashboard has submissions and rejections.
  if (options.records)
    await loadDemoSubmissions(deps, { ...(options.seed ? { seed: options.seed } : {}), today: todayInShanghai() });
  return { inserted, records, seconds: (Date.now() - started) / 1000 };
}

/** Loads the demo district when the database holds no subjects yet; always ensures the accounts. */
export async function ensureDemo(deps: AppDeps, options: DemoOptions): Promise<void> {
  if ((await countAllSubjects(deps.db.kysely)) > 0) {
    await ensureDemoAccounts(deps);
    return;
  }
  console.log(
    `正在生成演示数据（${options.subjects} 个主体）… / Building the demo district (${options.subjects} subjects)…`,
  );
  const { inserted, seconds } = await loadDemo(deps, {
    ...options,
    progress: options.progress ?? !!process.stdout.isTTY,
  });
  console.log(
    `演示数据就绪：${inserted} 个主体，用时 ${seconds.toFixed(1)} 秒 / Demo ready: ${inserted} subjects in ${seconds.toFixed(1)} s`,
  );
}
