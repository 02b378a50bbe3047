import { ACCEPT, matchmakingEvent, type MatchmakingEvent, participant, person, type Person, sendRequest, SETTINGS } from '../support/matchmaking-fixtures.js';
import { errorCode, TestApp } from '../support/test-app.js';

const UPDATE = `mutation($id: ID!, $input: UpdateMeetingRequestInput!) {
  updateMeetingRequest(id: $id, input: $input) { id status message priority editedAt expiresAt proposedSlot { id } }
}`;
const INCOMING = `query($eventId: ID!) { meetingRequests(eventId: $eventId, direction: INCOMING) { id message editedAt proposedSlot { id } } }`;

/**
 * Changing a pending meeting request instead of withdrawing it and sending another (which the
 * product brief names as a weakness of Brella and Swapcard): who may, what changes, what the
 * person asked is told, and what stays (the expiry).
 */
describe('changing a pending meeting request', () => {
  let t: TestApp;
  let event: MatchmakingEvent;
  let anna: Person;
  let bert: Person;
  let carl: Person;

  beforeAll(async () => {
    t = await TestApp.start();
    event = await matchmakingEvent(t, { mode: 'PARTICIPANTS_PICK_SLOT', expireAfterHours: 72 });
    anna = await participant(t, event, 'Anna Asker');
    bert = await participant(t, event, 'Bert Bidden');
    carl = await participant(t, event, 'Carl Curious');
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** The messages the person asked was sent about this request, oldest first. */
  const updateMessages = async (requestId: string) =>
    (await t.db.query(
      `SELECT subject_revision::int AS revision, data->>'message' AS message, recipient_account_id AS "to"
         FROM notification_delivery WHERE kind = 'MEETING_REQUEST_UPDATED' AND subject_id = $1 ORDER BY subject_revision`,
      [requestId],
    )) as { revision: number; message: string; to: string }[];

  it('lets the requester change the message and the proposed time; the person asked sees it and is told once per change', async () => {
    const request = await sendRequest(t, event, anna, bert, { message: 'Coffee?', proposedSlotId: event.slots[0].id });
    const { updateMeetingRequest: changed } = await t.ok(UPDATE, { id: request.id, input: { message: '  Lunch instead?  ', proposedSlotId: event.slots[2].id } }, anna.token);
    expect(changed).toMatchObject({ status: 'PENDING', message: 'Lunch instead?', proposedSlot: { id: event.slots[2].id }, expiresAt: request.expiresAt });
    expect(changed.editedAt).not.toBeNull();

    const { meetingRequests } = await t.ok(INCOMING, { eventId: event.eventId }, bert.token);
    expect(meetingRequests.find((r: { id: string }) => r.id === request.id)).toMatchObject({ message: 'Lunch instead?', proposedSlot: { id: event.slots[2].id }, editedAt: changed.editedAt });
    expect(await updateMessages(request.id)).toEqual([{ revision: 1, message: 'Lunch instead?', to: bert.accountId }]);

    // The priority is the requester's own: changed, but nobody is told.
    const { updateMeetingRequest: prioritised } = await t.ok(UPDATE, { id: request.id, input: { priority: 1 } }, anna.token);
    expect(prioritised).toMatchObject({ priority: 1, message: 'Lunch instead?' });
    expect(await updateMessages(request.id)).toHaveLength(1);

    // Saying the same again changes nothing and sends nothing.
    const { updateMeetingRequest: same } = await t.ok(UPDATE, { id: request.id, input: { message: 'Lunch instead?', priority: 1 } }, anna.token);
    expect(same.editedAt).toBe(prioritised.editedAt);

    // null clears: no message, no proposed time; a second message, numbered by the request's third change.
    const { updateMeetingRequest: cleared } = await t.ok(UPDATE, { id: request.id, input: { message: null, proposedSlotId: null } }, anna.token);
    expect(cleared).toMatchObject({ message: null, proposedSlot: null, expiresAt: request.expiresAt });
    expect((await updateMessages(request.id)).map((m) => m.revision)).toEqual([1, 3]);
  });

  it('is for the requester and the organisers only, and only while the request is pending', async () => {
    const request = await sendRequest(t, event, anna, carl, { message: 'Hello' });
    const attempt = (token?: string) => t.gql(UPDATE, { id: request.id, input: { message: 'Changed' } }, token);

    const asked = await attempt(carl.token);
    expect(errorCode(asked)).toBe('FORBIDDEN');
    expect(asked.errors![0].message).toBe('Only the requester can change this request.');
    expect(errorCode(await attempt(bert.token))).toBe('NOT_FOUND'); // a stranger learns nothing
    const outsider = await person(t, 'Otto Outsider');
    expect(errorCode(await attempt(outsider.token))).toBe('NOT_FOUND');
    expect(errorCode(await attempt())).toBe('UNAUTHENTICATED');
    const otherOrganiser = (await matchmakingEvent(t)).organiser;
    expect(errorCode(await attempt(otherOrganiser.token))).toBe('NOT_FOUND');
    // The event's organisers may, on the requester's behalf.
    expect((await t.ok(UPDATE, { id: request.id, input: { message: 'Changed by the desk' } }, event.organiser.token)).updateMeetingRequest.message).toBe('Changed by the desk');

    await t.ok(ACCEPT, { id: request.id }, carl.token);
    const late = await attempt(anna.token);
    expect(errorCode(late)).toBe('CONFLICT');
    expect(late.errors![0].extensions!.reason).toBe('INVALID_STATE');
  });

  it('refuses bad input at its field and keeps the request as it was', async () => {
    const request = await sendRequest(t, event, bert, carl, { message: 'Original', proposedSlotId: event.slots[1].id });
    const refusals: { input: Record<string, unknown>; code: string; field: string }[] = [
      { input: { message: 'x'.repeat(2001) }, code: 'BAD_USER_INPUT', field: 'message' },
      { input: { priority: 5 }, code: 'BAD_USER_INPUT', field: 'priority' },
      { input: { proposedSlotId: '00000000-0000-4000-8000-000000000000' }, code: 'BAD_USER_INPUT', field: 'proposedSlotId' },
    ];
    for (const { input, code, field } of refusals) {
      const res = await t.gql(UPDATE, { id: request.id, input }, bert.token);
      expect(errorCode(res)).toBe(code);
      expect(res.errors![0].extensions!.field).toBe(field);
    }
    // Where the organisers place meetings, nobody proposes a time.
    await t.ok(SETTINGS, { eventId: event.eventId, input: { mode: 'ORGANISER_SCHEDULES' } }, event.organiser.token);
    const organiserMode = await t.gql(UPDATE, { id: request.id, input: { proposedSlotId: event.slots[0].id } }, bert.token);
    expect(errorCode(organiserMode)).toBe('FORBIDDEN');
    await t.ok(SETTINGS, { eventId: event.eventId, input: { mode: 'PARTICIPANTS_PICK_SLOT' } }, event.organiser.token);

    const { meetingRequests } = await t.ok(INCOMING, { eventId: event.eventId }, carl.token);
    expect(meetingRequests.find((r: { id: string }) => r.id === request.id)).toMatchObject({ message: 'Original', proposedSlot: { id: event.slots[1].id }, editedAt: null });
    expect(await updateMessages(request.id)).toEqual([]);
  });
});
