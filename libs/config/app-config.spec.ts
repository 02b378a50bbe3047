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
});
