import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogger, PinoNestLogger, tolerateLateErrors } from '../../libs/common/index.js';
import { type AppConfig, ConfigError, loadConfig } from '../../libs/config/index.js';
import { WorkerModule } from './worker.module.js';

/**
 * `npm run worker`: the job processors (mail, reminder sweep) on their own. Start as many as
 * you like beside the API (set RUN_WORKER_IN_API=false there to keep the API free of them).
 * Without DATABASE_URL it joins the embedded PostgreSQL that `npm start` runs; it never starts
 * one itself and never migrates.
 */
async function main() {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const databaseUrl = config.databaseUrl ?? (await embeddedUrl(config));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, databaseUrl, logger), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    tolerateLateErrors(logger);
    logger.info({ signal }, 'worker shutting down');
    await app.close().catch((error) => logger.error({ err: error }, 'error while closing the worker'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  logger.info({ pid: process.pid }, 'ClusterMeet worker is running');
}

async function embeddedUrl(config: AppConfig): Promise<string> {
  const passwordFile = join(config.dataDir, 'postgres', 'postgres-password');
  const password = (await readFile(passwordFile, 'utf8').catch(() => {
    throw new Error(`No DATABASE_URL and no embedded database in ${config.dataDir}: start the API (npm start) first or set DATABASE_URL.`);
  })).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${config.embeddedPostgresPort}/clustermeet`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
