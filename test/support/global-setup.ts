import { ENV_ADMIN_URL, ENV_TEMPLATE, startTestPostgres } from './test-postgres.js';

/** Runs once before all test files: one PostgreSQL, one migrated template database. */
export default async function globalSetup() {
  const postgres = await startTestPostgres(process.env);
  process.env[ENV_ADMIN_URL] = postgres.adminUrl;
  process.env[ENV_TEMPLATE] = postgres.template;
  (globalThis as { __clustermeetTestPostgres?: typeof postgres }).__clustermeetTestPostgres = postgres;
}
