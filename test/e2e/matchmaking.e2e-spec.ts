import { MeetingRequestsService } from '../../libs/matchmaking/index.js';
import {
  ACCEPT,
  BOOK,
  matchmakingEvent,
  meetingBetween,
  participant,
  person,
  SEND,
  sendRequest,
  SETTINGS,
  WINDOWS,
} from '../support/matchmaking-fixtures.js';
import { errorCode, type GraphQLResponse, TestApp } from '../support/test-app.js';

const reason = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.reason;
const field = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;
const coded = (res: GraphQLResponse) => ({ code: errorCode(res), reason: reason(res) });

const PROFILE = `query($eventId: ID!, $accountId: ID) {
  matchmakingProfile(eventId: $eventId, accountId: $accountId) {
    accountId name email phone pitch themes isMeetingPartner hiddenFields
    organisation { name type country region } offers { title kind } seeks { title }
    visibility { field audience }
  }
}`;
const UPDATE_PROFILE = `mutation($eventId: ID!, $input: MatchmakingProfileInput!, $onBehalfOf: ID) {
  updateMatchmakingProfile(eventId: $eventId, input: $input, onBehalfOf: $onBehalfOf) { accountId pitch themes phone takingPart }
}`;
const DIRECTORY = `query($eventId: ID!, $filter: DirectoryFilterInput, $first: Int, $after: String) {
  matchmakingDirectory(eventId: $eventId, filter: $filter, first: $first, after: $after) {
    nodes { accountId name organisation { name } } pageInfo { endCursor hasNextPage }
  }
}`;
const MY_MEETINGS = `query($eventId: ID!, $onBehalfOf: ID) {
  myMeetings(eventId: $eventId, onBehalfOf: $onBehalfOf) {
    id status tableNumber locked slot { id } rescheduleSlot { id } requester { name email } recipient { name email }
  }
}`;

