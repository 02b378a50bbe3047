import { join } from 'node:path';
import { type Logger } from 'pino';
import { type AppConfig } from '../config/index.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** Stops the embedded server; a no-op for an external one. */
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise an embedded PostgreSQL in the data folder. */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  const started = Date.now();
  const server = await startEmbeddedPostgres({
    dir: join(config.dataDir, 'postgres'),
    port: config.embeddedPostgresPort,
    database: 'clustermeet',
    logger,
  });
  logger.info({ port: config.embeddedPostgresPort, ms: Date.now() - started }, 'embedded PostgreSQL ready');
  return { url: server.url, embedded: true, stop: server.stop };
}
