import { type DataSource } from 'typeorm';
import { PasswordHasher } from '../identity/index.js';
import { seedDemoAgenda } from './demo-agenda.js';
import { DEMO_EVENT, DEMO_LOGINS, DEMO_ORGANISATIONS, DEMO_PASSWORD, demoPeople } from './demo-data.js';
import { seedDemoMatchmaking } from './demo-matchmaking.js';
import { seedDemoOutcomes } from './demo-outcomes.js';

export interface SeedResult {
  seeded: boolean;
  eventSlug: string;
  people: number;
}

/**
 * Writes the Kittilä reference event with its organisations, people and roles, in one
 * transaction. Idempotent: when the event already exists nothing is touched.
 */
export async function seedDemo(dataSource: DataSource, hasher = new PasswordHasher()): Promise<SeedResult> {
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent seeders (two processes starting at once).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('clustermeet:demo-seed'))`);
    const existing = await manager.query(`SELECT id FROM event WHERE slug = $1`, [DEMO_EVENT.slug]);
    if (existing.length) return { seeded: false, eventSlug: DEMO_EVENT.slug, people: 0 };

    const [{ id: eventId }] = await manager.query(
      `INSERT INTO event (slug, name, description, venue, address, time_zone, starts_on, ends_on, status, requires_approval)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PUBLISHED', true) RETURNING id`,
      [DEMO_EVENT.slug, DEMO_EVENT.name, DEMO_EVENT.description, DEMO_EVENT.venue, DEMO_EVENT.address, DEMO_EVENT.timeZone, DEMO_EVENT.startsOn, DEMO_EVENT.endsOn],
    );

    const organisationIds = new Map<string, string>();
    for (const org of DEMO_ORGANISATIONS) {
      const [{ id }] = await manager.query(
        `INSERT INTO organisation (name, type, country, region, website)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (lower(name), coalesce(country, '')) DO UPDATE SET name = organisation.name
         RETURNING id`,
        [org.name, org.type, org.country, org.region, `https://www.${org.domain.toLowerCase()}`],
      );
      organisationIds.set(org.name, id);
    }

    const people = demoPeople();
    // The three demo logins belong to the organising platform, Digipolis and a Kainuu SME.
    const loginOrganisations = [DEMO_ORGANISATIONS[0], DEMO_ORGANISATIONS[2], DEMO_ORGANISATIONS[26]];
    const rows = [
      ...DEMO_LOGINS.map((login, i) => ({ ...login, organisation: loginOrganisations[i], passwordHash })),
      ...people.map((person, i) => ({
        email: person.email,
        name: person.name,
        organisation: person.organisation,
        passwordHash: null,
        // The platform's staff organise; every eighth person speaks; approval is mostly done.
        role: person.organisation === DEMO_ORGANISATIONS[0] ? 'ORGANISER' : i % 8 === 3 ? 'SPEAKER' : 'PARTICIPANT',
      })),
    ];
    for (const [i, row] of rows.entries()) {
      const [{ id: accountId }] = await manager.query(
        `INSERT INTO account (email, name, password_hash, organisation_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (lower(email)) DO UPDATE SET email = account.email
         RETURNING id`,
        [row.email, row.name, row.passwordHash, organisationIds.get(row.organisation.name)],
      );
      const status = i >= rows.length - 6 ? 'PENDING' : 'APPROVED';
      await manager.query(
        `INSERT INTO participation (event_id, account_id, role, status) VALUES ($1, $2, $3, $4)
         ON CONFLICT (event_id, account_id) DO NOTHING`,
        [eventId, accountId, row.role, status],
      );
    }
    await seedDemoAgenda(manager, eventId);
    await seedDemoMatchmaking(manager, eventId);
    await seedDemoOutcomes(manager, eventId);
    return { seeded: true, eventSlug: DEMO_EVENT.slug, people: rows.length };
  });
}

/** Seeds only when the installation has no event at all (a new embedded database). */
export async function seedDemoIfEmpty(dataSource: DataSource): Promise<SeedResult | null> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM event`);
  return count === 0 ? seedDemo(dataSource) : null;
}
