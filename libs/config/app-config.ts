import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** Thrown when the environment does not describe a valid configuration; names every bad key. */
export class ConfigError extends Error {
  constructor(readonly problems: { key: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  - ${p.key}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * The one validated configuration of ClusterMeet. Nothing else reads process.env:
 * build it with `loadConfig(process.env)` at the entry points and inject it.
 */
export interface AppConfig {
  nodeEnv: NodeEnv;
  /** HTTP port of the API (0 picks a free one, used by tests). */
  port: number;
  host: string;
  /** Public URL people reach the app at; used in links, calendar feeds and e-mails. */
  publicBaseUrl: string;
  /** A real PostgreSQL server; when absent an embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
  /** Where ClusterMeet keeps local state: the embedded database, generated secrets, mail, files. */
  dataDir: string;
  embeddedPostgresPort: number;
  /** Run pending migrations when the API starts. */
  migrateOnStart: boolean;
  /** Seed the demo event when the database holds no event. */
  seedDemo: boolean;
  /** HMAC secret that signs access tokens (at least 32 characters). */
  authSecret: string;
  /** Lifetime of an access token, in seconds. */
  authTokenTtlSeconds: number;
  /** Zone used where an event has none yet (e.g. a new event's default). */
  defaultTimeZone: string;
  logLevel: LogLevel;
  /** The GraphQL IDE and introspection; on by default outside production. */
  graphqlIde: boolean;
  /** Largest CSV accepted by the participant import, in bytes. */
  importMaxBytes: number;
}

type Env = Record<string, string | undefined>;

const NODE_ENVS: NodeEnv[] = ['development', 'test', 'production'];
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function isValidTimeZone(zone: string): boolean {
  if (!zone || !zone.includes('/') && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Reads and validates the environment. Throws ConfigError naming each bad key. */
export function loadConfig(env: Env, cwd = process.cwd()): AppConfig {
  const problems: { key: string; message: string }[] = [];
  const fail = (key: string, message: string) => problems.push({ key, message });

  const str = (key: string, fallback?: string): string | undefined => {
    const value = env[key]?.trim();
    return value === undefined || value === '' ? fallback : value;
  };
  const int = (key: string, fallback: number, min: number, max: number): number => {
    const raw = str(key);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      fail(key, `must be a whole number between ${min} and ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const raw = str(key);
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no', 'off'].includes(raw.toLowerCase())) return false;
    fail(key, `must be true or false, got "${raw}"`);
    return fallback;
  };
  const oneOf = <T extends string>(key: string, allowed: T[], fallback: T): T => {
    const raw = str(key);
    if (raw === undefined) return fallback;
    if (!allowed.includes(raw as T)) {
      fail(key, `must be one of ${allowed.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return raw as T;
  };

  const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'development');
  const production = nodeEnv === 'production';
  const port = int('PORT', 3000, 0, 65535);
  const host = str('HOST', '0.0.0.0')!;

  const publicBaseUrl = str('PUBLIC_BASE_URL', `http://localhost:${port || 3000}`)!;
  try {
    const url = new URL(publicBaseUrl);
    if (!['http:', 'https:'].includes(url.protocol)) fail('PUBLIC_BASE_URL', 'must be an http(s) URL');
  } catch {
    fail('PUBLIC_BASE_URL', `must be an absolute URL, got "${publicBaseUrl}"`);
  }

  const databaseUrl = str('DATABASE_URL');
  if (databaseUrl !== undefined) {
    try {
      const url = new URL(databaseUrl);
      if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
        fail('DATABASE_URL', 'must start with postgres:// or postgresql://');
      }
    } catch {
      fail('DATABASE_URL', 'must be a URL such as postgres://user:password@host:5432/clustermeet');
    }
  }

  const rawDataDir = str('DATA_DIR', '.data')!;
  const dataDir = isAbsolute(rawDataDir) ? rawDataDir : resolve(cwd, rawDataDir);
  const embeddedPostgresPort = int('EMBEDDED_PG_PORT', 54329, 1, 65535);
  const migrateOnStart = bool('MIGRATE_ON_START', true);
  const seedDemo = bool('SEED_DEMO', databaseUrl === undefined);

  let authSecret = str('AUTH_SECRET');
  if (authSecret !== undefined && authSecret.length < 32) {
    fail('AUTH_SECRET', 'must be at least 32 characters long');
  } else if (authSecret === undefined) {
    if (production) fail('AUTH_SECRET', 'is required in production (at least 32 characters)');
    else if (problems.length === 0) authSecret = localSecret(dataDir, 'auth-secret');
  }
  const authTokenTtlSeconds = int('AUTH_TOKEN_TTL_SECONDS', 7 * 24 * 3600, 60, 90 * 24 * 3600);

  const defaultTimeZone = str('DEFAULT_TIME_ZONE', 'Europe/Brussels')!;
  if (!isValidTimeZone(defaultTimeZone)) {
    fail('DEFAULT_TIME_ZONE', `must be an IANA time zone such as Europe/Helsinki, got "${defaultTimeZone}"`);
  }
  const logLevel = oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info');
  const graphqlIde = bool('GRAPHQL_IDE', !production);
  const importMaxBytes = int('IMPORT_MAX_BYTES', 2 * 1024 * 1024, 1024, 100 * 1024 * 1024);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    nodeEnv,
    port,
    host,
    publicBaseUrl: publicBaseUrl.replace(/\/+$/, ''),
    databaseUrl,
    dataDir,
    embeddedPostgresPort,
    migrateOnStart,
    seedDemo,
    authSecret: authSecret!,
    authTokenTtlSeconds,
    defaultTimeZone,
    logLevel,
    graphqlIde,
    importMaxBytes,
  };
}

/**
 * Outside production a missing secret is generated once and kept in the data folder,
 * so `npm start` needs no set-up and tokens survive a restart.
 */
function localSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
