import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUTHORIZATION_MATRIX,
  type MatrixContext,
  type MatrixRow,
  matrixSize,
  NOT_YET_IN_MATRIX,
  renderMatrixMarkdown,
  type Role,
  ROLES,
} from '../support/authorization-matrix.js';
import { TestApp } from '../support/test-app.js';

const PASSWORD = 'correct horse battery';

/**
 * Runs every cell of the authorisation matrix against the real app. Accounts are shared; each
 * cell gets its own freshly inserted event, so a cell's changes never affect another cell.
 */
describe('authorisation matrix (every operation × role)', () => {
  let t: TestApp;
  const people = {} as Record<Exclude<Role, 'anonymous'> | 'applicant', { token: string; accountId: string; email: string }>;
  let cellNumber = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    for (const who of ['stranger', 'participant', 'speaker', 'organiser', 'otherOrganiser', 'applicant'] as const) {
      people[who] = await t.signUp(`Matrix ${who}`, `matrix.${who.toLowerCase()}@test.example`);
    }
    // The other organiser's own event.
    const [other] = await t.db.query(
      `INSERT INTO event (slug, name, time_zone, starts_on, ends_on, status) VALUES ('matrix-other', 'Other', 'Europe/Madrid', '2023-05-01', '2023-05-02', 'PUBLISHED') RETURNING id`,
    );
    await t.db.query(`INSERT INTO participation (event_id, account_id, role, status) VALUES ($1, $2, 'ORGANISER', 'APPROVED')`, [other.id, people.otherOrganiser.accountId]);
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function freshEvent(draft: boolean): Promise<MatrixContext> {
    const unique = `c${++cellNumber}`;
    const [event] = await t.db.query(
      `INSERT INTO event (slug, name, time_zone, starts_on, ends_on, status, requires_approval)
       VALUES ($1, 'Matrix event', 'Europe/Helsinki', '2023-04-25', '2023-04-27', $2, true) RETURNING id, slug`,
      [`matrix-${unique}`, draft ? 'DRAFT' : 'PUBLISHED'],
    );
    const join = async (who: keyof typeof people, role: string, status = 'APPROVED') =>
      (await t.db.query(`INSERT INTO participation (event_id, account_id, role, status) VALUES ($1, $2, $3, $4) RETURNING id`, [event.id, people[who].accountId, role, status]))[0].id as string;
    return {
      event,
      unique,
      participations: {
        organiser: await join('organiser', 'ORGANISER'),
        speaker: await join('speaker', 'SPEAKER'),
        participant: await join('participant', 'PARTICIPANT'),
        applicant: await join('applicant', 'PARTICIPANT', 'PENDING'),
      },
      login: { email: people.applicant.email, password: PASSWORD },
    };
  }

  const label = (row: MatrixRow) => `${row.operation}${row.case ? ` (${row.case})` : ''}`;

  describe.each(AUTHORIZATION_MATRIX.map((row) => [label(row), row] as const))('%s', (_name, row) => {
    it.each(ROLES.map((role) => [role, row.expect[role]] as const))('%s → %s', async (role, expected) => {
      const context = await freshEvent(row.draft ?? false);
      const token = role === 'anonymous' ? undefined : people[role].token;
      const res = await t.gql(row.document, row.variables?.(context) ?? {}, token);
      const outcome = res.errors?.length ? res.errors[0].extensions?.code : 'OK';
      if (row.after === 'restoreTokens') await t.db.query(`UPDATE account SET token_version = 0`);
      expect({ cell: `${label(row)} as ${role}`, outcome }).toEqual({ cell: `${label(row)} as ${role}`, outcome: expected });
      if (expected === 'OK') expect(res.data).toBeTruthy();
      expect(res.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    });
  });

  it('covers every query and mutation of the schema', async () => {
    const { data } = await t.gql<{ __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } } }>(
      `{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`,
    );
    const operations = [...data!.__schema.queryType.fields, ...data!.__schema.mutationType.fields].map((f) => f.name);
    const covered = new Set([...AUTHORIZATION_MATRIX.map((r) => r.operation), ...NOT_YET_IN_MATRIX]);
    expect(operations.filter((name) => !covered.has(name)).sort()).toEqual([]);
    // No stale row for an operation that no longer exists.
    expect(AUTHORIZATION_MATRIX.map((r) => r.operation).filter((name) => !operations.includes(name))).toEqual([]);
  });

  it('is the table shown in docs/security.md', () => {
    const docs = readFileSync(join(process.cwd(), 'docs/security.md'), 'utf8');
    expect(docs).toContain(renderMatrixMarkdown());
    expect(docs).toContain(`${matrixSize().cells} cells`);
  });
});
