import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  /** Presenter materials: where files are stored and the largest per-event size limit organisers may set. */
  materials: MaterialsConfig;
  /** Limits every GraphQL operation must stay within; checked before it runs. */
  graphqlLimits: GraphQLLimits;
  /** Per-IP and per-account request budgets of the sensitive actions. */
  rateLimits: RateLimitsConfig;
  /** Back-off after repeated failed logins of one account from one address. */
  loginLockout: LoginLockoutConfig;
  /** Browser origins allowed to call the API cross-origin; empty means same-origin only. */
  corsOrigins: string[];
  /** E-mails (lower-case) of the platform administrators, who may suspend and reinstate accounts. */
  platformAdminEmails: string[];
  /** Largest JSON request body, in bytes. */
  bodyLimitBytes: number;
  /** SMTP server for outgoing mail (smtp:// or smtps://); when absent mail is written to mailDir. */
  smtpUrl: string | undefined;
  /** The From of every message, e.g. 'ClusterMeet <no-reply@clustermeet.local>'. */
  mailFrom: string;
  /** Where .eml files go when no SMTP server is configured. */
  mailDir: string;
  /** Run the job processors (mail, reminders) inside the API process too. */
  runWorkerInApi: boolean;
  /** Retries of a failed send before it is marked FAILED (exponential backoff in between). */
  mailRetryLimit: number;
  /** First retry delay in seconds; each later one roughly doubles. */
  mailRetryDelaySeconds: number;
  /** Longest one send may take; a job held longer (a crashed worker) is retried after it. */
  mailSendTimeoutSeconds: number;
}

export interface GraphQLLimits {
  maxDepth: number;
  /** Fields counted, each multiplied by the page sizes of the lists above it. */
  maxCost: number;
  /** Largest `first` any paginated field accepts. */
  maxPageSize: number;
  maxAliases: number;
  /** Size assumed for a list field without a `first` argument. */
  defaultListSize: number;
}

/** The actions that carry a request budget; features add theirs here. */
export const RATE_LIMITED_ACTIONS = ['login', 'register', 'passwordReset', 'meetingRequest', 'upload', 'export'] as const;
export type RateLimitedAction = (typeof RATE_LIMITED_ACTIONS)[number];

export interface RateWindow {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitRule {
  perIp: RateWindow | null;
  perAccount: RateWindow | null;
}

export interface RateLimitsConfig {
  enabled: boolean;
  rules: Record<RateLimitedAction, RateLimitRule>;
}

export interface LoginLockoutConfig {
  /** Failures of one account from one address before each further attempt must wait. */
  maxFailures: number;
  /** First wait; it doubles with each further failure up to maxSeconds. */
  baseSeconds: number;
  maxSeconds: number;
}

const DEFAULT_RATE_LIMITS: Record<RateLimitedAction, string> = {
  login: 'ip:30/300,account:10/300',
  register: 'ip:10/3600',
  passwordReset: 'ip:10/3600,account:3/3600',
  meetingRequest: 'ip:200/3600,account:60/3600',
  upload: 'ip:200/3600,account:60/3600',
  export: 'ip:30/3600,account:10/3600',
};

/** Parses "ip:30/300,account:10/300" (count per seconds; either part may be left out). */
export function parseRateLimitRule(raw: string): RateLimitRule | string {
  const rule: RateLimitRule = { perIp: null, perAccount: null };
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(ip|account):(\d{1,9})\/(\d{1,9})$/.exec(part);
    if (!match || +match[2] < 1 || +match[3] < 1) return `"${part}" is not written like ip:30/300 or account:10/300`;
    rule[match[1] === 'ip' ? 'perIp' : 'perAccount'] = { limit: +match[2], windowSeconds: +match[3] };
  }
  return rule;
}

function envKeyOf(action: RateLimitedAction): string {
  return 'RATE_LIMIT_' + action.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}

export interface MaterialsConfig {
  storage: 'local' | 's3';
  /** Folder of the local-disk storage. */
  dir: string;
  /** Upper bound of an event's maximum file size, in bytes. */
  maxBytesLimit: number;
  s3: { endpoint?: string; region: string; bucket?: string; prefix: string; forcePathStyle: boolean; accessKeyId?: string; secretAccessKey?: string };
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

  const smtpUrl = str('SMTP_URL');
  if (smtpUrl !== undefined) {
    try {
      if (!['smtp:', 'smtps:'].includes(new URL(smtpUrl).protocol)) fail('SMTP_URL', 'must start with smtp:// or smtps://');
    } catch {
      fail('SMTP_URL', 'must be a URL such as smtp://user:password@mail.example.org:587');
    }
  }
  const mailFrom = str('MAIL_FROM', 'ClusterMeet <no-reply@clustermeet.local>')!;
  if (!/^[^<>]*<[^@\s<>]+@[^@\s<>]+>$|^[^@\s<>]+@[^@\s<>]+$/.test(mailFrom)) {
    fail('MAIL_FROM', `must be an address such as 'ClusterMeet <no-reply@example.org>', got "${mailFrom}"`);
  }
  // Tests never write into the project's data folder.
  const rawMailDir = str('MAIL_DIR', nodeEnv === 'test' ? join(tmpdir(), 'clustermeet-test-mail') : join(dataDir, 'mail'))!;
  const mailDir = isAbsolute(rawMailDir) ? rawMailDir : resolve(cwd, rawMailDir);
  const runWorkerInApi = bool('RUN_WORKER_IN_API', true);
  const mailRetryLimit = int('MAIL_RETRY_LIMIT', 6, 0, 50);
  const mailRetryDelaySeconds = int('MAIL_RETRY_DELAY_SECONDS', 30, 1, 3600);
  const mailSendTimeoutSeconds = int('MAIL_SEND_TIMEOUT_SECONDS', 60, 2, 3600);

