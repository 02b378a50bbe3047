import { DataSource } from 'typeorm';
import { errorCode, TestApp } from '../support/test-app.js';

const SESSION_FIELDS = `id title description type status revision startsAt endsAt day room { id name } track { name colour }
  people { accountId name role position } roundTables { id topic hostName seats seated waiting } seated waiting capacity`;
const CREATE_SESSION = `mutation($eventId: ID!, $input: CreateSessionInput!) { createSession(eventId: $eventId, input: $input) { ${SESSION_FIELDS} } }`;
const SET_STATUS = `mutation($id: ID!, $status: SessionStatus!) { setSessionStatus(id: $id, status: $status) { id status revision } }`;
const AGENDA = `query($eventId: ID!, $filter: AgendaFilterInput) { agenda(eventId: $eventId, filter: $filter) {
  timeZone days { date sessions { ${SESSION_FIELDS} } } rooms { id name capacity } tracks { id name } } }`;

/** 26 April 2023 in Helsinki (UTC+3). */
const at = (hhmm: string, day = 26) => `2023-04-${day}T${hhmm}:00+03:00`;

describe('agenda (GraphQL end to end)', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: { token: string; accountId: string };
  let otherOrganiser: { token: string; accountId: string };
  let speaker: { token: string; accountId: string };
  let moderator: { token: string; accountId: string };
  let participant: { token: string; accountId: string };
  let roomA: string;
  let roomB: string;
  let track: string;

  beforeAll(async () => {
    // No job processors in this process: their polling would show up in the SQL statement counts.
    t = await TestApp.start({ RUN_WORKER_IN_API: 'false' });
    organiser = await t.signUp('Olga Organiser');
    otherOrganiser = await t.signUp('Otto Other');
    speaker = await t.signUp('Sara Speaker');
    moderator = await t.signUp('Mikko Moderator');
    participant = await t.signUp('Pia Participant');
    const created = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Agenda test', slug: 'agenda-test', timeZone: 'Europe/Helsinki', startsOn: '2023-04-25', endsOn: '2023-04-27' } },
      organiser.token,
    );
    eventId = created.createEvent.id;
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { status } }`, { id: eventId }, organiser.token);
    await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Other', slug: 'other-event', timeZone: 'Europe/Helsinki', startsOn: '2023-05-01', endsOn: '2023-05-02' } },
      otherOrganiser.token,
    );
    for (const person of [speaker, moderator, participant]) {
      await t.ok(`mutation($eventId: ID!) { registerForEvent(eventId: $eventId, consentVersion: "2026-11") { status } }`, { eventId }, person.token);
    }
    const room = async (name: string, capacity: number) =>
      (await t.ok(`mutation($e: ID!, $i: RoomInput!) { createRoom(eventId: $e, input: $i) { id } }`, { e: eventId, i: { name, capacity, location: '1st floor' } }, organiser.token))
        .createRoom.id;
    roomA = await room('Levi Hall', 150);
    roomB = await room('Tunturi', 2);
    track = (await t.ok(`mutation($e: ID!) { createTrack(eventId: $e, input: { name: "Circular economy", colour: "#2A9D8F" }) { id colour } }`, { e: eventId }, organiser.token))
      .createTrack.id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const createSession = async (input: Record<string, unknown>) =>
    (await t.ok(CREATE_SESSION, { eventId, input: { type: 'PLENARY', roomId: roomA, ...input } }, organiser.token)).createSession;
  const publish = (id: string) => t.ok(SET_STATUS, { id, status: 'PUBLISHED' }, organiser.token);

  it('lets organisers build sessions and keeps drafts invisible outside them', async () => {
    const s = await createSession({ title: 'Opening', type: 'OPENING', startsAt: at('09:00'), endsAt: at('09:30'), trackId: track, language: 'en' });
    expect(s).toMatchObject({ title: 'Opening', status: 'DRAFT', revision: 0, day: '2023-04-26', room: { name: 'Levi Hall' }, track: { colour: '#2a9d8f' } });
    await t.ok(
      `mutation($id: ID!, $people: [SessionPersonInput!]!) { setSessionPeople(sessionId: $id, people: $people) { people { name role position } } }`,
      { id: s.id, people: [{ accountId: moderator.accountId, role: 'MODERATOR' }, { accountId: speaker.accountId, role: 'SPEAKER' }] },
      organiser.token,
    );

    // Anonymous, participant, speaker and another event's organiser: no drafts.
    for (const token of [undefined, participant.token, speaker.token, otherOrganiser.token]) {
      const agenda = await t.ok(AGENDA, { eventId }, token);
      expect(agenda.agenda.days.flatMap((d: any) => d.sessions)).toEqual([]);
      expect(errorCode(await t.gql(`query($id: ID!) { session(id: $id) { id } }`, { id: s.id }, token))).toBe('NOT_FOUND');
    }
    const mine = await t.ok(AGENDA, { eventId }, organiser.token);
    expect(mine.agenda.days.map((d: any) => d.date)).toEqual(['2023-04-25', '2023-04-26', '2023-04-27']);
    expect(mine.agenda.days[1].sessions.map((x: any) => x.title)).toEqual(['Opening']);

    await publish(s.id);
    const anonymous = await t.ok(AGENDA, { eventId });
    const opening = anonymous.agenda.days[1].sessions[0];
    expect(opening.people).toEqual([
      { accountId: moderator.accountId, name: 'Mikko Moderator', role: 'MODERATOR', position: 0 },
      { accountId: speaker.accountId, name: 'Sara Speaker', role: 'SPEAKER', position: 1 },
    ]);
    expect(anonymous.agenda.rooms.map((r: any) => r.name).sort()).toEqual(['Levi Hall', 'Tunturi']);
  });

  it('refuses bad sessions with coded errors naming the field', async () => {
    const cases: [Record<string, unknown>, string, string, string][] = [
      [{ startsAt: at('10:00'), endsAt: at('09:00') }, 'BAD_USER_INPUT', 'INVALID_TIMES', 'input.endsAt'],
      [{ startsAt: at('10:00'), endsAt: at('10:00') }, 'BAD_USER_INPUT', 'INVALID_TIMES', 'input.endsAt'],
      // 24 April 23:30 Helsinki is before the first day.
      [{ startsAt: '2023-04-24T23:30:00+03:00', endsAt: at('01:00', 25) }, 'BAD_USER_INPUT', 'OUTSIDE_EVENT', 'input.startsAt'],
      [{ startsAt: at('23:30', 27), endsAt: '2023-04-28T00:30:00+03:00' }, 'BAD_USER_INPUT', 'OUTSIDE_EVENT', 'input.endsAt'],
      [{ startsAt: at('10:00'), endsAt: at('11:00'), roomId: '00000000-0000-0000-0000-000000000000' }, 'BAD_USER_INPUT', 'UNKNOWN_ROOM', 'input.roomId'],
      [{ startsAt: at('10:00'), endsAt: at('11:00'), roomId: 'nonsense' }, 'BAD_USER_INPUT', 'UNKNOWN_ROOM', 'input.roomId'],
      [{ startsAt: at('10:00'), endsAt: at('11:00'), capacity: 0 }, 'BAD_USER_INPUT', 'INVALID_INPUT', 'input.capacity'],
      [{ startsAt: at('10:00'), endsAt: at('11:00'), title: ' ' }, 'BAD_USER_INPUT', 'INVALID_INPUT', 'input.title'],
    ];
    for (const [input, code, reason, field] of cases) {
      const res = await t.gql(CREATE_SESSION, { eventId, input: { title: 'Bad', type: 'PANEL', ...input } }, organiser.token);
      expect({ code: errorCode(res), reason: res.errors?.[0]?.extensions?.reason, field: res.errors?.[0]?.extensions?.field }).toEqual({ code, reason, field });
    }
    // A length refusal says its limits, so the web app can word it in the reader's language.
    const blank = await t.gql(CREATE_SESSION, { eventId, input: { title: ' ', type: 'PANEL', startsAt: at('10:00'), endsAt: at('11:00') } }, organiser.token);
    expect(blank.errors?.[0]?.extensions?.details).toEqual({ variant: 'LENGTH', min: 1, max: 300 });
    const long = await t.gql(CREATE_SESSION, { eventId, input: { title: 'Long', type: 'PANEL', startsAt: at('10:00'), endsAt: at('11:00'), description: 'x'.repeat(20_001) } }, organiser.token);
    expect(long.errors?.[0]?.extensions).toMatchObject({ reason: 'INVALID_INPUT', field: 'input.description', details: { variant: 'TOO_LONG', max: 20_000 } });
    // Ends at midnight after the last day: still inside.
    await createSession({ title: 'Late social', type: 'SOCIAL', roomId: null, startsAt: at('20:00', 27), endsAt: '2023-04-28T00:00:00+03:00' });
    const badFilter = await t.gql(AGENDA, { eventId, filter: { trackId: 'x' } });
    expect(errorCode(badFilter)).toBe('BAD_USER_INPUT');
  });

  it('applies access rules per role', async () => {
    const s = await createSession({ title: 'Keynote on the Green Deal', type: 'KEYNOTE', startsAt: at('11:00'), endsAt: at('12:00') });
    await t.ok(
      `mutation($id: ID!, $people: [SessionPersonInput!]!) { setSessionPeople(sessionId: $id, people: $people) { id } }`,
      { id: s.id, people: [{ accountId: speaker.accountId, role: 'SPEAKER' }] },
      organiser.token,
    );
    await publish(s.id);
    const update = `mutation($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { title description } }`;

    expect(errorCode(await t.gql(update, { id: s.id, input: { description: 'x' } }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(update, { id: s.id, input: { description: 'x' } }, participant.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(update, { id: s.id, input: { description: 'x' } }, otherOrganiser.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(update, { id: s.id, input: { title: 'Mine now' } }, speaker.token))).toBe('FORBIDDEN');
    const edited = await t.ok(update, { id: s.id, input: { description: 'Securing supply chains for the net-zero age.' } }, speaker.token);
    expect(edited.updateSession).toEqual({ title: 'Keynote on the Green Deal', description: 'Securing supply chains for the net-zero age.' });

    const createRoom = `mutation($e: ID!) { createRoom(eventId: $e, input: { name: "Sneaky" }) { id } }`;
    expect(errorCode(await t.gql(createRoom, { e: eventId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(createRoom, { e: eventId }, speaker.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(createRoom, { e: eventId }, otherOrganiser.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SET_STATUS, { id: s.id, status: 'CANCELLED' }, speaker.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(`query($e: ID!) { agendaConflicts(eventId: $e) { kind } }`, { e: eventId }, participant.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(`query($e: ID!) { myAgenda(eventId: $e) { reasons } }`, { e: eventId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(`query($e: ID!) { myAgenda(eventId: $e) { reasons } }`, { e: eventId }, otherOrganiser.token))).toBe('FORBIDDEN');
    // Participants manage only their own bookmarks and seats.
    expect(errorCode(await t.gql(`mutation($s: ID!) { bookmarkSession(sessionId: $s) }`, { s: s.id }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(`mutation($s: ID!) { bookmarkSession(sessionId: $s) }`, { s: s.id }, otherOrganiser.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(`mutation($s: ID!, $a: ID!) { removeSeat(sessionId: $s, accountId: $a) }`, { s: s.id, a: speaker.accountId }, participant.token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql(`query($s: ID!) { sessionSeats(sessionId: $s) { id } }`, { s: s.id }, participant.token))).toBe('FORBIDDEN');
  });

  it('refuses to publish a hard conflict, naming it, and lists every conflict for organisers', async () => {
    const a = await createSession({ title: 'Round Table II: Industrial Circular Economy', type: 'PANEL', startsAt: at('14:00'), endsAt: at('15:00'), roomId: roomB });
    const b = await createSession({ title: 'Arctic Water Excellence', type: 'PANEL', startsAt: at('14:30'), endsAt: at('15:30'), roomId: roomB });
    await publish(a.id);
    const refused = await t.gql(SET_STATUS, { id: b.id, status: 'PUBLISHED' }, organiser.token);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.extensions?.reason).toBe('HARD_CONFLICT');
    expect(refused.errors?.[0]?.message).toContain('Room "Tunturi"');
    expect(refused.errors?.[0]?.message).toContain('Round Table II: Industrial Circular Economy');

    // A person on two stages at once.
    await t.ok(`mutation($id: ID!) { updateSession(id: $id, input: { roomId: null }) { id } }`, { id: b.id }, organiser.token);
    await t.ok(
      `mutation($id: ID!, $p: [SessionPersonInput!]!) { setSessionPeople(sessionId: $id, people: $p) { id } }`,
      { id: a.id, p: [{ accountId: moderator.accountId, role: 'MODERATOR' }] },
      organiser.token,
    );
    await t.ok(
      `mutation($id: ID!, $p: [SessionPersonInput!]!) { setSessionPeople(sessionId: $id, people: $p) { id } }`,
      { id: b.id, p: [{ accountId: moderator.accountId, role: 'PANELLIST' }] },
      organiser.token,
    );
    const again = await t.gql(SET_STATUS, { id: b.id, status: 'PUBLISHED' }, organiser.token);
    expect(again.errors?.[0]?.extensions?.reason).toBe('HARD_CONFLICT');
    expect(again.errors?.[0]?.message).toContain('Mikko Moderator');

    const { agendaConflicts } = await t.ok(`query($e: ID!) { agendaConflicts(eventId: $e) { kind severity message sessionIds accountId } }`, { e: eventId }, organiser.token);
    const person = agendaConflicts.find((c: any) => c.kind === 'PERSON_DOUBLE_BOOKED' && c.accountId === moderator.accountId && c.sessionIds.includes(b.id));
    expect(person).toMatchObject({ severity: 'HARD' });
    expect(person.message).toMatch(/Wed 26 Apr 14:30–15:30/);

    // Registrations above a room's capacity (2 seats in Tunturi, capacity 3 in the session).
    await t.ok(`mutation($id: ID!) { updateSession(id: $id, input: { capacity: 3 }) { id } }`, { id: a.id }, organiser.token);
    for (const p of [participant, speaker, otherOrganiser]) {
      if (p === otherOrganiser) await t.ok(`mutation($eventId: ID!) { registerForEvent(eventId: $eventId, consentVersion: "2026-11") { status } }`, { eventId }, p.token);
      await t.ok(`mutation($s: ID!) { takeSeat(sessionId: $s) { status } }`, { s: a.id }, p.token);
    }
    const after = await t.ok(`query($e: ID!) { agendaConflicts(eventId: $e) { kind severity sessionIds } }`, { e: eventId }, organiser.token);
    expect(after.agendaConflicts).toContainEqual({ kind: 'OVER_ROOM_CAPACITY', severity: 'WARNING', sessionIds: [a.id] });
  });

  it('logs changes of published sessions with a revision number', async () => {
    const s = await createSession({ title: 'Session IV: Critical raw materials', type: 'PANEL', startsAt: at('09:00', 27), endsAt: at('10:30', 27) });
    // Draft changes are not logged.
    await t.ok(`mutation($id: ID!) { updateSession(id: $id, input: { startsAt: "${at('09:15', 27)}" }) { id } }`, { id: s.id }, organiser.token);
    const published = await publish(s.id);
    expect(published.setSessionStatus.revision).toBe(0);
    const moved = await t.ok(
      `mutation($id: ID!, $i: UpdateSessionInput!) { updateSession(id: $id, input: $i) { revision startsAt room { name } } }`,
      { id: s.id, i: { startsAt: at('10:00', 27), endsAt: at('11:30', 27), roomId: roomB } },
      organiser.token,
    );
    expect(moved.updateSession).toEqual({ revision: 1, startsAt: '2023-04-27T07:00:00.000Z', room: { name: 'Tunturi' } });
    // A description edit is no change of time, room or status.
    const same = await t.ok(`mutation($id: ID!) { updateSession(id: $id, input: { description: "New text" }) { revision } }`, { id: s.id }, organiser.token);
    expect(same.updateSession.revision).toBe(1);
    const cancelled = await t.ok(SET_STATUS, { id: s.id, status: 'CANCELLED' }, organiser.token);
    expect(cancelled.setSessionStatus).toMatchObject({ status: 'CANCELLED', revision: 2 });

    const { sessionChanges } = await t.ok(
      `query($id: ID!) { sessionChanges(sessionId: $id) { revision changedBy changes { field old new } } }`,
      { id: s.id },
      organiser.token,
    );
    expect(sessionChanges[0]).toEqual({ revision: 2, changedBy: organiser.accountId, changes: [{ field: 'status', old: 'PUBLISHED', new: 'CANCELLED' }] });
    expect(sessionChanges[1].revision).toBe(1);
    expect(sessionChanges[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'startsAt', old: '2023-04-27T06:15:00.000Z', new: '2023-04-27T07:00:00.000Z' },
        { field: 'room', old: 'Levi Hall', new: 'Tunturi' },
      ]),
    );
    // Published sessions are cancelled, not deleted.
    const del = await t.gql(`mutation($id: ID!) { deleteSession(id: $id) }`, { id: s.id }, organiser.token);
    expect(del.errors?.[0]?.extensions?.reason).toBe('ONLY_DRAFTS_DELETED');
  });

  it("returns my agenda in time order with overlaps flagged and waiting positions", async () => {
    const e = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'My agenda', slug: 'my-agenda', timeZone: 'Europe/Helsinki', startsOn: '2023-04-26', endsOn: '2023-04-26' } },
      organiser.token,
    );
    const myEvent = e.createEvent.id;
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { status } }`, { id: myEvent }, organiser.token);
    const someone = await t.signUp('Seat Holder');
    for (const p of [participant, someone]) await t.ok(`mutation($e: ID!) { registerForEvent(eventId: $e, consentVersion: "2026-11") { status } }`, { e: myEvent }, p.token);
    const mk = async (title: string, type: string, from: string, to: string, extra: Record<string, unknown> = {}) => {
      const { createSession } = await t.ok(CREATE_SESSION, { eventId: myEvent, input: { title, type, startsAt: at(from), endsAt: at(to), ...extra } }, organiser.token);
      await t.ok(SET_STATUS, { id: createSession.id, status: 'PUBLISHED' }, organiser.token);
      return createSession.id as string;
    };
    const keynote = await mk('Keynote', 'KEYNOTE', '10:00', '11:00');
    const workshop = await mk('Workshop', 'WORKSHOP', '10:30', '12:00', { capacity: 1 });
    const rt = await mk('Round tables', 'ROUND_TABLE', '13:00', '14:00');
    const hosted = await t.ok(
      `mutation($s: ID!, $i: RoundTableInput!) { addRoundTable(sessionId: $s, input: $i) { roundTables { id } } }`,
      { s: rt, i: { topic: 'Water', seats: 5, hostAccountId: participant.accountId } },
      organiser.token,
    );
    expect(hosted.addRoundTable.roundTables).toHaveLength(1);
    await t.ok(`mutation($s: ID!) { bookmarkSession(sessionId: $s) }`, { s: keynote }, participant.token);
    await t.ok(`mutation($s: ID!) { takeSeat(sessionId: $s) { status } }`, { s: workshop }, someone.token);
    const waiting = await t.ok(`mutation($s: ID!) { takeSeat(sessionId: $s) { status waitingPosition } }`, { s: workshop }, participant.token);
    expect(waiting.takeSeat).toEqual({ status: 'WAITING', waitingPosition: 1 });

    const { myAgenda } = await t.ok(
      `query($e: ID!) { myAgenda(eventId: $e) { session { title } reasons seatStatus waitingPosition overlaps overlapsWith } }`,
      { e: myEvent },
      participant.token,
    );
    expect(myAgenda).toEqual([
      { session: { title: 'Keynote' }, reasons: ['BOOKMARKED'], seatStatus: null, waitingPosition: null, overlaps: true, overlapsWith: [workshop] },
      { session: { title: 'Workshop' }, reasons: ['WAITING'], seatStatus: 'WAITING', waitingPosition: 1, overlaps: true, overlapsWith: [keynote] },
      { session: { title: 'Round tables' }, reasons: ['TABLE_HOST'], seatStatus: null, waitingPosition: null, overlaps: false, overlapsWith: [] },
    ]);
  });

  it('reads the agenda with filters in a constant number of SQL statements', async () => {
    const appDb = t.app.get(DataSource);
    let statements = 0;
    const logger = appDb.logger as { logQuery: (...args: unknown[]) => unknown };
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (...args: unknown[]) => {
      // pg-boss's own timers (polling, maintenance) share the connection pool even without workers.
      if (!/pgboss/i.test(String(args[0]))) statements++;
      return original(...args);
    };
    const count = async (token?: string, filter?: Record<string, unknown>) => {
      statements = 0;
      const res = await t.ok(AGENDA, { eventId, filter }, token);
      return { statements, sessions: res.agenda.days.flatMap((d: any) => d.sessions) };
    };
    try {
      const before = await count(organiser.token);
      for (let i = 0; i < 30; i++) {
        const s = await createSession({ title: `Extra ${i}`, startsAt: at(`${String(8 + (i % 10)).padStart(2, '0')}:00`, 25), endsAt: at(`${String(8 + (i % 10)).padStart(2, '0')}:45`, 25), roomId: null });
        await t.ok(
          `mutation($id: ID!, $p: [SessionPersonInput!]!) { setSessionPeople(sessionId: $id, people: $p) { id } }`,
          { id: s.id, p: [{ accountId: speaker.accountId, role: 'SPEAKER' }] },
          organiser.token,
        );
      }
      const after = await count(organiser.token);
      expect(after.sessions.length).toBe(before.sessions.length + 30);
      expect(after.statements).toBe(before.statements);
      expect(after.statements).toBeLessThanOrEqual(6);
      expect((await count()).statements).toBeLessThanOrEqual(6);

      // Filters.
      expect((await count(organiser.token, { day: '2023-04-25' })).sessions.every((s: any) => s.day === '2023-04-25')).toBe(true);
      expect((await count(organiser.token, { type: 'KEYNOTE' })).sessions.map((s: any) => s.title)).toEqual(['Keynote on the Green Deal']);
      expect((await count(organiser.token, { text: 'green DEAL' })).sessions.map((s: any) => s.title)).toEqual(['Keynote on the Green Deal']);
      expect((await count(organiser.token, { text: 'Mikko' })).sessions.length).toBeGreaterThanOrEqual(2);
      expect((await count(organiser.token, { trackId: track })).sessions.map((s: any) => s.title)).toEqual(['Opening']);
      expect((await count(organiser.token, { roomId: roomB })).sessions.every((s: any) => s.room.name === 'Tunturi')).toBe(true);
      const bySpeaker = await count(undefined, { personId: speaker.accountId });
      expect(bySpeaker.sessions.map((s: any) => s.title)).toEqual(expect.arrayContaining(['Opening', 'Keynote on the Green Deal']));
      expect(bySpeaker.sessions.some((s: any) => s.status === 'DRAFT')).toBe(false);
      expect((await count(organiser.token, { text: '100%_' })).sessions).toEqual([]);
    } finally {
      logger.logQuery = original;
    }
  });

  it('serves the printable agenda and CSV of published sessions in the event zone', async () => {
    const html = await fetch(`${t.baseUrl}/events/agenda-test/agenda.html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    // Its own inline CSS applies (the app's policy refuses inline styles); no script, no request out.
    expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    const page = await html.text();
    expect(page).toContain('Wednesday, 26 April 2023');
    expect(page).toMatch(/09:00<\/time>–<time[^>]*>09:30/);
    expect(page).toContain('Keynote on the Green Deal');
    expect(page).not.toContain('Extra 1'); // drafts stay out
    const csv = await fetch(`${t.baseUrl}/events/agenda-test/agenda.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('date,start,end,time_zone,title,type,track,room,speakers,moderators,round_tables,language,capacity,description,session_id');
    expect(lines.find((l) => l.includes(',Opening,'))).toMatch(/^2023-04-26,09:00,09:30,Europe\/Helsinki,Opening,OPENING,Circular economy,Levi Hall,Sara Speaker,Mikko Moderator,/);
    expect((await fetch(`${t.baseUrl}/events/no-such-event/agenda.html`)).status).toBe(404);
    const draft = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { slug } }`,
      { input: { name: 'Draft', slug: 'draft-agenda', timeZone: 'Europe/Helsinki', startsOn: '2023-04-25', endsOn: '2023-04-27' } },
      organiser.token,
    );
    expect((await fetch(`${t.baseUrl}/events/${draft.createEvent.slug}/agenda.csv`)).status).toBe(404);
  });
});
