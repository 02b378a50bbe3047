import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createLogger, tolerateLateErrors } from '../../libs/common/index.js';
import { ConfigError, loadConfig } from '../../libs/config/index.js';
import { dataSourceOptions, openDatabase, runMigrations } from '../../libs/database/index.js';
import { seedDemoIfEmpty } from '../../libs/demo/index.js';
import { DemoMessages } from '../../libs/domain-notifications/index.js';
import { createApp } from './app.factory.js';

async function main() {
  const started = Date.now();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    tolerateLateErrors(logger);
    logger.info({ signal }, 'shutting down');
    await app?.close().catch((error) => logger.error({ err: error }, 'error while closing the app'));
    await database.stop().catch((error) => logger.error({ err: error }, 'error while stopping PostgreSQL'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    if (config.migrateOnStart) {
      const applied = await runMigrations(database.url);
      if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    }
    let demoSeeded = false;
    if (config.seedDemo) {
      const dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
      try {
        const seeded = await seedDemoIfEmpty(dataSource);
        demoSeeded = !!seeded?.seeded;
        if (seeded?.seeded) logger.info({ event: seeded.eventSlug, people: seeded.people }, 'demo event seeded');
      } finally {
        await dataSource.destroy();
      }
    }
    app = await createApp(config, database.url, logger);
    // A fresh demo: a few messages for the demo logins, so MAIL_DIR shows what ClusterMeet sends.
    if (demoSeeded) {
      await app.get(DemoMessages).send().then((queued) => logger.info({ queued }, 'demo messages queued'), (err) => logger.warn({ err }, 'demo messages not queued'));
    }
    await app.listen(config.port, config.host);
  } catch (error) {
    logger.fatal({ err: error }, 'ClusterMeet could not start');
    await database.stop().catch(() => {});
    process.exit(1);
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://localhost:${port}`;
  logger.info({ ms: Date.now() - started, embeddedDatabase: database.embedded }, 'ClusterMeet is ready');
  // A human line as well, for the person who just typed `npm start`.
  console.log(`\nClusterMeet is running at ${base}\n  GraphQL: ${base}/graphql\n  Health:  ${base}/health\n`);
}

void main();
