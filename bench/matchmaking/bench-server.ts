/**
 * The API alone in its own process, for the matchmaking benchmarks: the load generator then
 * competes with it for the machine's two cores, as a client on the same machine would, but not
 * for its event loop. Prints "LISTENING <port>" when ready.
 *
 *   node dist/bench/matchmaking/bench-server.js <database-url>
 */
import { pino } from 'pino';
import { createApp } from '../../apps/api/app.factory.js';
import { loadConfig } from '../../libs/config/index.js';

const url = process.argv[2];
if (!url) throw new Error('usage: bench-server.js <database-url>');
const config = loadConfig({
  NODE_ENV: 'test',
  PORT: '0',
  HOST: '127.0.0.1',
  AUTH_SECRET: 'bench-secret-that-is-at-least-32-characters-long',
  DATABASE_URL: url,
  LOG_LEVEL: 'silent',
  RATE_LIMITS_ENABLED: 'false',
});
const app = await createApp(config, url, pino({ level: 'silent' }));
await app.listen(0, '127.0.0.1');
console.log(`LISTENING ${(app.getHttpServer().address() as { port: number }).port}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
