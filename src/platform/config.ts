import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Everything the process reads from its environment, read once at boot. */
export interface Config {
  /** `sqlite` unless DATABASE_URL is a postgres:// URL. */
  readonly dialect: 'sqlite' | 'postgres';
  readonly databaseUrl: string | null;
  /** PostgreSQL schema to work in (XINYONG_PG_SCHEMA); null: the server's default search path. */
  readonly pgSchema: string | null;
  readonly sqlitePath: string;
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  /** 32-byte key protecting personal identifiers (encryption and keyed hashes). */
  readonly secretKey: Buffer;
  /** Largest accepted request body, in bytes. */
  readonly bodyLimit: number;
  readonly secureCookies: boolean;
  /** X-Forwarded-For is trusted only from these proxies ("true" trusts any: only behind a proxy that overwrites it). */
  readonly trustProxy: boolean | string;
  /** USCCs known to be genuine although their check character fails (early pilots). */
  readonly usccAllowList: readonly string[];
  readonly auditCheckpointFile: string;
}

/** Reads configuration from the environment; `overrides` wins (tests, CLI flags). */
export function loadConfig(overrides: Partial<Config> = {}, env = process.env): Config {
  const dataDir = path.resolve(overrides.dataDir ?? env.XINYONG_DATA_DIR ?? 'data');
  const databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL ?? null;
  const dialect = databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'sqlite';
  const config: Config = {
    dialect,
    databaseUrl: dialect === 'postgres' ? databaseUrl : null,
    pgSchema: env.XINYONG_PG_SCHEMA && /^[a-z_][a-z0-9_]*$/.test(env.XINYONG_PG_SCHEMA) ? env.XINYONG_PG_SCHEMA : null,
    sqlitePath:
      dialect === 'sqlite' && databaseUrl
        ? databaseUrl.replace(/^sqlite:(\/\/)?/, '')
        : path.join(dataDir, 'xinyong.db'),
    dataDir,
    host: env.HOST ?? '0.0.0.0',
    port: Number(env.PORT ?? 3000),
    logLevel: env.LOG_LEVEL ?? 'info',
    secretKey: Buffer.alloc(0),
    bodyLimit: Number(env.XINYONG_BODY_LIMIT ?? 1024 * 1024),
    secureCookies: env.XINYONG_SECURE_COOKIES === 'true',
    trustProxy: !env.XINYONG_TRUST_PROXY ? false : env.XINYONG_TRUST_PROXY === 'true' ? true : env.XINYONG_TRUST_PROXY,
    usccAllowList: (env.XINYONG_USCC_ALLOW_LIST ?? '91350203M0001QAY9B')
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
    auditCheckpointFile: path.join(dataDir, 'audit-checkpoints.jsonl'),
    ...overrides,
  };
  return { ...config, secretKey: overrides.secretKey ?? loadSecretKey(config.dataDir, env) };
}

/**
 * The key comes from XINYONG_SECRET_KEY (64 hex chars) in production. A
 * development machine gets one generated into the data directory so that
 * `npm start` works with no setup; losing it makes stored ID numbers unreadable.
 */
function loadSecretKey(dataDir: string, env: NodeJS.ProcessEnv): Buffer {
  const fromEnv = env.XINYONG_SECRET_KEY;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'hex');
    if (key.length !== 32) throw new Error('XINYONG_SECRET_KEY must be 64 hex characters (32 bytes)');
    return key;
  }
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  return key;
}
