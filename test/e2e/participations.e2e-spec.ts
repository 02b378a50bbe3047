import { errorCode, TestApp } from '../support/test-app.js';

const REGISTER = `mutation($eventId: ID!) { registerForEvent(eventId: $eventId, consentVersion: "2026-11") { id role status } }`;
const CANCEL = `mutation($eventId: ID!) { cancelMyRegistration(eventId: $eventId) { status } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!) { decideRegistration(participationId: $id, approve: $approve) { status } }`;
const SET_ROLE = `mutation($id: ID!, $role: ParticipantRole!) { setParticipantRole(participationId: $id, role: $role) { role } }`;
const LIST = `query($eventId: ID!) { participants(eventId: $eventId) { id role status account { name email organisation { name } } } }`;

interface Person {
  token: string;
  accountId: string;
}

describe('participations and roles (GraphQL end to end)', () => {
  let t: TestApp;
  let organiser: Person;
  let otherOrganiser: Person;
  let eventId: string;

  async function createEvent(owner: Person, slug: string, requiresApproval: boolean) {
    const { createEvent } = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: slug, slug, timeZone: 'Europe/Helsinki', startsOn: '2023-04-25', endsOn: '2023-04-27', requiresApproval } },
      owner.token,
    );
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { id } }`, { id: createEvent.id }, owner.token);
    return createEvent.id as string;
  }

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.signUp('Event Organiser');
    otherOrganiser = await t.signUp('Another Organiser');
    eventId = await createEvent(organiser, 'approval-event', true);
    await createEvent(otherOrganiser, 'someone-elses-event', false);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('takes a registration as pending, and only the organiser decides it', async () => {
    const participant = await t.signUp('Pending Person');
    const { registerForEvent } = await t.ok(REGISTER, { eventId }, participant.token);
    expect(registerForEvent).toMatchObject({ role: 'PARTICIPANT', status: 'PENDING' });

    expect(errorCode(await t.gql(DECIDE, { id: registerForEvent.id, approve: true }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(DECIDE, { id: registerForEvent.id, approve: true }, participant.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(DECIDE, { id: registerForEvent.id, approve: true }, otherOrganiser.token))).toBe('FORBIDDEN');
    const approved = await t.ok(DECIDE, { id: registerForEvent.id, approve: true }, organiser.token);
    expect(approved.decideRegistration.status).toBe('APPROVED');

    expect(errorCode(await t.gql(REGISTER, { eventId }, participant.token))).toBe('CONFLICT');
    expect((await t.ok(CANCEL, { eventId }, participant.token)).cancelMyRegistration.status).toBe('CANCELLED');
    // Coming back after cancelling is a new registration, pending again.
    expect((await t.ok(REGISTER, { eventId }, participant.token)).registerForEvent.status).toBe('PENDING');
  });

  it('does not let a declined person re-register, nor anyone register for a draft', async () => {
    const declined = await t.signUp('Declined Person');
    const { registerForEvent } = await t.ok(REGISTER, { eventId }, declined.token);
    await t.ok(DECIDE, { id: registerForEvent.id, approve: false }, organiser.token);
    const again = await t.gql(REGISTER, { eventId }, declined.token);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.reason).toBe('REGISTRATION_DECLINED');

    const { createEvent: draft } = await t.ok(
      `mutation { createEvent(input: { name: "Draft", slug: "a-draft", timeZone: "Europe/London", startsOn: "2024-03-30", endsOn: "2024-03-31" }) { id } }`,
      {},
      organiser.token,
    );
    expect(errorCode(await t.gql(REGISTER, { eventId: draft.id }, declined.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(REGISTER, { eventId }))).toBe('UNAUTHENTICATED');
  });

  it('shows the participant list to the event organisers only', async () => {
    const participant = await t.signUp('Curious Participant');
    await t.ok(REGISTER, { eventId }, participant.token);
    expect(errorCode(await t.gql(LIST, { eventId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(LIST, { eventId }, participant.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LIST, { eventId }, otherOrganiser.token))).toBe('FORBIDDEN');
    const { participants } = await t.ok(LIST, { eventId }, organiser.token);
    expect(participants.map((p: { account: { name: string } }) => p.account.name)).toEqual(
      expect.arrayContaining(['Event Organiser', 'Curious Participant']),
    );
  });

  it('lets organisers make speakers and co-organisers, but never remove the last organiser', async () => {
    const speaker = await t.signUp('Future Speaker');
    const { registerForEvent } = await t.ok(REGISTER, { eventId }, speaker.token);
    await t.ok(DECIDE, { id: registerForEvent.id, approve: true }, organiser.token);
    expect(errorCode(await t.gql(SET_ROLE, { id: registerForEvent.id, role: 'ORGANISER' }, speaker.token))).toBe('FORBIDDEN');
    expect((await t.ok(SET_ROLE, { id: registerForEvent.id, role: 'SPEAKER' }, organiser.token)).setParticipantRole.role).toBe('SPEAKER');
    // A speaker has no organiser rights.
    expect(errorCode(await t.gql(LIST, { eventId }, speaker.token))).toBe('FORBIDDEN');

    const { participants } = await t.ok(`query($eventId: ID!) { participants(eventId: $eventId, role: ORGANISER) { id } }`, { eventId }, organiser.token);
    expect(participants).toHaveLength(1);
    const last = await t.gql(SET_ROLE, { id: participants[0].id, role: 'PARTICIPANT' }, organiser.token);
    expect(last.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ORGANISER' });
    expect(errorCode(await t.gql(CANCEL, { eventId }, organiser.token))).toBe('CONFLICT');
  });

  it('lets exactly one of many concurrent duplicate registrations win', async () => {
    const eager = await t.signUp('Eager Clicker');
    const results = await Promise.all(Array.from({ length: 12 }, () => t.gql(REGISTER, { eventId }, eager.token)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(11).fill('CONFLICT'));
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM participation WHERE event_id = $1 AND account_id = $2`,
      [eventId, eager.accountId],
    );
    expect(count).toBe(1);
  });

  it('lists my events and registrations', async () => {
    const person = await t.signUp('Busy Person');
    await t.ok(REGISTER, { eventId }, person.token);
    const { myEvents, myParticipations } = await t.ok(`{ myEvents { slug } myParticipations { status event { slug } } }`, {}, person.token);
    expect(myEvents).toEqual([{ slug: 'approval-event' }]);
    expect(myParticipations).toEqual([{ status: 'PENDING', event: { slug: 'approval-event' } }]);
    expect(errorCode(await t.gql(`{ myEvents { slug } }`))).toBe('UNAUTHENTICATED');
  });
});
