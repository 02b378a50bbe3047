// The web app's labels for API codes (apps/web/src/lib/code-labels.ts).
import { humanise, labelOf, outcomeLabel } from '../../apps/web/src/lib/code-labels.js';
import { en } from '../../apps/web/src/i18n/en.js';

describe('web code labels', () => {
  it('uses the text of the table, and words for a code it does not know', () => {
    expect(labelOf({ SENT: 'Sent' }, 'SENT')).toBe('Sent');
    expect(labelOf({}, 'MEETING_REQUEST_RECEIVED')).toBe('Meeting request received');
    expect(labelOf({}, 'toString')).toBe('Tostring');
    expect(humanise('')).toBe('');
  });

  it('reads round 1 as the expected outcome and later rounds as follow-up results', () => {
    const tables = { expected: en.feedback.outcomes, followUp: en.followUp.results };
    expect(outcomeLabel(tables, 1, 'NONE')).toBe(en.feedback.outcomes.NONE);
    expect(outcomeLabel(tables, 2, 'AGREEMENT_SIGNED')).toBe(en.followUp.results.AGREEMENT_SIGNED);
    expect(outcomeLabel(tables, 3, 'NOTHING')).toBe(en.followUp.results.NOTHING);
  });

  it('has a text for every delivery kind and conflict kind the API has', () => {
    const kinds = ['ACCOUNT_INVITATION', 'ANNOUNCEMENT', 'DAILY_DIGEST', 'FOLLOW_UP_REMINDER', 'PASSWORD_RESET', 'MATCHMAKING_REMINDER', 'MATERIALS_MISSING', 'MEETING_MOVED', 'MEETING_ONLINE_LINK', 'MEETING_REMINDER',
      'MEETING_REQUEST_ACCEPTED', 'MEETING_REQUEST_CANCELLED', 'MEETING_REQUEST_DECLINED', 'MEETING_REQUEST_EXPIRED',
      'MEETING_REQUEST_RECEIVED', 'MEETING_REQUEST_RESCHEDULED', 'MEETING_REQUEST_UPDATED', 'MEETING_SCHEDULED', 'REGISTRATION_APPROVED',
      'REGISTRATION_DECLINED', 'REGISTRATION_RECEIVED', 'SEAT_CONFIRMED', 'SEAT_PROMOTED', 'SESSION_CANCELLED', 'SESSION_MESSAGE', 'SESSION_MOVED', 'SESSION_REMINDER'];
    for (const k of kinds) expect(Object.keys(en.messages.kinds)).toContain(k);
    for (const k of ['OUTSIDE_EVENT', 'OVER_ROOM_CAPACITY', 'PERSON_DOUBLE_BOOKED', 'ROOM_DOUBLE_BOOKED']) expect(Object.keys(en.builder.conflictKinds)).toContain(k);
  });
});
