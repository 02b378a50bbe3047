import { ConfigError, loadConfig } from './app-config.js';

const secret = 'x'.repeat(32);

describe('loadConfig', () => {
  it('has defaults that need no set-up outside production', () => {
    const config = loadConfig({ AUTH_SECRET: secret });
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, migrateOnStart: true, seedDemo: true, graphqlIde: true });
  });

  it('names every bad key', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEFAULT_TIME_ZONE: 'Mars/Olympus', NODE_ENV: 'production' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const keys = (error as ConfigError).problems.map((p) => p.key).sort();
      expect(keys).toEqual(['AUTH_SECRET', 'DATABASE_URL', 'DEFAULT_TIME_ZONE', 'PORT']);
      expect((error as Error).message).toContain('PORT: must be a whole number');
    }
  });

  it('switches off the IDE and the demo in production with a real database', () => {
    const config = loadConfig({ NODE_ENV: 'production', AUTH_SECRET: secret, DATABASE_URL: 'postgres://u@db/clustermeet' });
    expect(config).toMatchObject({ graphqlIde: false, seedDemo: false, databaseUrl: 'postgres://u@db/clustermeet' });
  });

  it('refuses a short secret', () => {
    expect(() => loadConfig({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it('reads the security limits and refuses malformed ones', () => {
    const config = loadConfig({ AUTH_SECRET: secret, RATE_LIMIT_LOGIN: 'ip:5/60', CORS_ORIGINS: 'https://a.example, http://localhost:5173' });
    expect(config.rateLimits.rules.login).toEqual({ perIp: { limit: 5, windowSeconds: 60 }, perAccount: null });
    expect(config.rateLimits.rules.register.perIp).toEqual({ limit: 10, windowSeconds: 3600 });
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(config.graphqlLimits).toMatchObject({ maxDepth: 12, maxPageSize: 100 });
    expect(config.bodyLimitBytes).toBeGreaterThan(config.importMaxBytes);
    try {
      loadConfig({ AUTH_SECRET: secret, RATE_LIMIT_EXPORT: 'lots', CORS_ORIGINS: 'https://a.example/path', GRAPHQL_MAX_DEPTH: '0' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.key).sort()).toEqual(['CORS_ORIGINS', 'GRAPHQL_MAX_DEPTH', 'RATE_LIMIT_EXPORT']);
    }
  });

  it('reads the platform administrators (none by default) and refuses a non-address', () => {
    expect(loadConfig({ AUTH_SECRET: secret }).platformAdminEmails).toEqual([]);
    expect(loadConfig({ AUTH_SECRET: secret, PLATFORM_ADMIN_EMAILS: ' Ada@Example.org, ops@example.org ,' }).platformAdminEmails).toEqual(['ada@example.org', 'ops@example.org']);
    expect(() => loadConfig({ AUTH_SECRET: secret, PLATFORM_ADMIN_EMAILS: 'ada@example.org, not-an-address' })).toThrow(/PLATFORM_ADMIN_EMAILS/);
  });
});
