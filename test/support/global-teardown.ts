import { type TestPostgres } from './test-postgres.js';

export default async function globalTeardown() {
  await (globalThis as { __clustermeetTestPostgres?: TestPostgres }).__clustermeetTestPostgres?.stop();
}
