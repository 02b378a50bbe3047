import { type TestApp } from './test-app.js';

export const THEMES = ['critical raw materials', 'circular economy', 'digitalisation', 'water', 'mining technology', 'education'];
export const SECTORS = ['mining', 'ICT', 'public sector', 'research', 'finance'];

/** Two meeting windows on 26 and 27 April 2030 (Helsinki is UTC+3): 3 slots of 20 minutes each. */
export const WINDOWS = [
  { startsAt: '2030-04-26T10:00:00.000Z', endsAt: '2030-04-26T11:00:00.000Z' },
  { startsAt: '2030-04-27T07:00:00.000Z', endsAt: '2030-04-27T08:00:00.000Z' },
];

export interface Person {
  token: string;
  accountId: string;
  name: string;
}

export interface MatchmakingEvent {
  eventId: string;
  organiser: Person;
  slots: { id: string; startsAt: string; endsAt: string }[];
}

export const SETTINGS = `mutation($eventId: ID!, $input: MatchmakingSettingsInput!) {
  updateMatchmakingSettings(eventId: $eventId, input: $input) {
    meetingMinutes tableCount mode requestsOpen maxMeetingsPerParticipant themes
    tables { number name } slots { id startsAt endsAt } windows { startsAt endsAt }
  }
}`;

let counter = 0;

/** A published event with matchmaking settings, its organiser, and its slots. */
export async function matchmakingEvent(t: TestApp, settings: Record<string, unknown> = {}): Promise<MatchmakingEvent> {
  const n = ++counter;
  const organiser = await person(t, `Olga Organiser ${n}`);
  const { createEvent } = await t.ok(
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    { input: { name: `Matchmaking test ${n}`, slug: `mm-test-${n}-${Math.random().toString(36).slice(2, 8)}`, timeZone: 'Europe/Helsinki', startsOn: '2030-04-25', endsOn: '2030-04-27' } },
    organiser.token,
  );
  await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { status } }`, { id: createEvent.id }, organiser.token);
  const { updateMatchmakingSettings } = await t.ok(
    SETTINGS,
    { eventId: createEvent.id, input: { windows: WINDOWS, tableCount: 3, themes: THEMES, sectors: SECTORS, ...settings } },
    organiser.token,
  );
  return { eventId: createEvent.id, organiser, slots: updateMatchmakingSettings.slots };
}

/** An account, optionally with an organisation. */
export async function person(
  t: TestApp,
  name: string,
  organisation?: { name: string; type: string; country?: string; region?: string },
): Promise<Person> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${++counter}@test.example`;
  const data = await t.ok(
    `mutation($input: RegisterAccountInput!) { register(input: $input) { token account { id } } }`,
    { input: { email, name, password: 'correct horse battery', organisation: organisation ?? null, consentVersion: '2026-11' } },
  );
  return { token: data.register.token, accountId: data.register.account.id, name };
}

/** A person registered for the event (approved) and taking part in matchmaking. */
export async function participant(
  t: TestApp,
  event: MatchmakingEvent,
  name: string,
  options: {
    organisation?: { name: string; type: string; country?: string; region?: string };
    profile?: Record<string, unknown>;
    offers?: string[];
    seeks?: string[];
  } = {},
): Promise<Person> {
  const p = await person(t, name, options.organisation);
  await t.ok(`mutation($eventId: ID!) { registerForEvent(eventId: $eventId, consentVersion: "2026-11") { status } }`, { eventId: event.eventId }, p.token);
  await t.ok(
    `mutation($eventId: ID!, $input: MatchmakingProfileInput!) { updateMatchmakingProfile(eventId: $eventId, input: $input) { accountId } }`,
    { eventId: event.eventId, input: { takingPart: true, ...options.profile } },
    p.token,
  );
  for (const [direction, titles] of [['OFFER', options.offers ?? []], ['SEEK', options.seeks ?? []]] as const) {
    for (const title of titles) {
      await t.ok(
        `mutation($eventId: ID!, $input: MarketplaceEntryInput!) { addMarketplaceEntry(eventId: $eventId, input: $input) { id } }`,
        { eventId: event.eventId, input: { direction, kind: 'EXPERTISE', title } },
        p.token,
      );
    }
  }
  return p;
}

export const SEND = `mutation($eventId: ID!, $input: SendMeetingRequestInput!, $onBehalfOf: ID) {
  sendMeetingRequest(eventId: $eventId, input: $input, onBehalfOf: $onBehalfOf) { id status expiresAt priority proposedSlot { id } }
}`;
export const ACCEPT = `mutation($id: ID!, $slotId: ID, $tableNumber: Int) {
  acceptMeetingRequest(id: $id, slotId: $slotId, tableNumber: $tableNumber) { id status tableNumber slot { id startsAt } }
}`;
export const BOOK = `mutation($id: ID!, $slotId: ID!, $tableNumber: Int) {
  bookMeeting(id: $id, slotId: $slotId, tableNumber: $tableNumber) { id tableNumber slot { id } }
}`;

export async function sendRequest(t: TestApp, event: MatchmakingEvent, from: Person, to: Person, extra: Record<string, unknown> = {}) {
  const { sendMeetingRequest } = await t.ok(SEND, { eventId: event.eventId, input: { recipientId: to.accountId, ...extra } }, from.token);
  return sendMeetingRequest as { id: string; status: string; expiresAt: string | null };
}

/** A request from `a` to `b`, accepted by `b`; returns the meeting. */
export async function meetingBetween(t: TestApp, event: MatchmakingEvent, a: Person, b: Person, slotId?: string, tableNumber?: number) {
  const request = await sendRequest(t, event, a, b);
  const { acceptMeetingRequest } = await t.ok(ACCEPT, { id: request.id, slotId, tableNumber }, b.token);
  return acceptMeetingRequest as { id: string; tableNumber: number | null; slot: { id: string } | null };
}
