// What participants and speakers do around and after the event, driven in Chromium against the
// real API: availability (on a phone), feedback and follow-ups on a meeting that has already
// taken place (its slots moved into the past by SQL) counted in the organiser's report, the
// calendar link reset and turned off, signing out on every device, and deleting a material.
import { matchmakingEvent, meetingBetween, participant, type MatchmakingEvent, type Person } from '../support/matchmaking-fixtures.js';
import { errorCode, TestApp } from '../support/test-app.js';
import { BrowserSuite, describeInBrowser, DESKTOP, PHONE, screenshot, type WatchedPage } from './browser-harness.js';

const SLOW = 120_000;

describeInBrowser('web app in Chromium: availability, feedback and follow-ups, account, materials', () => {
  let t: TestApp;
  /** An event in 2030 where people pick their meeting slots. */
  let future: MatchmakingEvent;
  let slug: string;
  /** An event whose one meeting has already taken place. */
  let past: MatchmakingEvent;
  let pastSlug: string;
  let anna: Person;
  let ben: Person;
  let cecilia: Person;
  let sara: Person;
  let paula: Person;
  let quinn: Person;
  let pastMeetingId: string;
  let keynoteId: string;
  const suite = new BrowserSuite();
  const { heading, scan, noOverflow } = suite;
  /** A tab already signed in with this token. */
  const as = (token: string, viewport: { width: number; height: number }) => suite.signedIn(t.baseUrl, token, viewport);

  const slugOf = async (eventId: string) => ((await t.db.query(`SELECT slug FROM event WHERE id = $1`, [eventId])) as { slug: string }[])[0].slug;
  const feedPath = (link: string) => /\/calendar\/feeds\/[^/]+\.ics$/.exec(link)![0];

  beforeAll(async () => {
    t = await TestApp.start();
    await suite.start();

    // Slots (Helsinki): Fri 26 Apr 13:00, 13:20, 13:40 and Sat 27 Apr 10:00, 10:20, 10:40.
    future = await matchmakingEvent(t, { mode: 'PARTICIPANTS_PICK_SLOT' });
    slug = await slugOf(future.eventId);
    anna = await participant(t, future, 'Anna Aalto', { organisation: { name: 'Lapland Mining Cluster', type: 'CLUSTER', country: 'FI', region: 'Lapland' } });
    ben = await participant(t, future, 'Ben Bauer', { organisation: { name: 'Saxony Recycling', type: 'SME', country: 'DE', region: 'Saxony' } });
    cecilia = await participant(t, future, 'Cecilia Costa', { organisation: { name: 'Porto Research', type: 'RESEARCH', country: 'PT', region: 'Norte' } });
    sara = await participant(t, future, 'Sara Speaker');
    // Anna meets Ben at 13:40 and speaks from 09:30 to 10:15 on Saturday (over the 10:00 slot).
    await meetingBetween(t, future, anna, ben, future.slots[2].id);
    const o = future.organiser.token;
    const session = async (title: string, startsAt: string, endsAt: string, speaker: Person) => {
      const { createSession } = await t.ok(
        `mutation($e: ID!, $i: CreateSessionInput!) { createSession(eventId: $e, input: $i) { id } }`,
        { e: future.eventId, i: { title, type: 'KEYNOTE', startsAt, endsAt } }, o,
      );
      await t.ok(`mutation($s: ID!, $p: [SessionPersonInput!]!) { setSessionPeople(sessionId: $s, people: $p) { id } }`, { s: createSession.id, p: [{ accountId: speaker.accountId, role: 'SPEAKER' }] }, o);
      await t.ok(`mutation($id: ID!) { setSessionStatus(id: $id, status: PUBLISHED) { status } }`, { id: createSession.id }, o);
      return createSession.id as string;
    };
    await session('Mines of the north', '2030-04-27T06:30:00Z', '2030-04-27T07:15:00Z', anna);
    keynoteId = await session('Keynote: Europe needs its own metals', '2030-04-26T05:00:00Z', '2030-04-26T05:45:00Z', sara);
    const form = new FormData();
    form.append('title', 'Slides');
    form.append('visibility', 'PARTICIPANTS');
    form.append('file', new Blob([Buffer.from('%PDF-1.7\n% ClusterMeet test\n%%EOF\n')], { type: 'application/pdf' }), 'slides.pdf');
    const upload = await fetch(`${t.baseUrl}/events/${future.eventId}/sessions/${keynoteId}/materials`, { method: 'POST', body: form, headers: { authorization: `Bearer ${sara.token}` } });
    expect(upload.status).toBeLessThan(300);

    // Paula and Quinn met in the first slot; the workshop is over: its slots move eight years back.
    past = await matchmakingEvent(t);
    pastSlug = await slugOf(past.eventId);
    paula = await participant(t, past, 'Paula Pereira', { organisation: { name: 'Alentejo Water', type: 'SME', country: 'PT', region: 'Alentejo' } });
    quinn = await participant(t, past, 'Quinn Quist', { organisation: { name: 'Kiruna Cluster', type: 'CLUSTER', country: 'SE', region: 'Norrbotten' } });
    pastMeetingId = (await meetingBetween(t, past, paula, quinn, past.slots[0].id, 1)).id;
    await t.db.query(`UPDATE meeting_slot SET starts_at = starts_at - interval '8 years', ends_at = ends_at - interval '8 years' WHERE event_id = $1`, [past.eventId]);
    const hour = 3_600_000;
    await t.ok(
      `mutation($e: ID!, $input: FollowUpRoundInput!) { openFollowUpRound(eventId: $e, input: $input) { number } }`,
      { e: past.eventId, input: { opensAt: new Date(Date.now() - hour).toISOString(), closesAt: new Date(Date.now() + 30 * 24 * hour).toISOString(), message: 'Six months on: what came of your meetings?', notify: false } },
      past.organiser.token,
    );
  }, SLOW);

  afterAll(async () => {
    await suite.stop();
    await t?.stop();
  });

  it('on a phone, a participant blocks and frees slots and a longer time; slot pickers leave the blocks out', async () => {
    const a = await as(anna.token, PHONE);
    const page = a.page;
    await page.goto(`/events/${slug}/meetings`);
    await heading(page, 'My meetings');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'My availability' }).click();
    await heading(page, 'My availability');
    await page.getByText('4 free · 0 blocked · 1 busy in the agenda · 1 with a meeting').waitFor();
    await page.getByRole('listitem', { name: /26 Apr.*13:40–14:00: Meeting/ }).getByText('With Ben Bauer · Table 1').waitFor();
    await page.getByRole('listitem', { name: /27 Apr.*10:00–10:20: In the agenda/ }).getByText('speaking', { exact: false }).waitFor();
    await scan(page, 'availability (phone)');
    await noOverflow(page);

    // One slot.
    await page.getByRole('button', { name: /^Block .*26 Apr.*13:00–13:20$/ }).click();
    await page.getByRole('status').filter({ hasText: /^Blocked: .*13:00–13:20\.$/ }).waitFor();
    await page.getByRole('listitem', { name: /26 Apr.*13:00–13:20: Blocked/ }).waitFor();

    // A longer time with a meeting in it is refused, naming the meeting, and keeps what was typed.
    const range = page.getByRole('region', { name: 'Block a longer time' });
    await range.getByLabel('From').fill('13:30');
    await range.getByLabel('Until').fill('14:30');
    await range.getByRole('button', { name: 'Block this time' }).click();
    await range.getByRole('alert').getByText('You have a meeting with Ben Bauer at', { exact: false }).waitFor();
    expect(await range.getByLabel('From').inputValue()).toBe('13:30');
    await scan(page, 'availability with an error (phone)');
    await noOverflow(page);

    // Saturday 10:00–11:00: the free slots in it are blocked; the agenda slot stays as it is.
    await range.getByRole('textbox', { name: 'Day' }).click();
    await page.getByRole('option', { name: /27 Apr/ }).click();
    await range.getByLabel('From').fill('10:00');
    await range.getByLabel('Until').fill('11:00');
    await range.getByLabel(/^Reason/).fill('Site visit');
    await range.getByRole('button', { name: 'Block this time' }).click();
    await range.getByRole('status').filter({ hasText: /Blocked: .*27 Apr.*10:00–11:00/ }).waitFor();
    await page.getByText('1 free · 3 blocked · 1 busy in the agenda · 1 with a meeting').waitFor();
    await page.getByRole('listitem', { name: /27 Apr.*10:20–10:40: Blocked/ }).getByText('Site visit').waitFor();

    // Freeing 10:20 splits the longer block: 10:40 stays blocked.
    await page.getByRole('button', { name: /^Unblock .*27 Apr.*10:20–10:40$/ }).click();
    await page.getByRole('listitem', { name: /27 Apr.*10:20–10:40: Free/ }).waitFor();
    await page.getByText('2 free · 2 blocked · 1 busy in the agenda · 1 with a meeting').waitFor();
    await page.getByRole('listitem', { name: /27 Apr.*10:40–11:00: Blocked/ }).waitFor();
    const blocks = page.getByRole('region', { name: 'My blocked times' });
    expect(await blocks.getByRole('button', { name: /^Remove blocked time/ }).count()).toBe(3);
    await scan(page, 'availability with blocks (phone)');
    await screenshot(page, 'availability-phone');
    await noOverflow(page);

    const { availabilityBlocks } = await t.ok<{ availabilityBlocks: { startsAt: string; endsAt: string; reason: string | null }[] }>(
      `query($e: ID!) { availabilityBlocks(eventId: $e) { startsAt endsAt reason } }`, { e: future.eventId }, anna.token,
    );
    expect(availabilityBlocks).toEqual([
      { startsAt: '2030-04-26T10:00:00.000Z', endsAt: '2030-04-26T10:20:00.000Z', reason: null },
      { startsAt: '2030-04-27T07:00:00.000Z', endsAt: '2030-04-27T07:20:00.000Z', reason: 'Site visit' },
      { startsAt: '2030-04-27T07:40:00.000Z', endsAt: '2030-04-27T08:00:00.000Z', reason: 'Site visit' },
    ]);
    // The API refuses a block over the meeting too.
    const refused = await t.gql(`mutation($e: ID!, $i: AvailabilityBlockInput!) { blockAvailability(eventId: $e, input: $i) { id } }`,
      { e: future.eventId, i: { startsAt: future.slots[2].startsAt, endsAt: future.slots[2].endsAt } }, anna.token);
    expect([errorCode(refused), refused.errors?.[0]?.extensions?.reason]).toEqual(['CONFLICT', 'BLOCK_OVERLAPS_MEETING']);

    // Cecilia asks Anna for a meeting: only the times Anna is free are offered.
    const c = await as(cecilia.token, PHONE);
    await c.page.goto(`/events/${slug}/matchmaking`);
    await heading(c.page, 'Matchmaking');
    const card = c.page.getByRole('region', { name: 'Directory' }).getByRole('article', { name: 'Anna Aalto' });
    await card.getByRole('button', { name: 'Request a meeting with Anna Aalto' }).click();
    await card.getByRole('textbox', { name: 'Time slot' }).click();
    const options = c.page.getByRole('option');
    await options.filter({ hasText: '10:20' }).waitFor();
    const offered = await options.allTextContents();
    expect(offered).toHaveLength(3);
    expect(offered[0]).toBe('Let the organisers choose');
    expect(offered[1]).toMatch(/26 Apr, 13:20 .*Table 1/);
    expect(offered[2]).toMatch(/27 Apr, 10:20 .*Table 1/);
    await c.page.keyboard.press('Escape');
  }, SLOW);

  it('after the meeting a participant gives feedback, changes it and answers the follow-up; the report counts it', async () => {
    const p = await as(paula.token, PHONE);
    const page = p.page;
    await page.goto(`/events/${pastSlug}/meetings`);
    await heading(page, 'My meetings');
    const meeting = page.getByRole('article', { name: 'Quinn Quist' });
    await meeting.getByText('This meeting has taken place.').waitFor();
    expect(await meeting.getByRole('button', { name: 'Cancel meeting' }).count()).toBe(0);
    const feedback = meeting.getByRole('form', { name: 'Your feedback on the meeting with Quinn Quist' });
    // Nothing chosen: both choices are asked for, nothing is sent.
    await feedback.getByRole('button', { name: 'Save feedback' }).click();
    expect(await feedback.getByText('Required.').count()).toBe(2);
    await feedback.getByRole('button', { name: 'It took place' }).click();
    await feedback.getByRole('button', { name: 'It took place', pressed: true }).waitFor();
    await feedback.getByRole('textbox', { name: 'Rating (1–5)' }).click();
    await page.getByRole('option', { name: '4', exact: true }).click();
    await feedback.getByRole('textbox', { name: 'What will come of it' }).click();
    await page.getByRole('option', { name: 'Project idea' }).click();
    await feedback.getByLabel('Private note (only you see it)').fill('Ask about their pilot plant');
    await feedback.getByRole('button', { name: 'Save feedback' }).click();
    await feedback.getByRole('status').filter({ hasText: 'Thank you: feedback saved.' }).waitFor();
    await scan(page, 'meeting feedback (phone)');
    await screenshot(page, 'meeting-feedback-phone');
    await noOverflow(page);

    // Changed after a reload: the form opens with what was saved.
    await page.reload();
    const again = page.getByRole('article', { name: 'Quinn Quist' }).getByRole('form', { name: 'Your feedback on the meeting with Quinn Quist' });
    expect(await again.getByRole('textbox', { name: 'Rating (1–5)' }).inputValue()).toBe('4');
    expect(await again.getByLabel('Private note (only you see it)').inputValue()).toBe('Ask about their pilot plant');
    await again.getByRole('textbox', { name: 'Rating (1–5)' }).click();
    await page.getByRole('option', { name: '5', exact: true }).click();
    await again.getByRole('textbox', { name: 'What will come of it' }).click();
    await page.getByRole('option', { name: 'Partnership likely' }).click();
    const saved = page.waitForResponse((r) => r.url().endsWith('/graphql') && !!r.request().postData()?.includes('GiveMeetingFeedback'));
    await again.getByRole('button', { name: 'Save feedback' }).click();
    await saved;
    await again.getByRole('status').filter({ hasText: 'Thank you: feedback saved.' }).waitFor();

    // The open follow-up round (round 2), with the organisers' message.
    const followUp = page.getByRole('article', { name: 'Quinn Quist' }).getByRole('form', { name: 'Follow-up 2: What came of it?' });
    await followUp.getByText('Six months on: what came of your meetings?').waitFor();
    await followUp.getByRole('radio', { name: 'Negotiation started' }).check();
    await followUp.getByLabel('Comment (optional)').fill('Letter of intent in preparation');
    await followUp.getByRole('button', { name: 'Save answer' }).click();
    await followUp.getByRole('status').filter({ hasText: 'Answer saved.' }).waitFor();
    await scan(page, 'follow-up answered (phone)');
    await noOverflow(page);

    const { myMeetingOutcomes } = await t.ok(
      `query($e: ID!) { myMeetingOutcomes(eventId: $e) { meetingId myAttendance feedback { rating expectedOutcome note } followUps { roundNumber result comment } } }`,
      { e: past.eventId }, paula.token,
    );
    expect(myMeetingOutcomes).toEqual([{
      meetingId: pastMeetingId,
      myAttendance: 'HELD',
      feedback: { rating: 5, expectedOutcome: 'PARTNERSHIP_LIKELY', note: 'Ask about their pilot plant' },
      followUps: [{ roundNumber: 2, result: 'NEGOTIATION_STARTED', comment: 'Letter of intent in preparation' }],
    }]);

    // The organisers' report counts the answer in round 2 and the feedback in round 1.
    const o = await as(past.organiser.token, DESKTOP);
    await o.page.goto(`/organise/${pastSlug}/reports`);
    await heading(o.page, 'Reports');
    const outcomes = o.page.getByRole('region', { name: 'Outcomes by round' });
    await outcomes.getByRole('row', { name: /^1 Partnership likely 1 5\.0$/ }).waitFor();
    await outcomes.getByRole('row', { name: /^2 Negotiation started 1 —$/ }).waitFor();
    await o.page.getByRole('region', { name: 'Meetings', exact: true }).getByRole('row', { name: /^Average rating 5(\.0)?$/ }).waitFor();
    await scan(o.page, 'reports after feedback');
    expect(quinn.accountId).toBeTruthy();
  }, SLOW);

  it('a participant rates a session that has taken place; the organiser sees it without names, the speaker the count only', async () => {
    const [{ id: talkId }] = await t.db.query(
      `INSERT INTO agenda_session (event_id, title, type, starts_at, ends_at, status)
       VALUES ($1, 'Water reuse in mining', 'PANEL', now() - interval '3 hours', now() - interval '2 hours', 'PUBLISHED') RETURNING id`,
      [past.eventId],
    );
    await t.db.query(`INSERT INTO agenda_session_person (session_id, account_id, role, position) VALUES ($1, $2, 'SPEAKER', 0)`, [talkId, quinn.accountId]);

    const { page } = await as(paula.token, PHONE);
    await page.goto(`/events/${pastSlug}/agenda`);
    await heading(page, 'Agenda');
    const card = page.getByRole('article', { name: 'Water reuse in mining' });
    await card.getByRole('button', { name: 'Rate this session: Water reuse in mining' }).click();
    const form = card.getByRole('form', { name: 'Rate this session: Water reuse in mining' });
    // Keyboard: focus the first rating and move with the arrow keys.
    await form.getByRole('radio', { name: '1 of 5' }).focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await form.getByRole('radio', { name: '4 of 5' }).isChecked()).toBe(true);
    // Too long: refused beside the comment, and the text stays.
    await form.getByLabel('Comment (optional)').fill('x'.repeat(2001));
    await form.getByRole('button', { name: 'Save rating' }).click();
    await form.getByText(/at most 2.?000 characters/).waitFor();
    expect((await form.getByLabel('Comment (optional)').inputValue()).length).toBe(2001);
    await scan(page, 'session rating refused (phone)');
    await noOverflow(page);
    await form.getByLabel('Comment (optional)').fill('Great examples from Kiruna');
    await form.getByRole('button', { name: 'Save rating' }).click();
    await card.getByText('Your rating: 4/5').waitFor();
    await card.getByRole('status').filter({ hasText: 'Thank you: your rating is saved.' }).waitFor();
    await scan(page, 'session rated (phone)');
    await screenshot(page, 'session-rating-phone');
    await noOverflow(page);
    // After a reload the rating is still there.
    await page.reload();
    await page.getByRole('article', { name: 'Water reuse in mining' }).getByText('Your rating: 4/5').waitFor();

    // The organisers' reports: the session with its count, average and the comment, no name.
    const o = await as(past.organiser.token, DESKTOP);
    await o.page.goto(`/organise/${pastSlug}/reports`);
    await heading(o.page, 'Reports');
    const section = o.page.getByRole('region', { name: 'Session feedback' });
    await section.getByRole('row', { name: /^Water reuse in mining/ }).getByRole('cell', { name: '4.0' }).waitFor();
    await section.getByText('Comments (1)').click();
    await section.getByText('Great examples from Kiruna').waitFor();
    await section.getByRole('button', { name: 'Download CSV: Session feedback' }).waitFor();
    expect(await section.textContent()).not.toContain('Paula');
    await scan(o.page, 'reports with session feedback');

    // The speaker: one rating, so the count only.
    const q = await as(quinn.token, PHONE);
    await q.page.goto(`/events/${pastSlug}/speaker`);
    await q.page.getByRole('region', { name: 'Feedback from the audience' }).getByText('Ratings so far: 1.', { exact: false }).waitFor();
    expect(await q.page.getByText('Great examples from Kiruna').count()).toBe(0);
    await scan(q.page, 'speaker session feedback (phone)');
    await noOverflow(q.page);
  }, SLOW);

  it('a participant resets and turns off the calendar link, sees their registrations and signs out on every device', async () => {
    // A second device signed in with its own token.
    const { me } = await t.ok<{ me: { email: string } }>(`query { me { email } }`, {}, anna.token);
    const { login } = await t.ok<{ login: { token: string } }>(`mutation($e: String!) { login(email: $e, password: "correct horse battery") { token } }`, { e: me.email });
    const phone = suite.pages[0].page;
    const laptop = (await as(login.token, DESKTOP)).page;

    await phone.goto(`/events/${slug}/me`);
    await heading(phone, 'My agenda');
    await phone.getByRole('button', { name: 'Show my calendar link' }).click();
    const link = phone.getByLabel('Calendar link');
    await link.waitFor();
    const first = feedPath(await link.inputValue());
    const calendar = async (path: string) => {
      const res = await fetch(t.baseUrl + path);
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    };
    expect(await calendar(first)).toMatchObject({ status: 200, type: expect.stringContaining('text/calendar') });

    await phone.getByRole('button', { name: 'Reset my calendar link' }).click();
    await phone.getByText('Reset your calendar link?', { exact: false }).waitFor();
    await scan(phone, 'calendar reset confirmation (phone)');
    await phone.getByRole('button', { name: 'Yes, reset the link' }).click();
    await phone.getByRole('status').filter({ hasText: 'Your calendar link was reset.' }).waitFor();
    const second = feedPath(await link.inputValue());
    expect(second).not.toBe(first);
    expect((await calendar(first)).status).toBe(404);
    const served = await calendar(second);
    expect(served).toMatchObject({ status: 200, type: expect.stringContaining('text/calendar') });
    expect(served.body).toContain('BEGIN:VCALENDAR');
    expect(served.body).toContain('Ben Bauer');
    await scan(phone, 'calendar reset (phone)');
    await noOverflow(phone);

    // Turned off: that link stops too; asking again issues a new one.
    await phone.getByRole('button', { name: 'Turn off my calendar link' }).click();
    await phone.getByRole('status').filter({ hasText: 'Your calendar link is turned off' }).waitFor();
    expect((await calendar(second)).status).toBe(404);
    await phone.getByRole('button', { name: 'Show my calendar link' }).click();
    await link.waitFor();
    const third = feedPath(await link.inputValue());
    expect([third === first, third === second]).toEqual([false, false]);
    expect((await calendar(third)).status).toBe(200);

    await phone.goto('/account');
    await heading(phone, 'My account');
    const registrations = phone.getByRole('region', { name: 'My registrations' });
    const mine = registrations.getByRole('listitem').filter({ hasText: /^Matchmaking test/ });
    await mine.getByText('Approved').waitFor();
    await mine.getByText('Participant').waitFor();
    await mine.getByText(/^Registered on /).waitFor();
    await registrations.getByRole('link', { name: /^Matchmaking test/ }).waitFor();
    await scan(phone, 'my account with registrations (phone)');
    await noOverflow(phone);

    await laptop.goto('/account');
    await heading(laptop, 'My account');

    await phone.getByRole('button', { name: 'Sign out on every device' }).click();
    await phone.getByText('Sign out on every device now?', { exact: false }).waitFor();
    await scan(phone, 'sign out everywhere confirmation (phone)');
    await phone.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
    await heading(phone, 'Sign in');
    await phone.getByText('You are signed out.').waitFor();
    // This browser stays signed out, and the other device must sign in again too.
    await phone.goto('/account');
    await heading(phone, 'Sign in');
    await laptop.reload();
    await heading(laptop, 'Sign in');
    for (const token of [anna.token, login.token]) expect(errorCode(await t.gql(`query { me { id } }`, {}, token))).toBe('UNAUTHENTICATED');
  }, SLOW);

  it('a speaker deletes a material after confirming', async () => {
    const s = await as(sara.token, DESKTOP);
    await s.page.goto(`/events/${slug}/speaker`);
    await heading(s.page, 'My sessions');
    const card = s.page.getByRole('region', { name: 'Keynote: Europe needs its own metals' });
    const material = card.getByRole('article', { name: 'Slides' });
    await material.getByText('Version 1: slides.pdf').waitFor();
    await material.getByRole('button', { name: 'Delete: Slides' }).click();
    await material.getByText('Delete "Slides" with all its versions?', { exact: false }).waitFor();
    await scan(s.page, 'speaker delete confirmation');
    // Changing one's mind keeps it.
    await material.getByRole('button', { name: 'Keep it' }).click();
    await material.getByRole('button', { name: 'Delete: Slides' }).click();
    await material.getByRole('button', { name: 'Yes, delete it' }).click();
    await card.getByRole('status').filter({ hasText: 'Deleted: Slides' }).waitFor();
    await card.getByText('Nothing uploaded yet.').waitFor();
    await scan(s.page, 'speaker after deleting');
    const { sessionMaterials } = await t.ok(`query($s: ID!) { sessionMaterials(sessionId: $s) { id } }`, { s: keynoteId }, sara.token);
    expect(sessionMaterials).toEqual([]);
  }, SLOW);

  it('has no serious or critical accessibility violations and no console errors', () => {
    expect(Object.keys(suite.scanned)).toHaveLength(16);
    suite.expectClean(16);
  });
});
