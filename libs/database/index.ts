export { type DatabaseHandle, openDatabase } from './database-bootstrap.js';
export { DatabaseModule } from './database.module.js';
export { dataSourceOptions, revertLastMigration, runMigrations } from './data-source.js';
export { ensureDatabase, quoteIdent, type RunningPostgres, startEmbeddedPostgres } from './embedded-postgres.js';