describe('matchmaking (GraphQL end to end)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('settings and slots', () => {
    it('splits the windows into slots with tables, and refuses bad settings with a field', async () => {
      const event = await matchmakingEvent(t, { tableNames: ['Aurora', 'Levi'] });
      expect(event.slots).toHaveLength(6);
      expect(event.slots[1]).toMatchObject({ startsAt: '2030-04-26T10:20:00.000Z', endsAt: '2030-04-26T10:40:00.000Z' });
      const member = await participant(t, event, 'Mikko Member');
      const read = await t.ok(
        `query($eventId: ID!) { matchmakingSettings(eventId: $eventId) { tables { number name } slots { id } requestsOpen mode weights { offerMatchesSeek } } }`,
        { eventId: event.eventId },
        member.token,
      );
      expect(read.matchmakingSettings.tables).toEqual([
        { number: 1, name: 'Aurora' },
        { number: 2, name: 'Levi' },
        { number: 3, name: 'Table 3' },
      ]);
      expect(read.matchmakingSettings).toMatchObject({ requestsOpen: true, mode: 'PARTICIPANTS_PICK_SLOT', weights: { offerMatchesSeek: 40 } });

      const bad = async (input: Record<string, unknown>) => t.gql(SETTINGS, { eventId: event.eventId, input }, event.organiser.token);
      const overlap = await bad({ windows: [WINDOWS[0], { startsAt: '2030-04-26T10:30:00Z', endsAt: '2030-04-26T12:00:00Z' }] });
      expect({ ...coded(overlap), field: field(overlap) }).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_SETTINGS', field: 'windows.1' });
      expect(field(await bad({ meetingMinutes: 2 }))).toBe('meetingMinutes');
      expect(field(await bad({ tableNames: ['a', 'b', 'c', 'd'] }))).toBe('tableNames');
      expect(field(await bad({ requestsOpenAt: '2030-04-02T00:00:00Z', requestsCloseAt: '2030-04-01T00:00:00Z' }))).toBe('requestsCloseAt');
      expect(field(await bad({ weights: { sharedThemes: -1 } }))).toBe('weights.sharedThemes');

      expect(errorCode(await t.gql(SETTINGS, { eventId: event.eventId, input: { tableCount: 5 } }, member.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(SETTINGS, { eventId: event.eventId, input: { tableCount: 5 } }))).toBe('UNAUTHENTICATED');
    });

    it('keeps slot ids when windows grow, and refuses to remove a slot or table that holds a meeting', async () => {
      const event = await matchmakingEvent(t);
      const a = await participant(t, event, 'Anna Booked');
      const b = await participant(t, event, 'Bruno Booked');
      const meeting = await meetingBetween(t, event, a, b, event.slots[4].id, 3);
      expect(meeting).toMatchObject({ tableNumber: 3, slot: { id: event.slots[4].id } });

      const grown = await t.ok(
        SETTINGS,
        { eventId: event.eventId, input: { windows: [...WINDOWS, { startsAt: '2030-04-27T12:00:00Z', endsAt: '2030-04-27T12:40:00Z' }] } },
        event.organiser.token,
      );
      expect(grown.updateMatchmakingSettings.slots.map((s: { id: string }) => s.id).slice(0, 6)).toEqual(event.slots.map((s) => s.id));
      expect(grown.updateMatchmakingSettings.slots).toHaveLength(8);

      const removing = await t.gql(SETTINGS, { eventId: event.eventId, input: { windows: [WINDOWS[0]] } }, event.organiser.token);
      expect(coded(removing)).toEqual({ code: 'CONFLICT', reason: 'SLOTS_IN_USE' });
      expect(removing.errors?.[0]?.message).toContain('2030-04-27T07:20:00.000Z');
      const shrinking = await t.gql(SETTINGS, { eventId: event.eventId, input: { tableCount: 2 } }, event.organiser.token);
      expect(coded(shrinking)).toEqual({ code: 'CONFLICT', reason: 'TABLES_IN_USE' });
      // Nothing changed.
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM meeting_slot WHERE event_id = $1`, [event.eventId]);
      expect(count).toBe(8);

      // Once the meeting is cancelled, the slot can go.
      await t.ok(`mutation($id: ID!) { cancelMeeting(id: $id, reason: "clash") { status } }`, { id: meeting.id }, a.token);
      const removed = await t.ok(SETTINGS, { eventId: event.eventId, input: { windows: [WINDOWS[0]], tableCount: 2 } }, event.organiser.token);
      expect(removed.updateMatchmakingSettings.slots).toHaveLength(3);
    });
    it("takes the windows from the agenda's published MATCHMAKING sessions", async () => {
      const event = await matchmakingEvent(t);
      const use = `mutation($e: ID!) { useAgendaMatchmakingWindows(eventId: $e) { windows { startsAt endsAt } slots { startsAt } } }`;
      const none = await t.gql(use, { e: event.eventId }, event.organiser.token);
      expect({ ...coded(none), field: field(none) }).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_SETTINGS', field: 'windows' });
      await t.db.query(
        `INSERT INTO agenda_session (event_id, title, type, starts_at, ends_at, status) VALUES
           ($1, 'B2B matchmaking', 'MATCHMAKING', '2030-04-26T12:30:00Z', '2030-04-26T13:30:00Z', 'PUBLISHED'),
           ($1, 'B2B draft', 'MATCHMAKING', '2030-04-27T12:30:00Z', '2030-04-27T13:30:00Z', 'DRAFT'),
           ($1, 'Keynote', 'KEYNOTE', '2030-04-26T09:00:00Z', '2030-04-26T10:00:00Z', 'PUBLISHED')`,
        [event.eventId],
      );
      const member = await participant(t, event, 'Agnes Agenda');
      expect(errorCode(await t.gql(use, { e: event.eventId }, member.token))).toBe('FORBIDDEN');
      const used = await t.ok(use, { e: event.eventId }, event.organiser.token);
      expect(used.useAgendaMatchmakingWindows.windows).toEqual([{ startsAt: '2030-04-26T12:30:00.000Z', endsAt: '2030-04-26T13:30:00.000Z' }]);
      expect(used.useAgendaMatchmakingWindows.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual([
        '2030-04-26T12:30:00.000Z',
        '2030-04-26T12:50:00.000Z',
        '2030-04-26T13:10:00.000Z',
      ]);
    });
  });

  describe('profiles, directory and privacy', () => {
    it('filters the directory by type, country, region, theme, sector, kind and text, with cursors', async () => {
      const event = await matchmakingEvent(t);
      const viewer = await participant(t, event, 'Vera Viewer');
      await participant(t, event, 'Aino Cluster', {
        organisation: { name: 'Digipolis Test', type: 'CLUSTER', country: 'FI', region: 'Lapland' },
        profile: { themes: ['circular economy'], sectors: ['mining'], pitch: 'Arctic industry cluster' },
        offers: ['Tailings valorisation pilot plant'],
      });
      await participant(t, event, 'Lucía Region', {
        organisation: { name: 'Junta Test', type: 'PUBLIC_AUTHORITY', country: 'ES', region: 'Castilla y León' },
        profile: { themes: ['critical raw materials'], sectors: ['public sector'] },
        seeks: ['Policy cooperation on raw materials'],
      });
      await participant(t, event, 'Erik Investor', {
        organisation: { name: 'Fund Test', type: 'INVESTOR', country: 'SE', region: 'Västerbotten' },
        profile: { themes: ['circular economy', 'water'] },
      });
      await participant(t, event, 'Hidden Harri', { profile: { takingPart: false } });

      const names = async (filter: Record<string, unknown>) =>
        (await t.ok(DIRECTORY, { eventId: event.eventId, filter }, viewer.token)).matchmakingDirectory.nodes.map((n: { name: string }) => n.name);
      expect(await names({})).toEqual(['Aino Cluster', 'Erik Investor', 'Lucía Region']);
      expect(await names({ organisationTypes: ['CLUSTER', 'INVESTOR'] })).toEqual(['Aino Cluster', 'Erik Investor']);
      expect(await names({ countries: ['es'] })).toEqual(['Lucía Region']);
      expect(await names({ regions: ['lapland'] })).toEqual(['Aino Cluster']);
      expect(await names({ themes: ['circular economy'] })).toEqual(['Aino Cluster', 'Erik Investor']);
      expect(await names({ sectors: ['public sector'] })).toEqual(['Lucía Region']);
      expect(await names({ entryKinds: ['EXPERTISE'], entryDirection: 'SEEK' })).toEqual(['Lucía Region']);
      expect(await names({ text: 'tailings' })).toEqual(['Aino Cluster']);
      expect(await names({ text: 'fund test' })).toEqual(['Erik Investor']);
      expect(await names({ text: '100%_' })).toEqual([]);

      const page1 = await t.ok(DIRECTORY, { eventId: event.eventId, first: 2 }, viewer.token);
      expect(page1.matchmakingDirectory.pageInfo.hasNextPage).toBe(true);
      const page2 = await t.ok(DIRECTORY, { eventId: event.eventId, first: 2, after: page1.matchmakingDirectory.pageInfo.endCursor }, viewer.token);
      expect(page2.matchmakingDirectory.nodes.map((n: { name: string }) => n.name)).toEqual(['Lucía Region']);
      expect(page2.matchmakingDirectory.pageInfo.hasNextPage).toBe(false);
      expect(field(await t.gql(DIRECTORY, { eventId: event.eventId, after: 'garbage' }, viewer.token))).toBe('after');
      expect(field(await t.gql(DIRECTORY, { eventId: event.eventId, first: 0 }, viewer.token))).toBe('first');
    });

    it('shows contact details only after an accepted meeting, to organisers always, and honours per-field visibility', async () => {
      const event = await matchmakingEvent(t);
      const a = await participant(t, event, 'Anna Private', {
        organisation: { name: 'Secret Org', type: 'SME', country: 'FI', region: 'Kainuu' },
        profile: { phone: '+358 40 123 4567', themes: ['water'] },
      });
      const b = await participant(t, event, 'Bernd Curious');
      const c = await participant(t, event, 'Carla Stranger');
      const profileAs = async (viewer: { token: string }) =>
        (await t.ok(PROFILE, { eventId: event.eventId, accountId: a.accountId }, viewer.token)).matchmakingProfile;

      expect(await profileAs(b)).toMatchObject({ email: null, phone: null, isMeetingPartner: false, hiddenFields: ['EMAIL', 'PHONE'], visibility: null });
      expect(await profileAs(event.organiser)).toMatchObject({ email: expect.stringContaining('@'), phone: '+358 40 123 4567' });
      // A pending request is not enough.
      const request = await sendRequest(t, event, b, a);
      expect((await profileAs(b)).email).toBeNull();
      await t.ok(ACCEPT, { id: request.id }, a.token);
      expect(await profileAs(b)).toMatchObject({ email: expect.stringContaining('@'), phone: '+358 40 123 4567', isMeetingPartner: true });
      expect((await profileAs(c)).email).toBeNull();

      // Anna hides her organisation and phone from everyone but organisers.
      const hide = await t.gql(
        UPDATE_PROFILE,
        { eventId: event.eventId, input: { visibility: [{ field: 'ORGANISATION', audience: 'MEETING_PARTNERS' }, { field: 'PHONE', audience: 'ORGANISERS' }] } },
        a.token,
      );
      expect(hide.errors).toBeUndefined();
      expect(await profileAs(c)).toMatchObject({ organisation: null, hiddenFields: ['ORGANISATION', 'EMAIL', 'PHONE'] });
      expect(await profileAs(b)).toMatchObject({ organisation: { name: 'Secret Org' }, phone: null });
      // A filter on a hidden field does not reveal it.
      const found = await t.ok(DIRECTORY, { eventId: event.eventId, filter: { text: 'secret org' } }, c.token);
      expect(found.matchmakingDirectory.nodes).toEqual([]);
      // Contact details can never be public.
      const publicEmail = await t.gql(UPDATE_PROFILE, { eventId: event.eventId, input: { visibility: [{ field: 'EMAIL', audience: 'PARTICIPANTS' }] } }, a.token);
      expect({ code: errorCode(publicEmail), field: field(publicEmail) }).toEqual({ code: 'BAD_USER_INPUT', field: 'visibility' });
      const own = (await t.ok(PROFILE, { eventId: event.eventId }, a.token)).matchmakingProfile;
      expect(own.visibility).toEqual(expect.arrayContaining([{ field: 'PHONE', audience: 'ORGANISERS' }]));
    });

    it('takes themes and sectors only from the event list, and validates entries', async () => {
      const event = await matchmakingEvent(t);
      const a = await participant(t, event, 'Tero Themes');
      const unknown = await t.gql(UPDATE_PROFILE, { eventId: event.eventId, input: { themes: ['astrology'] } }, a.token);
      expect({ ...coded(unknown), field: field(unknown) }).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_TERM', field: 'themes' });
      expect(field(await t.gql(UPDATE_PROFILE, { eventId: event.eventId, input: { phone: 'call me' } }, a.token))).toBe('phone');
      const add = `mutation($eventId: ID!, $input: MarketplaceEntryInput!) { addMarketplaceEntry(eventId: $eventId, input: $input) { id tags } }`;
      const emptyTitle = await t.gql(add, { eventId: event.eventId, input: { direction: 'OFFER', kind: 'SERVICE', title: '  ' } }, a.token);
      expect(field(emptyTitle)).toBe('title');
      const entry = await t.ok(add, { eventId: event.eventId, input: { direction: 'OFFER', kind: 'SERVICE', title: 'Drone surveys', tags: ['Drones', 'drones'] } }, a.token);
      expect(entry.addMarketplaceEntry.tags).toEqual(['drones']);
      const other = await participant(t, event, 'Olli Other');
      const hijack = await t.gql(
        `mutation($id: ID!) { removeMarketplaceEntry(id: $id) }`,
        { id: entry.addMarketplaceEntry.id },
        other.token,
      );
      expect(errorCode(hijack)).toBe('FORBIDDEN');
      const edited = await t.ok(
        `mutation($id: ID!) { updateMarketplaceEntry(id: $id, input: { title: "Drone and lidar surveys" }) { title kind } }`,
        { id: entry.addMarketplaceEntry.id },
        a.token,
      );
      expect(edited.updateMarketplaceEntry).toEqual({ title: 'Drone and lidar surveys', kind: 'SERVICE' });
    });
  });

  describe('meeting requests', () => {
    it('runs the life cycle: send, incoming/outgoing, accept into a slot, decline, cancel, reschedule', async () => {
      const event = await matchmakingEvent(t);
      const a = await participant(t, event, 'Aku Asker');
      const b = await participant(t, event, 'Bea Booker');
      const c = await participant(t, event, 'Cecilia Decliner');

      const sent = await t.ok(SEND, { eventId: event.eventId, input: { recipientId: b.accountId, message: 'Tailings?', proposedSlotId: event.slots[0].id, priority: 1 } }, a.token);
      expect(sent.sendMeetingRequest).toMatchObject({ status: 'PENDING', priority: 1, proposedSlot: { id: event.slots[0].id } });
      const lists = `query($eventId: ID!, $direction: MeetingRequestDirection!) {
        meetingRequests(eventId: $eventId, direction: $direction) { id status message requester { name } recipient { name } }
      }`;
      const incoming = await t.ok(lists, { eventId: event.eventId, direction: 'INCOMING' }, b.token);
      expect(incoming.meetingRequests).toEqual([
        { id: sent.sendMeetingRequest.id, status: 'PENDING', message: 'Tailings?', requester: { name: 'Aku Asker' }, recipient: { name: 'Bea Booker' } },
      ]);
      expect((await t.ok(lists, { eventId: event.eventId, direction: 'OUTGOING' }, b.token)).meetingRequests).toEqual([]);
      expect((await t.ok(lists, { eventId: event.eventId, direction: 'OUTGOING' }, a.token)).meetingRequests).toHaveLength(1);

      // Only the recipient answers.
      expect(errorCode(await t.gql(ACCEPT, { id: sent.sendMeetingRequest.id }, a.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(ACCEPT, { id: sent.sendMeetingRequest.id }, c.token))).toBe('NOT_FOUND');
      const accepted = await t.ok(ACCEPT, { id: sent.sendMeetingRequest.id }, b.token);
      expect(accepted.acceptMeetingRequest).toMatchObject({ status: 'CONFIRMED', tableNumber: 1, slot: { id: event.slots[0].id } });
      expect(coded(await t.gql(ACCEPT, { id: sent.sendMeetingRequest.id }, b.token))).toEqual({ code: 'CONFLICT', reason: 'INVALID_STATE' });

      // Decline with a reason; withdraw a pending one.
      const toDecline = await sendRequest(t, event, a, c);
      const declined = await t.ok(
        `mutation($id: ID!) { declineMeetingRequest(id: $id, reason: "Not our field") { status declineReason } }`,
        { id: toDecline.id },
        c.token,
      );
      expect(declined.declineMeetingRequest).toEqual({ status: 'DECLINED', declineReason: 'Not our field' });
      const toCancel = await sendRequest(t, event, c, b);
      expect(errorCode(await t.gql(`mutation($id: ID!) { cancelMeetingRequest(id: $id) { status } }`, { id: toCancel.id }, b.token))).toBe('FORBIDDEN');
      const cancelled = await t.ok(`mutation($id: ID!) { cancelMeetingRequest(id: $id) { status } }`, { id: toCancel.id }, c.token);
      expect(cancelled.cancelMeetingRequest.status).toBe('CANCELLED');

      // Reschedule: Aku proposes slot 3; the meeting stays put until Bea accepts.
      const meetingId = accepted.acceptMeetingRequest.id;
      const propose = `mutation($id: ID!, $slotId: ID!) { proposeMeetingReschedule(id: $id, slotId: $slotId) { slot { id } rescheduleSlot { id } rescheduleProposedBy } }`;
      const proposed = await t.ok(propose, { id: meetingId, slotId: event.slots[2].id }, a.token);
      expect(proposed.proposeMeetingReschedule).toEqual({ slot: { id: event.slots[0].id }, rescheduleSlot: { id: event.slots[2].id }, rescheduleProposedBy: a.accountId });
      const respond = `mutation($id: ID!, $accept: Boolean!) { respondToMeetingReschedule(id: $id, accept: $accept) { slot { id } rescheduleSlot { id } tableNumber } }`;
      expect(errorCode(await t.gql(respond, { id: meetingId, accept: true }, a.token))).toBe('FORBIDDEN');
      const moved = await t.ok(respond, { id: meetingId, accept: true }, b.token);
      expect(moved.respondToMeetingReschedule).toEqual({ slot: { id: event.slots[2].id }, rescheduleSlot: null, tableNumber: 1 });
      const mine = await t.ok(MY_MEETINGS, { eventId: event.eventId }, a.token);
      expect(mine.myMeetings).toEqual([
        expect.objectContaining({ id: meetingId, slot: { id: event.slots[2].id }, requester: { name: 'Aku Asker', email: expect.stringContaining('@') } }),
      ]);
      // Slot 1 is free again for both.
      const availability = await t.ok(`query($eventId: ID!) { myAvailability(eventId: $eventId) { slot { id } state meetingId } }`, { eventId: event.eventId }, b.token);
      expect(availability.myAvailability.map((s: { state: string }) => s.state)).toEqual(['FREE', 'FREE', 'MEETING', 'FREE', 'FREE', 'FREE']);
    });

    it('gives a coded error for every bad request', async () => {
      const event = await matchmakingEvent(t, { maxMeetingsPerParticipant: 1 });
      const a = await participant(t, event, 'Alma Bad');
      const b = await participant(t, event, 'Bo Bad');
      const c = await participant(t, event, 'Cai Bad');
      const notTaking = await participant(t, event, 'Nils Not', { profile: { takingPart: false } });
      const outsider = await person(t, 'Otto Outsider');
      const pending = await participant(t, event, 'Pia Pending');
      await t.db.query(`UPDATE participation SET status = 'PENDING' WHERE account_id = $1`, [pending.accountId]);
      const send = (from: { token: string }, input: Record<string, unknown>) => t.gql(SEND, { eventId: event.eventId, input }, from.token);

      const self = await send(a, { recipientId: a.accountId });
      expect({ ...coded(self), field: field(self) }).toEqual({ code: 'BAD_USER_INPUT', reason: 'REQUEST_TO_SELF', field: 'recipientId' });
      expect(coded(await send(a, { recipientId: outsider.accountId }))).toEqual({ code: 'NOT_FOUND', reason: 'UNKNOWN_PERSON' });
      expect(coded(await send(a, { recipientId: '00000000-0000-4000-8000-000000000000' }))).toEqual({ code: 'NOT_FOUND', reason: 'UNKNOWN_PERSON' });
      expect(coded(await send(a, { recipientId: 'not-an-id' }))).toEqual({ code: 'NOT_FOUND', reason: 'UNKNOWN_PERSON' });
      expect(coded(await send(a, { recipientId: pending.accountId }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOT_A_PARTICIPANT' });
      expect(coded(await send(a, { recipientId: notTaking.accountId }))).toEqual({ code: 'CONFLICT', reason: 'NOT_TAKING_PART' });
      const outside = await send(a, { recipientId: b.accountId, proposedSlotId: '00000000-0000-4000-8000-000000000000' });
      expect({ ...coded(outside), field: field(outside) }).toEqual({ code: 'BAD_USER_INPUT', reason: 'SLOT_OUTSIDE_WINDOWS', field: 'proposedSlotId' });
      expect(field(await send(a, { recipientId: b.accountId, priority: 7 }))).toBe('priority');

      const first = await sendRequest(t, event, a, b);
      expect(coded(await send(a, { recipientId: b.accountId }))).toEqual({ code: 'CONFLICT', reason: 'DUPLICATE_REQUEST' });
      // The other direction is the same pair.
      expect(coded(await send(b, { recipientId: a.accountId }))).toEqual({ code: 'CONFLICT', reason: 'DUPLICATE_REQUEST' });

      // Table and slot checks on accept.
      const tableOut = await t.gql(ACCEPT, { id: first.id, slotId: event.slots[0].id, tableNumber: 4 }, b.token);
      expect({ ...coded(tableOut), field: field(tableOut) }).toEqual({ code: 'BAD_USER_INPUT', reason: 'TABLE_OUT_OF_RANGE', field: 'tableNumber' });
      const slotOut = await t.gql(ACCEPT, { id: first.id, slotId: 'nonsense' }, b.token);
      expect({ ...coded(slotOut), field: field(slotOut) }).toEqual({ code: 'BAD_USER_INPUT', reason: 'SLOT_OUTSIDE_WINDOWS', field: 'slotId' });
      await t.ok(ACCEPT, { id: first.id }, b.token);

      // Over the limit of one meeting: both for sending and for accepting.
      expect(coded(await send(a, { recipientId: c.accountId }))).toEqual({ code: 'CONFLICT', reason: 'MEETING_LIMIT_REACHED' });
      const toB = await sendRequest(t, event, c, b);
      const overLimit = await t.gql(ACCEPT, { id: toB.id }, b.token);
      expect(coded(overLimit)).toEqual({ code: 'CONFLICT', reason: 'MEETING_LIMIT_REACHED' });
      expect(overLimit.errors?.[0]?.message).toContain('Bo Bad');

      // Requests closed.
      await t.ok(SETTINGS, { eventId: event.eventId, input: { requestsCloseAt: '2020-01-01T00:00:00Z' } }, event.organiser.token);
      const d = await participant(t, event, 'Dora Late');
      expect(coded(await send(d, { recipientId: c.accountId }))).toEqual({ code: 'CONFLICT', reason: 'MATCHMAKING_CLOSED' });
      await t.ok(SETTINGS, { eventId: event.eventId, input: { requestsCloseAt: null, requestsOpenAt: '2099-01-01T00:00:00Z' } }, event.organiser.token);
      expect(coded(await send(d, { recipientId: c.accountId }))).toEqual({ code: 'CONFLICT', reason: 'MATCHMAKING_CLOSED' });
    });

    it('expires unanswered requests after the configured hours', async () => {
      const event = await matchmakingEvent(t, { expireAfterHours: 2 });
      const a = await participant(t, event, 'Eino Early');
      const b = await participant(t, event, 'Siiri Slow');
      const request = await sendRequest(t, event, a, b);
      const expiresAt = new Date(request.expiresAt!);
      expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(1.9 * 3_600_000);
      const service = t.app.get(MeetingRequestsService);
      expect(await service.expireOverdue(new Date(expiresAt.getTime() - 1000), event.eventId)).toBe(0);
      expect(await service.expireOverdue(new Date(expiresAt.getTime() + 1000), event.eventId)).toBe(1);
      expect(coded(await t.gql(ACCEPT, { id: request.id }, b.token))).toEqual({ code: 'CONFLICT', reason: 'INVALID_STATE' });
      const [{ status }] = await t.db.query(`SELECT status FROM meeting_request WHERE id = $1`, [request.id]);
      expect(status).toBe('EXPIRED');
      // The pair may ask again; organisers may trigger expiry by hand.
      await sendRequest(t, event, a, b);
      expect(errorCode(await t.gql(`mutation($e: ID!) { expireMeetingRequests(eventId: $e) }`, { e: event.eventId }, a.token))).toBe('FORBIDDEN');
      expect((await t.ok(`mutation($e: ID!) { expireMeetingRequests(eventId: $e) }`, { e: event.eventId }, event.organiser.token)).expireMeetingRequests).toBe(0);
    });
  });

  describe('availability and booking', () => {
    it('blocks slots by hand and by the agenda, and finds the next common free slot with a table', async () => {
      const event = await matchmakingEvent(t, { tableCount: 1 });
      const a = await participant(t, event, 'Aapo Available');
      const b = await participant(t, event, 'Berit Busy');
      const c = await participant(t, event, 'Cyril Third');
      const d = await participant(t, event, 'Doris Fourth');

      // Berit speaks at a published session over slot 1 (agenda), and blocks slot 2 by hand.
      const [{ id: sessionId }] = await t.db.query(
        `INSERT INTO agenda_session (event_id, title, type, starts_at, ends_at, status) VALUES ($1, 'Round Table II', 'ROUND_TABLE', $2, $3, 'PUBLISHED') RETURNING id`,
        [event.eventId, '2030-04-26T09:30:00Z', '2030-04-26T10:10:00Z'],
      );
      await t.db.query(`INSERT INTO agenda_session_person (session_id, account_id, role, position) VALUES ($1, $2, 'SPEAKER', 0)`, [sessionId, b.accountId]);
      const block = await t.ok(
        `mutation($eventId: ID!, $input: AvailabilityBlockInput!) { blockAvailability(eventId: $eventId, input: $input) { id reason } }`,
        { eventId: event.eventId, input: { startsAt: '2030-04-26T10:20:00Z', endsAt: '2030-04-26T10:40:00Z', reason: 'Site visit' } },
        b.token,
      );
      const availability = await t.ok(
        `query($eventId: ID!) { myAvailability(eventId: $eventId) { state reason } }`,
        { eventId: event.eventId },
        b.token,
      );
      expect(availability.myAvailability.slice(0, 3)).toEqual([
        { state: 'AGENDA', reason: 'speaking in an agenda session' },
        { state: 'BLOCKED', reason: 'Site visit' },
        { state: 'FREE', reason: null },
      ]);

      // Slot 3's only table goes to Cyril and Doris.
      await meetingBetween(t, event, c, d, event.slots[2].id);
      const find = `query($eventId: ID!, $with: ID!) { findMeetingSlots(eventId: $eventId, withAccountId: $with, first: 2) { slot { id } tableNumber } }`;
      const proposals = await t.ok(find, { eventId: event.eventId, with: b.accountId }, a.token);
      expect(proposals.findMeetingSlots).toEqual([
        { slot: { id: event.slots[3].id }, tableNumber: 1 },
        { slot: { id: event.slots[4].id }, tableNumber: 1 },
      ]);

      const request = await sendRequest(t, event, a, b);
      const agendaClash = await t.gql(ACCEPT, { id: request.id, slotId: event.slots[0].id }, b.token);
      expect(coded(agendaClash)).toEqual({ code: 'CONFLICT', reason: 'PARTICIPANT_UNAVAILABLE' });
      expect(agendaClash.errors?.[0]?.message).toContain('Berit Busy');
      expect(coded(await t.gql(ACCEPT, { id: request.id, slotId: event.slots[1].id }, b.token))).toEqual({ code: 'CONFLICT', reason: 'PARTICIPANT_UNAVAILABLE' });
      const full = await t.gql(ACCEPT, { id: request.id, slotId: event.slots[2].id }, b.token);
      expect(coded(full)).toEqual({ code: 'CONFLICT', reason: 'NO_FREE_TABLE' });
      // The failed accepts changed nothing: the request is still pending.
      await t.ok(`mutation($id: ID!) { unblockAvailability(id: $id) }`, { id: block.blockAvailability.id }, b.token);
      const booked = await t.ok(ACCEPT, { id: request.id, slotId: event.slots[1].id }, b.token);
      expect(booked.acceptMeetingRequest).toMatchObject({ tableNumber: 1, slot: { id: event.slots[1].id } });
      // Blocking a time with a booked meeting in it is refused: the meeting would stand inside the block.
      const overMeeting = await t.gql(
        `mutation($eventId: ID!, $input: AvailabilityBlockInput!) { blockAvailability(eventId: $eventId, input: $input) { id } }`,
        { eventId: event.eventId, input: { startsAt: '2030-04-26T10:00:00Z', endsAt: '2030-04-26T11:00:00Z' } },
        b.token,
      );
      expect(coded(overMeeting)).toEqual({ code: 'CONFLICT', reason: 'BLOCK_OVERLAPS_MEETING' });
      expect(overMeeting.errors?.[0]?.extensions?.details).toEqual({ meetings: [{ meetingId: booked.acceptMeetingRequest.id, slotId: event.slots[1].id, startsAt: event.slots[1].startsAt }] });
    });

    it('names what was taken when a person or a table is busy', async () => {
      const event = await matchmakingEvent(t);
      const [a, b, c, d] = await Promise.all(['Ari', 'Bella', 'Cleo', 'Dan'].map((n) => participant(t, event, `${n} Taken`)));
      await meetingBetween(t, event, a, b, event.slots[0].id, 2);
      const cd = await meetingBetween(t, event, c, d);
      const table = await t.gql(BOOK, { id: cd.id, slotId: event.slots[0].id, tableNumber: 2 }, c.token);
      expect(coded(table)).toEqual({ code: 'CONFLICT', reason: 'TABLE_TAKEN' });
      expect(table.errors?.[0]?.extensions?.details).toMatchObject({ tableNumber: 2, slotId: event.slots[0].id });
      const ac = await meetingBetween(t, event, c, a);
      const busy = await t.gql(BOOK, { id: ac.id, slotId: event.slots[0].id }, c.token);
      expect(coded(busy)).toEqual({ code: 'CONFLICT', reason: 'PARTICIPANT_BUSY' });
      expect(busy.errors?.[0]?.message).toContain('Ari Taken');
      expect(busy.errors?.[0]?.extensions?.details).toMatchObject({ accountId: a.accountId });
      const outOfRange = await t.gql(BOOK, { id: cd.id, slotId: event.slots[0].id, tableNumber: 0 }, c.token);
      expect(coded(outOfRange)).toEqual({ code: 'BAD_USER_INPUT', reason: 'TABLE_OUT_OF_RANGE' });
    });

    it('lets the database refuse a double booking even when the application is bypassed', async () => {
      const event = await matchmakingEvent(t);
      const [a, b, c] = await Promise.all(['Aada', 'Bror', 'Cilla'].map((n) => participant(t, event, `${n} Raw`)));
      await meetingBetween(t, event, a, b, event.slots[0].id, 1);
      const ac = await meetingBetween(t, event, a, c);
      const cb = await meetingBetween(t, event, c, b);
      await expect(t.db.query(`UPDATE meeting SET slot_id = $2, table_number = 2 WHERE id = $1`, [ac.id, event.slots[0].id])).rejects.toMatchObject({
        driverError: { constraint: 'meeting_participant_slot_account_key' },
      });
      await expect(t.db.query(`UPDATE meeting SET slot_id = $2, table_number = 1 WHERE id = $1`, [cb.id, event.slots[1].id])).resolves.toBeDefined();
      const other = await meetingBetween(t, event, (await participant(t, event, 'Dag Raw')), (await participant(t, event, 'Eva Raw')));
      await expect(t.db.query(`UPDATE meeting SET slot_id = $2, table_number = 1 WHERE id = $1`, [other.id, event.slots[1].id])).rejects.toMatchObject({
        driverError: { constraint: 'meeting_slot_table_key' },
      });
    });

    it('in ORGANISER_SCHEDULES mode participants accept without slots and organisers place and lock meetings', async () => {
      const event = await matchmakingEvent(t, { mode: 'ORGANISER_SCHEDULES' });
      const a = await participant(t, event, 'Ada Scheduled');
      const b = await participant(t, event, 'Bob Scheduled');
      const withSlot = await t.gql(SEND, { eventId: event.eventId, input: { recipientId: b.accountId, proposedSlotId: event.slots[0].id } }, a.token);
      expect(coded(withSlot)).toEqual({ code: 'FORBIDDEN', reason: 'SLOTS_CHOSEN_BY_ORGANISER' });
      const request = await sendRequest(t, event, a, b);
      expect(coded(await t.gql(ACCEPT, { id: request.id, slotId: event.slots[0].id }, b.token))).toEqual({ code: 'FORBIDDEN', reason: 'SLOTS_CHOSEN_BY_ORGANISER' });
      const meeting = (await t.ok(ACCEPT, { id: request.id }, b.token)).acceptMeetingRequest;
      expect(meeting).toMatchObject({ status: 'CONFIRMED', slot: null, tableNumber: null });
      expect(coded(await t.gql(BOOK, { id: meeting.id, slotId: event.slots[0].id }, a.token))).toEqual({ code: 'FORBIDDEN', reason: 'SLOTS_CHOSEN_BY_ORGANISER' });
      const unscheduled = await t.ok(`query($e: ID!) { eventMeetings(eventId: $e, scheduled: false) { id } }`, { e: event.eventId }, event.organiser.token);
      expect(unscheduled.eventMeetings).toEqual([{ id: meeting.id }]);
      const placed = await t.ok(BOOK, { id: meeting.id, slotId: event.slots[4].id, tableNumber: 2 }, event.organiser.token);
      expect(placed.bookMeeting).toMatchObject({ tableNumber: 2, slot: { id: event.slots[4].id } });
      const locked = await t.ok(`mutation($id: ID!) { setMeetingLocked(id: $id, locked: true) { locked } }`, { id: meeting.id }, event.organiser.token);
      expect(locked.setMeetingLocked.locked).toBe(true);
      expect(errorCode(await t.gql(`mutation($id: ID!) { setMeetingLocked(id: $id, locked: false) { locked } }`, { id: meeting.id }, a.token))).toBe('FORBIDDEN');
    });
  });

  describe('access per role', () => {
    it('lets approved participants and speakers take part, organisers act on behalf, and keeps everyone else out', async () => {
      const event = await matchmakingEvent(t);
      const participantA = await participant(t, event, 'Pekka Participant');
      const speaker = await participant(t, event, 'Sanna Speaker');
      const [{ id: speakerParticipation }] = await t.db.query(`SELECT id FROM participation WHERE account_id = $1`, [speaker.accountId]);
      await t.ok(`mutation($id: ID!) { setParticipantRole(participationId: $id, role: SPEAKER) { role } }`, { id: speakerParticipation }, event.organiser.token);
      const pendingP = await participant(t, event, 'Pentti Pending');
      const declinedP = await participant(t, event, 'Dagmar Declined');
      await t.db.query(`UPDATE participation SET status = 'PENDING' WHERE account_id = $1`, [pendingP.accountId]);
      await t.db.query(`UPDATE participation SET status = 'DECLINED' WHERE account_id = $1`, [declinedP.accountId]);
      const otherEvent = await matchmakingEvent(t);
      const foreignOrganiser = otherEvent.organiser;

      // Directory / requests: who may read.
      const directory = (token?: string) => t.gql(DIRECTORY, { eventId: event.eventId }, token);
      expect(errorCode(await directory())).toBe('UNAUTHENTICATED');
      expect(errorCode(await directory(participantA.token))).toBeUndefined();
      expect(errorCode(await directory(speaker.token))).toBeUndefined();
      expect(errorCode(await directory(event.organiser.token))).toBeUndefined();
      expect(errorCode(await directory(foreignOrganiser.token))).toBe('FORBIDDEN');
      expect(errorCode(await directory(pendingP.token))).toBe('FORBIDDEN');
      expect(errorCode(await directory(declinedP.token))).toBe('FORBIDDEN');

      // A speaker sends a request like anyone else; pending and declined people cannot.
      const fromSpeaker = await sendRequest(t, event, speaker, participantA);
      const send = (token: string | undefined, onBehalfOf?: string) =>
        t.gql(SEND, { eventId: event.eventId, input: { recipientId: speaker.accountId }, onBehalfOf }, token);
      expect(errorCode(await send(undefined))).toBe('UNAUTHENTICATED');
      expect(errorCode(await send(pendingP.token))).toBe('FORBIDDEN');
      expect(errorCode(await send(declinedP.token))).toBe('FORBIDDEN');
      expect(errorCode(await send(foreignOrganiser.token))).toBe('FORBIDDEN');
      // A participant cannot act for someone else; an organiser of another event neither.
      expect(errorCode(await send(participantA.token, speaker.accountId))).toBe('FORBIDDEN');
      expect(errorCode(await send(foreignOrganiser.token, participantA.accountId))).toBe('FORBIDDEN');

      // The organiser acts on behalf: accepts for Pekka, books, sees all requests, cancels.
      const accepted = await t.ok(ACCEPT, { id: fromSpeaker.id, slotId: event.slots[1].id }, event.organiser.token);
      expect(accepted.acceptMeetingRequest.slot.id).toBe(event.slots[1].id);
      const third = await participant(t, event, 'Tuula Third');
      const onBehalf = await t.ok(SEND, { eventId: event.eventId, input: { recipientId: third.accountId }, onBehalfOf: participantA.accountId }, event.organiser.token);
      expect(onBehalf.sendMeetingRequest.status).toBe('PENDING');
      expect(coded(await send(event.organiser.token, pendingP.accountId))).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOT_A_PARTICIPANT' });
      const all = await t.ok(`query($e: ID!) { eventMeetingRequests(eventId: $e) { requester { name } recipient { name } status } }`, { e: event.eventId }, event.organiser.token);
      expect(all.eventMeetingRequests).toHaveLength(2);
      expect(errorCode(await t.gql(`query($e: ID!) { eventMeetingRequests(eventId: $e) { id } }`, { e: event.eventId }, participantA.token))).toBe('FORBIDDEN');
      const theirs = await t.ok(MY_MEETINGS, { eventId: event.eventId, onBehalfOf: participantA.accountId }, event.organiser.token);
      expect(theirs.myMeetings).toHaveLength(1);
      // Someone else's meeting does not exist for an outsider.
      const meetingId = accepted.acceptMeetingRequest.id;
      expect(errorCode(await t.gql(`mutation($id: ID!) { cancelMeeting(id: $id) { status } }`, { id: meetingId }, third.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(`mutation($id: ID!) { cancelMeeting(id: $id) { status } }`, { id: meetingId }, foreignOrganiser.token))).toBe('NOT_FOUND');
      const cancelled = await t.ok(`mutation($id: ID!) { cancelMeeting(id: $id, reason: "Venue change") { status cancelReason } }`, { id: meetingId }, event.organiser.token);
      expect(cancelled.cancelMeeting).toEqual({ status: 'CANCELLED', cancelReason: 'Venue change' });
      // Profile edits on behalf.
      const edited = await t.ok(UPDATE_PROFILE, { eventId: event.eventId, input: { pitch: 'Edited by the desk' }, onBehalfOf: participantA.accountId }, event.organiser.token);
      expect(edited.updateMatchmakingProfile.pitch).toBe('Edited by the desk');
    });
  });

  describe('recommendations', () => {
    it('ranks complementary partners with reasons and leaves out colleagues, met and declined people', async () => {
      const event = await matchmakingEvent(t);
      const me = await participant(t, event, 'Minna Mine', {
        organisation: { name: 'Kittilä Mine Test', type: 'SME', country: 'FI', region: 'Lapland' },
        profile: { themes: ['circular economy', 'mining technology'] },
        seeks: ['Partners for mine waste reuse'],
        offers: ['Access to a gold mine test site'],
      });
      await participant(t, event, 'Colin Colleague', {
        organisation: { name: 'Kittilä Mine Test', type: 'SME', country: 'FI', region: 'Lapland' },
        offers: ['Mine waste reuse consulting'],
      });
      const match = await participant(t, event, 'Teo Tailings', {
        organisation: { name: 'Tailings Test SL', type: 'RESEARCH', country: 'ES', region: 'Asturias' },
        profile: { themes: ['circular economy'] },
        offers: ['Tailings valorisation pilot plant for mine waste reuse'],
      });
      await participant(t, event, 'Nora Noise', {
        organisation: { name: 'Accounting Test', type: 'OTHER', country: 'FI', region: 'Lapland' },
        offers: ['Bookkeeping services'],
      });
      const declinedMe = await participant(t, event, 'Dmitri Declines', {
        organisation: { name: 'Waste Test', type: 'RESEARCH', country: 'GR', region: 'Sterea Ellada' },
        offers: ['Mine waste reuse research'],
      });
      const q = `query($e: ID!) { matchmakingRecommendations(eventId: $e, first: 5) {
        score participant { name } reasons { kind text points data { theirEntryId yourEntryId matchedTerms shared } } } }`;
      const before = (await t.ok(q, { e: event.eventId }, me.token)).matchmakingRecommendations;
      expect(before.map((r: { participant: { name: string } }) => r.participant.name)).toEqual(['Teo Tailings', 'Dmitri Declines', 'Nora Noise']);
      expect(before[0].reasons.find((r: { kind: string }) => r.kind === 'OFFER_MATCHES_SEEK')).toMatchObject({
        text: "their offer 'Tailings valorisation pilot plant for mine waste reuse' matches your request 'Partners for mine waste reuse'",
      });
      expect(before[0].reasons.map((r: { text: string }) => r.text)).toEqual(
        expect.arrayContaining(['shared themes: circular economy', 'different country (ES): cross-regional value']),
      );

      const request = await sendRequest(t, event, me, declinedMe);
      await t.ok(`mutation($id: ID!) { declineMeetingRequest(id: $id) { status } }`, { id: request.id }, declinedMe.token);
      await meetingBetween(t, event, me, match);
      const after = (await t.ok(q, { e: event.eventId }, me.token)).matchmakingRecommendations;
      expect(after.map((r: { participant: { name: string } }) => r.participant.name)).toEqual(['Nora Noise']);

      // Organisers tune the weights per event.
      await t.ok(SETTINGS, { eventId: event.eventId, input: { weights: { regionDiversity: 0, complementaryTypes: 0 } } }, event.organiser.token);
      const tuned = await t.ok(`query($e: ID!) { matchmakingSettings(eventId: $e) { weights { regionDiversity complementaryTypes offerMatchesSeek } } }`, { e: event.eventId }, me.token);
      expect(tuned.matchmakingSettings.weights).toEqual({ regionDiversity: 0, complementaryTypes: 0, offerMatchesSeek: 40 });
      expect(errorCode(await t.gql(q, { e: event.eventId }))).toBe('UNAUTHENTICATED');
    });
  });
});
