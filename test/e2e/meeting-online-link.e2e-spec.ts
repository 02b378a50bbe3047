import ICAL from 'ical.js';
import { matchmakingEvent, type MatchmakingEvent, meetingBetween, participant, person, type Person } from '../support/matchmaking-fixtures.js';
import { errorCode, type GraphQLResponse, TestApp } from '../support/test-app.js';

const SET_LINK = `mutation($id: ID!, $url: String) { setMeetingOnlineLink(meetingId: $id, url: $url) { id onlineUrl status tableNumber } }`;
const MY_MEETINGS = `query($eventId: ID!) { myMeetings(eventId: $eventId) { id onlineUrl } }`;

/** The one VEVENT of a meeting in a calendar text, read with ical.js. */
function meetingEvent(text: string, meetingId: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getAllSubcomponents('vevent').find((v) => String(v.getFirstPropertyValue('uid')).startsWith(`meeting-${meetingId}@`));
  if (!vevent) throw new Error(`meeting ${meetingId} is not in the calendar`);
  const e = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    sequence: e.sequence,
    description: e.description,
    location: e.location,
    url: (vevent.getFirstPropertyValue('url') as string | null) ?? null,
    status: vevent.getFirstPropertyValue('status'),
  };
}

/**
 * A video link on a one-to-one meeting (a partner joins remotely, the table stays booked): who
 * may set it, what is refused, what the other person is told, and how calendars pick it up.
 */
