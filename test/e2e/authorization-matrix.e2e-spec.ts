import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendFile } from 'node:fs/promises';
import {
  AUTHORIZATION_MATRIX,
  expectedOutcome,
  type Fixture,
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
  const people = {} as Record<Exclude<Role, 'anonymous'> | 'applicant' | 'colleague' | 'peer', { token: string; accountId: string; email: string }>;
  let cellNumber = 0;

  beforeAll(async () => {
    t = await TestApp.start();
    for (const who of ['stranger', 'participant', 'speaker', 'organiser', 'otherOrganiser', 'suspended', 'applicant', 'colleague', 'peer'] as const) {
      people[who] = await t.signUp(`Matrix ${who}`, `matrix.${who.toLowerCase()}@test.example`);
    }
    // Suspended as a platform administrator would (suspension.e2e-spec runs the mutation itself); its token was valid until now.
    await t.db.query(`UPDATE account SET suspended_at = now(), suspended_reason = 'Matrix' WHERE id = $1`, [people.suspended.accountId]);
    // The other organiser's own event.
    const [other] = await t.db.query(
      `INSERT INTO event (slug, name, time_zone, starts_on, ends_on, status) VALUES ('matrix-other', 'Other', 'Europe/Madrid', '2023-05-01', '2023-05-02', 'PUBLISHED') RETURNING id`,
    );
    await t.db.query(`INSERT INTO participation (event_id, account_id, role, status) VALUES ($1, $2, 'ORGANISER', 'APPROVED')`, [other.id, people.otherOrganiser.accountId]);
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function freshEvent(draft: boolean, needs: Fixture[] = []): Promise<MatrixContext> {
    const unique = `c${++cellNumber}`;
    const [event] = await t.db.query(
      `INSERT INTO event (slug, name, time_zone, starts_on, ends_on, status, requires_approval)
       VALUES ($1, 'Matrix event', 'Europe/Helsinki', '2031-04-25', '2031-04-27', $2, true) RETURNING id, slug`,
      [`matrix-${unique}`, draft ? 'DRAFT' : 'PUBLISHED'],
    );
    // One round trip for everyone in the event (colleague and peer only when fixtures need them).
    const joining: [keyof typeof people, string, string][] = [
      ['organiser', 'ORGANISER', 'APPROVED'],
      ['speaker', 'SPEAKER', 'APPROVED'],
      ['participant', 'PARTICIPANT', 'APPROVED'],
      ['applicant', 'PARTICIPANT', 'PENDING'],
      ...(needs.length ? ([['colleague', 'PARTICIPANT', 'APPROVED'], ['peer', 'PARTICIPANT', 'APPROVED']] as [keyof typeof people, string, string][]) : []),
    ];
    const joined: { id: string; account_id: string }[] = await t.db.query(
      `INSERT INTO participation (event_id, account_id, role, status) SELECT $1, a, r, s FROM unnest($2::uuid[], $3::text[], $4::text[]) AS j(a, r, s) RETURNING id, account_id`,
      [event.id, joining.map(([who]) => people[who].accountId), joining.map(([, role]) => role), joining.map(([, , status]) => status)],
    );
    const participationOf = (who: keyof typeof people) => joined.find((j) => j.account_id === people[who].accountId)!.id;
    const context: MatrixContext = {
      event,
      unique,
      participations: {
        organiser: participationOf('organiser'),
        speaker: participationOf('speaker'),
        participant: participationOf('participant'),
        applicant: participationOf('applicant'),
      },
      login: { email: people.applicant.email, password: PASSWORD },
      accounts: {
        organiser: people.organiser.accountId,
        speaker: people.speaker.accountId,
        participant: people.participant.accountId,
        colleague: people.colleague.accountId,
        peer: people.peer.accountId,
      },
    };
    if (needs.length === 0) return context;
    const one = async (sql: string, params: unknown[]) => (await t.db.query(sql, params))[0].id as string;
    if (needs.includes('agenda') || needs.includes('material')) {
      const trackId = await one(`INSERT INTO agenda_track (event_id, name) VALUES ($1, 'Track') RETURNING id`, [event.id]);
      const roomId = await one(`INSERT INTO agenda_room (event_id, name, capacity) VALUES ($1, 'Room', 50) RETURNING id`, [event.id]);
      const session = (type: string, hour: number) =>
        one(
          `INSERT INTO agenda_session (event_id, title, type, starts_at, ends_at, status, room_id, track_id)
           VALUES ($1, 'Session', $2, $3::timestamptz, $3::timestamptz + interval '1 hour', 'PUBLISHED', $4, $5) RETURNING id`,
          [event.id, type, `2031-04-26T0${hour}:00:00Z`, type === 'PLENARY' ? roomId : null, trackId],
        );
      const sessionId = await session('PLENARY', 6);
      await t.db.query(`INSERT INTO agenda_session_person (session_id, account_id, role, position) VALUES ($1, $2, 'SPEAKER', 0)`, [sessionId, people.speaker.accountId]);
      const roundTableSessionId = await session('ROUND_TABLE', 8);
      const table = (topic: string) => one(`INSERT INTO agenda_round_table (session_id, topic, seats) VALUES ($1, $2, 5) RETURNING id`, [roundTableSessionId, topic]);
      const roundTableId = await table('Empty table');
      // The colleague sits at a second table (for removeSeat), so the first one can be removed.
      await t.db.query(`INSERT INTO agenda_seat (event_id, session_id, round_table_id, account_id, status, seated_at) VALUES ($1, $2, $3, $4, 'SEATED', now())`, [
        event.id,
        roundTableSessionId,
        await table('Busy table'),
        people.colleague.accountId,
      ]);
      await session('MATCHMAKING', 9);
      const draftSessionId = await one(
        `INSERT INTO agenda_session (event_id, title, type, starts_at, ends_at) VALUES ($1, 'Draft', 'WORKSHOP', '2031-04-27T06:00:00Z', '2031-04-27T07:00:00Z') RETURNING id`,
        [event.id],
      );
      context.agenda = { trackId, roomId, sessionId, roundTableSessionId, roundTableId, draftSessionId };
    }
    if (needs.includes('material')) {
      // One statement: the material's current version is a deferred foreign key.
      const materialId = await one(
        `WITH m AS (
           INSERT INTO material (event_id, session_id, title, visibility, owner_account_id, current_version)
           VALUES ($1, $2, 'Slides', 'PARTICIPANTS', $3, 1) RETURNING id
         ), k AS (SELECT gen_random_uuid()::text AS u), v AS (
           INSERT INTO material_version (material_id, version, storage_key, file_name, file_type, content_type, size_bytes, sha256, uploaded_by)
           SELECT m.id, 1, left(k.u, 2) || '/' || k.u, 'slides.pdf', 'PDF', 'application/pdf', 10, repeat('a', 64), $3 FROM m, k
         )
         SELECT id FROM m`,
        [event.id, context.agenda!.sessionId, people.speaker.accountId],
      );
      context.material = { id: materialId };
    }
    if (needs.includes('matchmaking')) {
      await t.db.query(`INSERT INTO matchmaking_settings (event_id, table_count, windows) VALUES ($1, 3, '[{"startsAt":"2031-04-26T10:00:00.000Z","endsAt":"2031-04-26T11:00:00.000Z"}]')`, [event.id]);
      const slotIds: string[] = [];
      for (const minute of ['00', '20', '40']) {
        slotIds.push(await one(`INSERT INTO meeting_slot (event_id, starts_at, ends_at) VALUES ($1, $2::timestamptz, $2::timestamptz + interval '20 minutes') RETURNING id`, [event.id, `2031-04-26T10:${minute}:00Z`]));
      }
      for (const who of ['participant', 'speaker', 'colleague', 'peer'] as const) {
        await t.db.query(`INSERT INTO matchmaking_profile (event_id, account_id, pitch) VALUES ($1, $2, 'Pitch')`, [event.id, people[who].accountId]);
      }
      const request = (from: string, to: string, status: string) =>
        one(`INSERT INTO meeting_request (event_id, requester_id, recipient_id, status) VALUES ($1, $2, $3, $4) RETURNING id`, [event.id, from, to, status]);
      const accepted = await request(people.participant.accountId, people.colleague.accountId, 'ACCEPTED');
      const meetingId = await one(
        `INSERT INTO meeting (event_id, request_id, requester_id, recipient_id, slot_id, table_number, reschedule_slot_id, reschedule_by)
         VALUES ($1, $2, $3, $4, $5, 1, $6, $4) RETURNING id`,
        [event.id, accepted, people.participant.accountId, people.colleague.accountId, slotIds[0], slotIds[1]],
      );
      const requestId = await request(people.speaker.accountId, people.participant.accountId, 'PENDING');
      const entryId = await one(`INSERT INTO marketplace_entry (event_id, account_id, direction, kind, title) VALUES ($1, $2, 'OFFER', 'EXPERTISE', 'Offer') RETURNING id`, [
        event.id,
        people.participant.accountId,
      ]);
      const blockId = await one(`INSERT INTO availability_block (event_id, account_id, starts_at, ends_at) VALUES ($1, $2, '2031-04-26T12:00:00Z', '2031-04-26T13:00:00Z') RETURNING id`, [
        event.id,
        people.participant.accountId,
      ]);
      context.matchmaking = { slotIds, meetingId, requestId, entryId, blockId };
    }
    if (needs.includes('delivery')) {
      const id = await one(
        `INSERT INTO notification_delivery (idempotency_key, event_id, kind, essential, recipient_account_id, subject_type, subject_id, message_id, status, attempts, last_error)
         VALUES ($1, $2, 'ANNOUNCEMENT', true, $3, 'event', $5, $4, 'FAILED', 3, 'mailbox full') RETURNING id`,
        [`matrix:${unique}`, event.id, people.participant.accountId, `<matrix-${unique}@test.example>`, event.id],
      );
      context.delivery = { id };
    }
    return context;
  }

  /** A GraphQL multipart request (the upload spec) with a tiny PDF as `file`. */
  async function multipart(document: string, variables: Record<string, unknown>, token?: string) {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: document, variables: { ...variables, file: null } }));
    form.append('map', JSON.stringify({ '0': ['variables.file'] }));
    form.append('0', new Blob(['%PDF-1.7\n%matrix test file\n'], { type: 'application/pdf' }), 'matrix.pdf');
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      body: form,
      headers: { 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return (await res.json()) as Awaited<ReturnType<TestApp['gql']>>;
  }

  const label = (row: MatrixRow) => `${row.operation}${row.case ? ` (${row.case})` : ''}`;

  describe.each(AUTHORIZATION_MATRIX.map((row) => [label(row), row] as const))('%s', (_name, row) => {
    // Queries change nothing, so a query row's cells share one event; each mutation cell gets its own.
    let shared: Promise<MatrixContext> | null = null;
    it.each(ROLES.map((role) => [role, expectedOutcome(row, role)] as const))('%s → %s', async (role, expected) => {
      const context = await (row.kind === 'query' ? (shared ??= freshEvent(row.draft ?? false, row.needs)) : freshEvent(row.draft ?? false, row.needs));
      const token = role === 'anonymous' ? undefined : people[role].token;
      const variables = row.variables?.(context) ?? {};
      const res = row.upload ? await multipart(row.document, variables, token) : await t.gql(row.document, variables, token);
      const outcome = res.errors?.length ? res.errors[0].extensions?.code : 'OK';
      // MATRIX_RECORD=<file> writes every cell's outcome, to review a new row's actual answers.
      if (process.env.MATRIX_RECORD) await appendFile(process.env.MATRIX_RECORD, `${JSON.stringify({ cell: `${label(row)} as ${role}`, expected, outcome, message: res.errors?.[0]?.message })}\n`);
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
