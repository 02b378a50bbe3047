// My agenda's one timeline (apps/web/src/lib/timeline.ts) and the event-zone wall clock of the
// agenda builder's inputs (time-display.ts), compiled here by tsc.
import { buildTimeline } from '../../apps/web/src/lib/timeline.js';
import { isoToZonedLocal, zonedLocalToIso } from '../../apps/web/src/lib/time-display.js';

const session = (id: string, startsAt: string, endsAt: string) => ({
  id, title: `Session ${id}`, startsAt, endsAt, status: 'PUBLISHED', room: { name: 'Hall' }, roundTables: [{ id: `t${id}`, topic: `Topic ${id}` }],
});

describe('web my-agenda timeline', () => {
  it('merges sessions and meetings in time order, unscheduled meetings last', () => {
    const entries = buildTimeline(
      [{ reasons: ['BOOKMARKED'], overlaps: false, session: session('b', '2030-04-26T08:00:00.000Z', '2030-04-26T09:00:00.000Z') }],
      [
        { id: 'm1', status: 'CONFIRMED', tableNumber: 3, onlineUrl: 'https://video.example/xena', slot: { startsAt: '2030-04-26T07:00:00.000Z', endsAt: '2030-04-26T07:20:00.000Z' }, requester: { accountId: 'me', name: 'Me' }, recipient: { accountId: 'x', name: 'Xena' } },
        { id: 'm2', status: 'CONFIRMED', tableNumber: null, slot: null, requester: { accountId: 'y', name: 'Yrjö' }, recipient: { accountId: 'me', name: 'Me' } },
        { id: 'm3', status: 'CANCELLED', slot: null, requester: { accountId: 'z', name: 'Zoe' }, recipient: { accountId: 'me', name: 'Me' } },
      ],
      'me',
    );
    expect(entries.map((e) => e.title)).toEqual(['Meeting with Xena', 'Session b', 'Meeting with Yrjö']);
    expect(entries[0].place).toBe('Table 3');
    // Xena joins by video: the link is named for the meeting it belongs to.
    expect(entries[0].online).toEqual({ url: 'https://video.example/xena', label: 'Join online: meeting with Xena' });
    expect(entries.slice(1).every((e) => !e.online)).toBe(true);
    expect(entries.every((e) => !e.overlaps)).toBe(true);
  });

  it('flags a meeting that clashes with a seat, keeps the API flag of sessions, and ignores places in line', () => {
    const entries = buildTimeline(
      [
        { reasons: ['SEATED'], seatStatus: 'SEATED', roundTableId: 'ta', overlaps: false, session: session('a', '2030-04-26T07:00:00.000Z', '2030-04-26T08:00:00.000Z') },
        { reasons: ['WAITING'], seatStatus: 'WAITING', waitingPosition: 2, roundTableId: 'tc', overlaps: false, session: session('c', '2030-04-26T09:00:00.000Z', '2030-04-26T10:00:00.000Z') },
        { reasons: ['SPEAKER'], overlaps: true, session: session('d', '2030-04-26T11:00:00.000Z', '2030-04-26T12:00:00.000Z') },
      ],
      [
        { id: 'm1', status: 'CONFIRMED', tableNumber: 1, slot: { startsAt: '2030-04-26T07:40:00.000Z', endsAt: '2030-04-26T08:00:00.000Z' }, requester: { accountId: 'me', name: 'Me' }, recipient: { accountId: 'x', name: 'Xena' } },
        { id: 'm2', status: 'CONFIRMED', tableNumber: 2, slot: { startsAt: '2030-04-26T09:20:00.000Z', endsAt: '2030-04-26T09:40:00.000Z' }, requester: { accountId: 'me', name: 'Me' }, recipient: { accountId: 'y', name: 'Yrjö' } },
      ],
      'me',
    );
    const byTitle = Object.fromEntries(entries.map((e) => [e.title, e]));
    expect(byTitle['Session a: Topic a'].overlaps).toBe(true);
    expect(byTitle['Meeting with Xena'].overlaps).toBe(true);
    expect(byTitle['Session c: Topic c'].badges).toContain('Waiting list, position 2');
    expect(byTitle['Meeting with Yrjö'].overlaps).toBe(false);
    expect(byTitle['Session d'].overlaps).toBe(true);
  });
});

describe('web event-zone wall clock', () => {
  it('turns an event-zone wall-clock time into the instant and back, across DST', () => {
    expect(zonedLocalToIso('2030-04-26T09:00', 'Europe/Helsinki')).toBe('2030-04-26T06:00:00.000Z');
    expect(zonedLocalToIso('2030-01-15T09:00', 'Europe/Helsinki')).toBe('2030-01-15T07:00:00.000Z');
    expect(zonedLocalToIso('2030-03-31T04:30', 'Europe/Helsinki')).toBe('2030-03-31T01:30:00.000Z');
    expect(zonedLocalToIso('not a time', 'Europe/Helsinki')).toBeNull();
    expect(isoToZonedLocal('2030-04-26T06:00:00.000Z', 'Europe/Helsinki')).toBe('2030-04-26T09:00');
  });
});