  const graphqlLimits: GraphQLLimits = {
    maxDepth: int('GRAPHQL_MAX_DEPTH', 12, 2, 100),
    maxCost: int('GRAPHQL_MAX_COST', 20000, 10, 10_000_000),
    maxPageSize: int('GRAPHQL_MAX_PAGE_SIZE', 100, 1, 10000),
    maxAliases: int('GRAPHQL_MAX_ALIASES', 30, 0, 1000),
    defaultListSize: int('GRAPHQL_DEFAULT_LIST_SIZE', 50, 1, 10000),
  };

  const rules = {} as Record<RateLimitedAction, RateLimitRule>;
  for (const action of RATE_LIMITED_ACTIONS) {
    const key = envKeyOf(action);
    const parsed = parseRateLimitRule(str(key, DEFAULT_RATE_LIMITS[action])!);
    if (typeof parsed === 'string') fail(key, parsed);
    rules[action] = typeof parsed === 'string' ? parseRateLimitRule(DEFAULT_RATE_LIMITS[action]) as RateLimitRule : parsed;
  }
  const rateLimits: RateLimitsConfig = { enabled: bool('RATE_LIMITS_ENABLED', true), rules };
  const loginLockout: LoginLockoutConfig = {
    maxFailures: int('LOGIN_LOCKOUT_AFTER', 5, 1, 1000),
    baseSeconds: int('LOGIN_LOCKOUT_BASE_SECONDS', 30, 1, 86400),
    maxSeconds: int('LOGIN_LOCKOUT_MAX_SECONDS', 900, 1, 7 * 86400),
  };

  const corsOrigins = (str('CORS_ORIGINS', '') ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    let ok = false;
    try {
      const url = new URL(origin);
      ok = ['http:', 'https:'].includes(url.protocol) && url.origin === origin;
    } catch {
      ok = false;
    }
    if (!ok) fail('CORS_ORIGINS', `"${origin}" is not an origin such as https://agenda.example.org (scheme, host, optional port; no path)`);
  }
  const platformAdminEmails = (str('PLATFORM_ADMIN_EMAILS', '') ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  for (const email of platformAdminEmails) {
    if (email.length > 254 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail('PLATFORM_ADMIN_EMAILS', `"${email}" is not an e-mail address`);
  }
  // The CSV import travels inside a JSON body, so the default leaves room for it and its escaping.
  const bodyLimitBytes = int('BODY_LIMIT', importMaxBytes + 512 * 1024, 1024, 200 * 1024 * 1024);

  const materialsStorage = oneOf('MATERIALS_STORAGE', ['local', 's3'], 'local');
  const rawMaterialsDir = str('MATERIALS_DIR', join(dataDir, 'materials'))!;
  const materialsS3Endpoint = str('MATERIALS_S3_ENDPOINT');
  const materialsS3Bucket = str('MATERIALS_S3_BUCKET');
  if (materialsStorage === 's3' && !materialsS3Bucket) fail('MATERIALS_S3_BUCKET', 'is required when MATERIALS_STORAGE=s3');
  const materials: MaterialsConfig = {
    storage: materialsStorage,
    dir: isAbsolute(rawMaterialsDir) ? rawMaterialsDir : resolve(cwd, rawMaterialsDir),
    maxBytesLimit: int('MATERIALS_MAX_BYTES_LIMIT', 1024 * 1024 * 1024, 1024, 2 ** 40),
    s3: {
      endpoint: materialsS3Endpoint,
      region: str('MATERIALS_S3_REGION', 'us-east-1')!,
      bucket: materialsS3Bucket,
      prefix: str('MATERIALS_S3_PREFIX', '')!,
      forcePathStyle: bool('MATERIALS_S3_FORCE_PATH_STYLE', materialsS3Endpoint !== undefined),
      accessKeyId: str('MATERIALS_S3_ACCESS_KEY_ID'),
      secretAccessKey: str('MATERIALS_S3_SECRET_ACCESS_KEY'),
    },
  };

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
    materials,
    graphqlLimits,
    rateLimits,
    loginLockout,
    corsOrigins,
    platformAdminEmails,
    bodyLimitBytes,
    smtpUrl,
    mailFrom,
    mailDir,
    runWorkerInApi,
    mailRetryLimit,
    mailRetryDelaySeconds,
    mailSendTimeoutSeconds,
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