describe('a video link on a meeting', () => {
  let t: TestApp;
  let event: MatchmakingEvent;
  let anna: Person;
  let bert: Person;
  let carl: Person;
  let meeting: { id: string; tableNumber: number | null };

  /** The MEETING_ONLINE_LINK messages about this meeting, oldest first. */
  const messages = async (meetingId: string) =>
    (await t.db.query(
      `SELECT recipient_account_id AS "to", subject_revision::int AS revision, data, ics, ics_method AS "icsMethod"
         FROM notification_delivery WHERE kind = 'MEETING_ONLINE_LINK' AND subject_id = $1 ORDER BY created_at, recipient_account_id`,
      [meetingId],
    )) as { to: string; revision: number; data: Record<string, unknown>; ics: string | null; icsMethod: string | null }[];
  const stored = async (meetingId: string) =>
    ((await t.db.query(`SELECT online_url, revision FROM meeting WHERE id = $1`, [meetingId])) as { online_url: string | null; revision: number }[])[0];
  const feedOf = async (p: Person) => {
    const { myCalendarFeed } = await t.ok(`query($id: ID!) { myCalendarFeed(eventId: $id) { url } }`, { id: event.eventId }, p.token);
    const res = await fetch(`${t.baseUrl}${new URL(myCalendarFeed.url).pathname}`);
    expect(res.status).toBe(200);
    return res.text();
  };
  const refusal = (res: GraphQLResponse) => ({ code: errorCode(res), reason: res.errors?.[0]?.extensions?.reason, field: res.errors?.[0]?.extensions?.field });

  beforeAll(async () => {
    t = await TestApp.start();
    event = await matchmakingEvent(t);
    await t.db.query(`UPDATE event SET venue = 'Levi Summit, Kittilä' WHERE id = $1`, [event.eventId]);
    anna = await participant(t, event, 'Anna Online');
    bert = await participant(t, event, 'Bert Onsite');
    carl = await participant(t, event, 'Carl Curious');
    meeting = await meetingBetween(t, event, anna, bert, event.slots[0].id, 2);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is set by one person; the other sees it, is told once (with the updated invitation) and finds it in their calendar feed', async () => {
    const before = meetingEvent(await feedOf(bert), meeting.id);
    expect(before.url).toBeNull();

    const link = 'https://video.example/j/123?pwd=a,b;c';
    const { setMeetingOnlineLink } = await t.ok(SET_LINK, { id: meeting.id, url: `  ${link}  ` }, anna.token);
    expect(setMeetingOnlineLink).toEqual({ id: meeting.id, onlineUrl: link, status: 'CONFIRMED', tableNumber: 2 });
    const { myMeetings } = await t.ok(MY_MEETINGS, { eventId: event.eventId }, bert.token);
    expect(myMeetings.find((m: { id: string }) => m.id === meeting.id)).toEqual({ id: meeting.id, onlineUrl: link });

    // The outbox: one message, to Bert only, with the link; its invitation carries it too.
    const sent = await messages(meeting.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: bert.accountId, icsMethod: 'REQUEST', data: { onlineUrl: link, linkChange: 'video link added', withWhom: 'Anna Online', tableNumber: 2 } });
    expect(sent[0].data.location).toBe('Table 2, Levi Summit, Kittilä');
    const invitation = meetingEvent(sent[0].ics!, meeting.id);
    expect(invitation).toMatchObject({ method: 'REQUEST', url: link, sequence: before.sequence + 1 });
    expect(invitation.description).toContain(`Join online: ${link}`);

    // Bert's feed: URL, the description line, the table kept as the location, SEQUENCE one up.
    const after = meetingEvent(await feedOf(bert), meeting.id);
    expect(after).toMatchObject({ url: link, location: 'Table 2, Levi Summit, Kittilä', status: 'CONFIRMED', sequence: before.sequence + 1 });
    expect(after.description).toBe(`One-to-one meeting with Anna Online at Table 2.\n\nJoin online: ${link}`);
    expect(sent[0].revision).toBe(after.sequence);

    // The same link again (as typed or as stored) changes nothing and tells nobody.
    await t.ok(SET_LINK, { id: meeting.id, url: link }, bert.token);
    await t.ok(SET_LINK, { id: meeting.id, url: link }, anna.token);
    expect(await messages(meeting.id)).toHaveLength(1);
    expect(meetingEvent(await feedOf(bert), meeting.id).sequence).toBe(after.sequence);

    // Removing it: the description line goes, SEQUENCE grows again, Anna is told this time.
    const { setMeetingOnlineLink: cleared } = await t.ok(SET_LINK, { id: meeting.id, url: '   ' }, bert.token);
    expect(cleared.onlineUrl).toBeNull();
    const removed = meetingEvent(await feedOf(anna), meeting.id);
    expect(removed).toMatchObject({ url: null, sequence: after.sequence + 1 });
    expect(removed.description).toBe('One-to-one meeting with Bert Onsite at Table 2.');
    const all = await messages(meeting.id);
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({ to: anna.accountId, revision: after.sequence + 1, data: { onlineUrl: null, linkChange: 'video link removed' } });
    expect(String(all[1].data.linkNote)).toContain('in person again');
    expect(meetingEvent(all[1].ics!, meeting.id).url).toBeNull();

    // null clears as well; already clear, so nothing happens.
    await t.ok(SET_LINK, { id: meeting.id, url: null }, anna.token);
    expect(await messages(meeting.id)).toHaveLength(2);
  });

  it('refuses anything but an https link of at most 2,000 characters, storing nothing', async () => {
    const link = 'https://video.example/kept';
    await t.ok(SET_LINK, { id: meeting.id, url: link }, anna.token);
    const before = { row: await stored(meeting.id), messages: (await messages(meeting.id)).length };
    const long = `https://video.example/${'x'.repeat(2001 - 'https://video.example/'.length)}`;
    expect(long).toHaveLength(2001);
    for (const url of ['http://video.example/j/1', 'javascript:alert(1)', 'https://user:pw@x.example', long, 'not a url']) {
      const res = await t.gql(SET_LINK, { id: meeting.id, url }, anna.token);
      expect([url, refusal(res)]).toEqual([url, { code: 'BAD_USER_INPUT', reason: 'INVALID_ONLINE_LINK', field: 'url' }]);
      expect(res.errors![0].message).toBe('A video link starts with https:// and is at most 2,000 characters, with no user name or password in it.');
    }
    expect(await stored(meeting.id)).toEqual(before.row);
    expect(await messages(meeting.id)).toHaveLength(before.messages);
  });

  it('tells about a meeting that has no time yet too, without an invitation', async () => {
    const fay = await participant(t, event, 'Fay Future');
    const unscheduled = await meetingBetween(t, event, bert, fay);
    expect(unscheduled.slot).toBeNull();
    await t.ok(SET_LINK, { id: unscheduled.id, url: 'https://video.example/fay' }, fay.token);
    const sent = await messages(unscheduled.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: bert.accountId, ics: null, icsMethod: null, data: { onlineUrl: 'https://video.example/fay', startsAt: 'not yet scheduled' } });
  });

  it('is for confirmed meetings only', async () => {
    const dora = await participant(t, event, 'Dora Dropped');
    const cancelled = await meetingBetween(t, event, anna, dora, event.slots[1].id, 1);
    await t.ok(`mutation($id: ID!) { cancelMeeting(id: $id) { id } }`, { id: cancelled.id }, dora.token);
    const res = await t.gql(SET_LINK, { id: cancelled.id, url: 'https://video.example/late' }, anna.token);
    expect(refusal(res)).toEqual({ code: 'CONFLICT', reason: 'INVALID_STATE', field: undefined });
    expect((await stored(cancelled.id)).online_url).toBeNull();
    expect(await messages(cancelled.id)).toHaveLength(0);
  });

  it("is for the meeting's two people and the event's organisers; an organiser's change is told to both", async () => {
    const erik = await participant(t, event, 'Erik Elsewhere');
    const own = await meetingBetween(t, event, carl, erik, event.slots[2].id, 3);
    const attempt = (token?: string) => t.gql(SET_LINK, { id: own.id, url: 'https://video.example/intruder' }, token);

    expect(errorCode(await attempt())).toBe('UNAUTHENTICATED');
    expect(errorCode(await attempt(anna.token))).toBe('NOT_FOUND'); // a participant of the event, not of this meeting
    expect(errorCode(await attempt((await person(t, 'Otto Outsider')).token))).toBe('NOT_FOUND');
    expect(errorCode(await attempt((await matchmakingEvent(t)).organiser.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(SET_LINK, { id: 'not-a-meeting', url: null }, anna.token))).toBe('NOT_FOUND');
    expect((await stored(own.id)).online_url).toBeNull();
    expect(await messages(own.id)).toHaveLength(0);

    const { setMeetingOnlineLink } = await t.ok(SET_LINK, { id: own.id, url: 'https://video.example/desk' }, event.organiser.token);
    expect(setMeetingOnlineLink.onlineUrl).toBe('https://video.example/desk');
    const sent = await messages(own.id);
    expect(sent.map((m) => m.to).sort()).toEqual([carl.accountId, erik.accountId].sort());
    expect(new Set(sent.map((m) => m.revision)).size).toBe(1);
    const { eventMeetings } = await t.ok(`query($id: ID!) { eventMeetings(eventId: $id) { id onlineUrl } }`, { id: event.eventId }, event.organiser.token);
    expect(eventMeetings.find((m: { id: string }) => m.id === own.id).onlineUrl).toBe('https://video.example/desk');
  });

  it('is guaranteed by the database: no plain-http link, whatever writes the row', async () => {
    await expect(t.db.query(`UPDATE meeting SET online_url = 'http://x' WHERE id = $1`, [meeting.id])).rejects.toThrow(/meeting_online_url_check/);
    await expect(t.db.query(`UPDATE meeting SET online_url = 'https://x y' WHERE id = $1`, [meeting.id])).rejects.toThrow(/meeting_online_url_check/);
    await expect(t.db.query(`UPDATE meeting SET online_url = $2 WHERE id = $1`, [meeting.id, `https://${'x'.repeat(1993)}`])).rejects.toThrow(/meeting_online_url_check/);
    // The trigger bumps the calendar revision for any writer.
    const before = await stored(meeting.id);
    await t.db.query(`UPDATE meeting SET online_url = 'https://video.example/raw' WHERE id = $1`, [meeting.id]);
    expect(await stored(meeting.id)).toEqual({ online_url: 'https://video.example/raw', revision: before.revision + 1 });
  });

  it("is in both people's data export", async () => {
    for (const p of [anna, bert]) {
      const { exportMyData } = await t.ok<{ exportMyData: string }>(`{ exportMyData }`, {}, p.token);
      const meetings = JSON.parse(exportMyData).matchmaking.meetings as { id: string; onlineUrl: string | null }[];
      expect(meetings.find((m) => m.id === meeting.id)?.onlineUrl).toBe('https://video.example/raw');
    }
  });
});
