import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createLogger } from '../common/index.js';
import { ConfigError, loadConfig } from '../config/index.js';
import { seedDemo } from '../demo/index.js';
import { dataSourceOptions, revertLastMigration, runMigrations } from './data-source.js';
import { openDatabase } from './database-bootstrap.js';

/**
 * `npm run migrate | migrate:revert | seed`: against DATABASE_URL, or the embedded database when
 * it is unset (the same one `npm start` uses).
 */
async function main(command: string | undefined) {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  try {
    switch (command) {
      case 'migrate': {
        const applied = await runMigrations(database.url);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        break;
      }
      case 'revert':
        await revertLastMigration(database.url);
        console.log('Reverted the last migration.');
        break;
      case 'seed': {
        const dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
        try {
          const result = await seedDemo(dataSource);
          console.log(result.seeded ? `Seeded ${result.eventSlug} with ${result.people} people.` : `The demo event ${result.eventSlug} already exists; nothing changed.`);
        } finally {
          await dataSource.destroy();
        }
        break;
      }
      default:
        console.error('Usage: cli.js migrate | revert | seed');
        process.exitCode = 2;
    }
  } finally {
    await database.stop();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
