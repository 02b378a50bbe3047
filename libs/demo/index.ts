export { DEMO_EVENT, DEMO_LOGINS, DEMO_ORGANISATIONS, DEMO_PASSWORD, demoPeople } from './demo-data.js';
export { seedDemo, seedDemoIfEmpty, type SeedResult } from './demo-seed.js';
