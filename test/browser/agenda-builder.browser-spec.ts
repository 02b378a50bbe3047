// The organiser's agenda builder, driven in Chromium against the real API: editing sessions in
// place (field errors keep what was typed), renaming and deleting rooms (a room in use is
// refused), deleting a draft session after confirming, editing a round table and freeing a seat
// so the next on the waiting list moves up, messaging a session's people. Programme, seats and waiting lists are set up
// through the API; every state is scanned with axe.
import { type Page } from 'playwright-core';
import { matchmakingEvent, type MatchmakingEvent, participant, type Person } from '../support/matchmaking-fixtures.js';
import { TestApp } from '../support/test-app.js';
import { BrowserSuite, describeInBrowser, DESKTOP, PHONE } from './browser-harness.js';

const SLOW = 120_000;

const CREATE_SESSION = `mutation($e: ID!, $i: CreateSessionInput!) { createSession(eventId: $e, input: $i) { id } }`;
const PUBLISH = `mutation($id: ID!) { setSessionStatus(id: $id, status: PUBLISHED) { status } }`;

describeInBrowser('web app in Chromium: the agenda builder edits and deletes', () => {
  let t: TestApp;
  let event: MatchmakingEvent;
  let slug: string;
  let organiser: Person;
  let anna: Person;
  let ben: Person;
  let cara: Person;
  let openingId: string;
  let draftId: string;
  let roundTablesId: string;
  const suite = new BrowserSuite();
  const { scan } = suite;
  /** A tab already signed in as this person. */
  const as = (who: Person, viewport: { width: number; height: number }) => suite.signedIn(t.baseUrl, who.token, viewport);

  async function openBuilder(page: Page) {
    await page.goto(`/organise/${slug}/agenda`);
    await page.getByRole('heading', { level: 1, name: 'Agenda builder' }).waitFor();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
  }

  beforeAll(async () => {
    t = await TestApp.start();
    await suite.start();
    event = await matchmakingEvent(t);
    organiser = event.organiser;
    const events = await t.ok<{ events: { nodes: { id: string; slug: string }[] } }>(`query { events(first: 50) { nodes { id slug } } }`);
    slug = events.events.nodes.find((e) => e.id === event.eventId)!.slug;
    anna = await participant(t, event, 'Anna Aalto');
    ben = await participant(t, event, 'Ben Bauer');
    cara = await participant(t, event, 'Cara Cero');
    const o = organiser.token;
    const { createRoom: hall } = await t.ok(`mutation($e: ID!) { createRoom(eventId: $e, input: { name: "Aurora hall", capacity: 120 }) { id } }`, { e: event.eventId }, o);
    await t.ok(`mutation($e: ID!) { createRoom(eventId: $e, input: { name: "Sauna cabin" }) { id } }`, { e: event.eventId }, o);
    await t.ok(`mutation($e: ID!) { createTrack(eventId: $e, input: { name: "Raw materials" }) { id } }`, { e: event.eventId }, o);
    // 26 April 2030 in Helsinki is UTC+3: 09:00-09:30 local.
    const opening = await t.ok(CREATE_SESSION, {
      e: event.eventId, i: { title: 'Opening of the workshop', type: 'OPENING', startsAt: '2030-04-26T06:00:00Z', endsAt: '2030-04-26T06:30:00Z', roomId: hall.id },
    }, o);
    openingId = opening.createSession.id;
    await t.ok(PUBLISH, { id: openingId }, o);
    const draft = await t.ok(CREATE_SESSION, {
      e: event.eventId, i: { title: 'Site visit briefing', type: 'PLENARY', startsAt: '2030-04-26T12:00:00Z', endsAt: '2030-04-26T13:00:00Z', roomId: hall.id },
    }, o);
    draftId = draft.createSession.id;
    // A round table with one seat: Anna sits, Ben and Cara wait (in that order).
    const rt = await t.ok(CREATE_SESSION, {
      e: event.eventId, i: { title: 'Round tables on recycling', type: 'ROUND_TABLE', startsAt: '2030-04-27T06:00:00Z', endsAt: '2030-04-27T07:00:00Z' },
    }, o);
    roundTablesId = rt.createSession.id;
    await t.ok(`mutation($s: ID!) { addRoundTable(sessionId: $s, input: { topic: "Black mass", seats: 1 }) { id } }`, { s: roundTablesId }, o);
    await t.ok(PUBLISH, { id: roundTablesId }, o);
    const { session } = await t.ok(`query($id: ID!) { session(id: $id) { roundTables { id } } }`, { id: roundTablesId }, o);
    for (const who of [anna, ben, cara]) {
      await t.ok(`mutation($s: ID!, $r: ID) { takeSeat(sessionId: $s, roundTableId: $r) { status } }`, { s: roundTablesId, r: session.roundTables[0].id }, who.token);
    }
  }, SLOW);

  afterAll(async () => {
    await suite.stop();
    await t?.stop();
  });

  it('edits a session in place: an end before the start is refused at its field, nothing typed is lost', async () => {
    const { page } = await as(organiser, DESKTOP);
    await openBuilder(page);
    await page.getByText('No conflicts.').waitFor();
    await scan(page, 'builder');
    const card = page.getByRole('article', { name: 'Opening of the workshop' });
    await card.getByRole('button', { name: 'Edit: Opening of the workshop' }).click();
    const form = card.getByRole('form', { name: 'Edit session: Opening of the workshop' });
    await form.getByLabel('Title').fill('Opening and welcome');
    await form.getByLabel('Starts (event time)').fill('2030-04-26T10:00');
    await form.getByLabel('Ends (event time)').fill('2030-04-26T09:30');
    // Published: the form says a new time is e-mailed to the people concerned.
    await form.getByText('This session is published').waitFor();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('A session must end after it starts.').waitFor();
    expect(await form.getByLabel('Ends (event time)').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Title').inputValue()).toBe('Opening and welcome');
    expect(await form.getByLabel('Starts (event time)').inputValue()).toBe('2030-04-26T10:00');
    expect(await form.getByLabel('Ends (event time)').inputValue()).toBe('2030-04-26T09:30');
    await scan(page, 'builder: session editor with a field error');

    await form.getByLabel('Ends (event time)').fill('2030-04-26T11:00');
    await form.getByRole('button', { name: 'Save changes' }).click();
    const renamed = page.getByRole('article', { name: 'Opening and welcome' });
    await renamed.getByRole('status').getByText('Changes saved.').waitFor();
    await renamed.getByText('gets an e-mail about the new time or room').waitFor();

    // After a reload, and through the API, the new title and times hold (10:00 Helsinki = 07:00 UTC).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Agenda builder' }).waitFor();
    const again = page.getByRole('article', { name: 'Opening and welcome' });
    const times = again.locator('time');
    expect(await times.nth(0).getAttribute('datetime')).toBe('2030-04-26T07:00:00.000Z');
    expect(await times.nth(0).textContent()).toMatch(/10:00–11:00$/);
    const { session } = await t.ok<{ session: { title: string; startsAt: string; endsAt: string; revision: number } }>(
      `query($id: ID!) { session(id: $id) { title startsAt endsAt revision } }`, { id: openingId }, organiser.token,
    );
    expect(session).toEqual({ title: 'Opening and welcome', startsAt: '2030-04-26T07:00:00.000Z', endsAt: '2030-04-26T08:00:00.000Z', revision: 1 });
    // The change log of the published session lists the move.
    await again.getByRole('button', { name: 'Changes since publishing (1): Opening and welcome' }).click();
    await again.getByText(/^Starts: /).waitFor();
    await again.getByText(/^Ends: /).waitFor();
    await scan(page, 'builder: change history');
  }, SLOW);

  it('renames a room, is refused deleting a room in use, deletes an unused one and renames a track', async () => {
    const { page } = suite.pages[0];
    const rooms = page.getByRole('region', { name: 'Rooms' });
    await rooms.getByRole('button', { name: 'Edit: Aurora hall' }).click();
    const roomForm = rooms.getByRole('form', { name: 'Edit room: Aurora hall' });
    await roomForm.getByLabel('Name').fill('Northern Lights hall');
    await roomForm.getByLabel('Capacity').fill('150');
    await roomForm.getByRole('button', { name: 'Save changes' }).click();
    await rooms.getByText('Northern Lights hall (150)').waitFor();
    await page.getByRole('article', { name: 'Opening and welcome' }).getByText(/Northern Lights hall/).waitFor();

    await rooms.getByRole('button', { name: 'Delete: Northern Lights hall' }).click();
    const ask = rooms.getByRole('group', { name: /Delete the room "Northern Lights hall"\?/ });
    await scan(page, 'builder: confirm step');
    await ask.getByRole('button', { name: 'Yes, delete' }).click();
    await rooms.getByRole('alert').getByText('still has sessions; move them first').waitFor();
    await rooms.getByText('Sessions in this room: Opening and welcome, Site visit briefing.').waitFor();
    await rooms.getByText('Northern Lights hall (150)').waitFor();
    await scan(page, 'builder: room in use');

    await rooms.getByRole('button', { name: 'Delete: Sauna cabin' }).click();
    await rooms.getByRole('button', { name: 'Yes, delete' }).click();
    await rooms.getByText('Sauna cabin', { exact: true }).waitFor({ state: 'detached' });
    const { agenda } = await t.ok<{ agenda: { rooms: { name: string; capacity: number | null }[] } }>(
      `query($e: ID!) { agenda(eventId: $e) { rooms { name capacity } } }`, { e: event.eventId }, organiser.token,
    );
    expect(agenda.rooms).toEqual([{ name: 'Northern Lights hall', capacity: 150 }]);

    const tracks = page.getByRole('region', { name: 'Tracks' });
    await tracks.getByRole('button', { name: 'Edit: Raw materials' }).click();
    const trackForm = tracks.getByRole('form', { name: 'Edit track: Raw materials' });
    await trackForm.getByLabel('Name').fill('Critical raw materials');
    await trackForm.getByLabel('Colour (#rrggbb)').fill('teal');
    await trackForm.getByRole('button', { name: 'Save changes' }).click();
    await trackForm.getByText('colour must be written #rrggbb').waitFor();
    expect(await trackForm.getByLabel('Name').inputValue()).toBe('Critical raw materials');
    await trackForm.getByLabel('Colour (#rrggbb)').fill('#0b7285');
    await trackForm.getByRole('button', { name: 'Save changes' }).click();
    await tracks.getByText('Critical raw materials').waitFor();
  }, SLOW);

  it('a moved draft shows its conflict; deleting it after confirming clears the conflict', async () => {
    const { page } = suite.pages[0];
    const draft = page.getByRole('article', { name: 'Site visit briefing' });
    await draft.getByRole('button', { name: 'Edit: Site visit briefing' }).click();
    const form = draft.getByRole('form', { name: 'Edit session: Site visit briefing' });
    await form.getByLabel('Starts (event time)').fill('2030-04-26T10:30');
    await form.getByLabel('Ends (event time)').fill('2030-04-26T11:30');
    await form.getByRole('button', { name: 'Save changes' }).click();
    // Same room as the opening at the same time: the Conflicts region reloads with it.
    const conflicts = page.getByRole('region', { name: 'Conflicts' });
    await conflicts.getByText('Room used twice:').waitFor();
    await draft.getByText('Conflict', { exact: true }).waitFor();

    await draft.getByRole('button', { name: 'Delete: Site visit briefing' }).click();
    const ask = draft.getByRole('group', { name: /Delete "Site visit briefing"\?/ });
    // Cancelling keeps the session and puts focus back on the button.
    await ask.getByRole('button', { name: 'Cancel' }).click();
    const focused = await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe('Delete: Site visit briefing');
    await draft.getByRole('button', { name: 'Delete: Site visit briefing' }).click();
    await draft.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('article', { name: 'Site visit briefing' }).waitFor({ state: 'detached' });
    await conflicts.getByText('No conflicts.').waitFor();
    const gone = await t.gql(`query($id: ID!) { session(id: $id) { id } }`, { id: draftId }, organiser.token);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await scan(page, 'builder: after deleting');
  }, SLOW);

  it('on a phone, edits a round table and frees a seat: the next on the waiting list moves up', async () => {
    const { page } = await as(organiser, PHONE);
    await openBuilder(page);
    const card = page.getByRole('article', { name: 'Round tables on recycling' });
    await card.getByText('1 of 1 seats taken · 2 waiting').waitFor();
    await card.getByRole('button', { name: 'Seats and waiting lists: Round tables on recycling' }).click();
    const table = card.getByRole('group', { name: 'Seats and waiting lists: Black mass' });
    await table.getByRole('list', { name: 'Seated (1)' }).getByText('Anna Aalto').waitFor();
    await table.getByRole('list', { name: 'Waiting list (2)' }).getByText('1. Ben Bauer').waitFor();
    await table.getByRole('list', { name: 'Waiting list (2)' }).getByText('2. Cara Cero').waitFor();
    await scan(page, 'builder: seats (phone)');

    // One more seat goes to Ben, first in line.
    await card.getByRole('button', { name: 'Edit: Black mass' }).click();
    let form = card.getByRole('form', { name: 'Edit table: Black mass' });
    await form.getByLabel('Seats').fill('2');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await card.getByText('2 of 2 seats taken · 1 waiting').waitFor();
    await table.getByRole('list', { name: 'Seated (2)' }).getByText('Ben Bauer').waitFor();

    // Fewer seats than people seated is refused at the field, keeping the number typed.
    await card.getByRole('button', { name: 'Edit: Black mass' }).click();
    form = card.getByRole('form', { name: 'Edit table: Black mass' });
    await form.getByLabel('Seats').fill('1');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('2 seats are already taken').waitFor();
    expect(await form.getByLabel('Seats').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Seats').inputValue()).toBe('1');
    await scan(page, 'builder: table editor with a field error (phone)');
    await form.getByLabel('Topic').fill('Black mass and recycling');
    await form.getByLabel('Seats').fill('2');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await card.getByText('Black mass and recycling', { exact: true }).first().waitFor();

    // Freeing Anna's seat promotes Cara, now first in line.
    const renamed = card.getByRole('group', { name: 'Seats and waiting lists: Black mass and recycling' });
    await renamed.getByRole('button', { name: 'Free the seat: Anna Aalto' }).click();
    await renamed.getByRole('group', { name: /Free the seat of Anna Aalto\?/ }).getByRole('button', { name: 'Yes, free the seat' }).click();
    await card.getByRole('status').getByText('Cara Cero moved up from the waiting list and now has a seat.').waitFor();
    await renamed.getByRole('list', { name: 'Seated (2)' }).getByText('Cara Cero').waitFor();
    await renamed.getByText('Nobody is waiting.').waitFor();
    await card.getByText('2 of 2 seats taken', { exact: false }).waitFor();
    await scan(page, 'builder: seat freed (phone)');
    const overflow = await page.evaluate(() => {
      const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return w.document.documentElement.scrollWidth - w.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);

    const { sessionSeats } = await t.ok<{ sessionSeats: { accountName: string; status: string }[] }>(
      `query($s: ID!) { sessionSeats(sessionId: $s) { accountName status } }`, { s: roundTablesId }, organiser.token,
    );
    expect(sessionSeats.map((s) => `${s.accountName}:${s.status}`).sort()).toEqual(['Ben Bauer:SEATED', 'Cara Cero:SEATED']);
  }, SLOW);

  it("messages the people of a session: a field error keeps what was typed, nobody in a group is refused, then sent to everyone", async () => {
    const { page } = await as(organiser, DESKTOP);
    await openBuilder(page);
    const card = page.getByRole('article', { name: 'Round tables on recycling' });
    await card.getByRole('button', { name: 'Message the people of this session: Round tables on recycling' }).click();
    const form = card.getByRole('form', { name: 'Message the people of Round tables on recycling' });
    await form.getByLabel('Message', { exact: true }).fill('The round tables move to room B at {{startsAt}}.');
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByText('The subject needs 1 to 300 characters.').waitFor();
    expect(await form.getByLabel('Subject').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Message', { exact: true }).inputValue()).toBe('The round tables move to room B at {{startsAt}}.');
    await scan(page, 'builder: session message with a field error');

    // Nobody is on stage of this session: refused, and nothing typed is lost.
    await form.getByLabel('Subject').fill('{{title}}: new room');
    await form.getByRole('checkbox', { name: 'On stage (speakers, table hosts)' }).check();
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByRole('alert').getByText('Nobody matches this group.').waitFor();
    expect(await form.getByLabel('Subject').inputValue()).toBe('{{title}}: new room');

    // Nothing ticked: everyone seated or waiting, each once.
    const { sessionSeats } = await t.ok<{ sessionSeats: { accountName: string }[] }>(
      `query($s: ID!) { sessionSeats(sessionId: $s) { accountName } }`, { s: roundTablesId }, organiser.token,
    );
    await form.getByRole('checkbox', { name: 'On stage (speakers, table hosts)' }).uncheck();
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByRole('status').getByText(`Sent to ${sessionSeats.length} people.`).waitFor();
    expect(await form.getByLabel('Subject').inputValue()).toBe('');
    await scan(page, 'builder: session message sent');
    const rows = await t.db.query(`SELECT DISTINCT data->'template'->>'subject' AS subject FROM notification_delivery WHERE kind = 'SESSION_MESSAGE' AND event_id = $1`, [event.eventId]);
    expect(rows).toEqual([{ subject: '{{title}}: new room' }]);
  }, SLOW);

  it('has no serious or critical accessibility violations and no console errors', () => {
    suite.expectClean(10);
  });
});
