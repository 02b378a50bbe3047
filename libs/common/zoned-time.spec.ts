import { daysBetween, formatInZone, reminderDueAt, shiftWallClock, zonedWallTimeToInstant, zoneOffsetMs } from './zoned-time.js';

const HELSINKI = 'Europe/Helsinki';

describe('reminder due times across daylight-saving changes', () => {
  // Europe/Helsinki springs forward on Sunday 26 March 2023 at 03:00 (UTC+2 -> UTC+3).
  const sundayMorning = new Date('2023-03-26T06:00:00Z'); // 09:00 EEST, after the change

  it('keeps the local time of day for whole-day offsets (23 real hours over the spring change)', () => {
    const due = reminderDueAt(sundayMorning, 1440, HELSINKI);
    expect(due.toISOString()).toBe('2023-03-25T07:00:00.000Z'); // Saturday 09:00 EET
    expect((sundayMorning.getTime() - due.getTime()) / 3_600_000).toBe(23);
    // A day later nothing changes: Monday 09:00 EEST -> Sunday 09:00 EEST, 24 hours.
    expect(reminderDueAt(new Date('2023-03-27T06:00:00Z'), 1440, HELSINKI).toISOString()).toBe('2023-03-26T06:00:00.000Z');
  });

  it('counts 25 real hours for a day over the autumn change', () => {
    // Back to UTC+2 on Sunday 29 October 2023 at 04:00.
    const sundayMorning = new Date('2023-10-29T07:00:00Z'); // 09:00 EET, after the change
    const due = reminderDueAt(sundayMorning, 1440, HELSINKI);
    expect(due.toISOString()).toBe('2023-10-28T06:00:00.000Z'); // Saturday 09:00 EEST
    expect(formatInZone(due, HELSINKI)).toContain('09:00');
    expect((sundayMorning.getTime() - due.getTime()) / 3_600_000).toBe(25);
  });

  it('treats shorter offsets as exact durations, even across the gap', () => {
    const justAfterGap = new Date('2023-03-26T01:10:00Z'); // 04:10 EEST
    expect(reminderDueAt(justAfterGap, 15, HELSINKI).toISOString()).toBe('2023-03-26T00:55:00.000Z'); // 02:55 EET
    expect(reminderDueAt(justAfterGap, 120, HELSINKI).toISOString()).toBe('2023-03-25T23:10:00.000Z');
  });

  it('moves a whole-day reminder that falls into the spring gap forward, and takes the first of a repeated hour', () => {
    // 03:30 does not exist in Helsinki on 26 March 2023.
    const start = new Date('2023-03-27T00:30:00Z'); // Monday 03:30 EEST
    expect(reminderDueAt(start, 1440, HELSINKI).toISOString()).toBe('2023-03-26T01:30:00.000Z'); // 04:30 EEST
    // 03:30 happens twice on 29 October 2023; the first is 03:30 EEST = 00:30Z.
    expect(zonedWallTimeToInstant({ year: 2023, month: 10, day: 29, hour: 3, minute: 30 }, HELSINKI).toISOString()).toBe(
      '2023-10-29T00:30:00.000Z',
    );
  });

  it('knows the offsets and renders in the zone', () => {
    expect(zoneOffsetMs(new Date('2023-01-15T12:00:00Z'), HELSINKI)).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(new Date('2023-07-15T12:00:00Z'), HELSINKI)).toBe(3 * 3_600_000);
    expect(formatInZone(new Date('2023-04-25T06:30:00Z'), HELSINKI)).toBe('Tue, 25 Apr 2023, 09:30 EEST');
    expect(formatInZone(new Date('2023-03-26T00:30:00Z'), 'Europe/London')).toContain('00:30 GMT');
  });
});

describe('moving an instant by whole days on the wall clock (copying an event)', () => {
  it('keeps 09:00 in Helsinki from winter into summer time', () => {
    const days = daysBetween('2031-02-11', '2031-04-08');
    expect(days).toBe(56);
    // 09:00 EET (UTC+2) -> 09:00 EEST (UTC+3)
    expect(shiftWallClock(new Date('2031-02-11T07:00:00Z'), days, HELSINKI, HELSINKI).toISOString()).toBe('2031-04-08T06:00:00.000Z');
  });

  it('keeps the wall time when the zone changes too, and moves backwards', () => {
    expect(shiftWallClock(new Date('2031-02-11T07:00:00Z'), 1, HELSINKI, 'Europe/Lisbon').toISOString()).toBe('2031-02-12T09:00:00.000Z');
    expect(daysBetween('2031-04-08', '2031-02-11')).toBe(-56);
    expect(shiftWallClock(new Date('2031-04-08T06:00:30.250Z'), -56, HELSINKI, HELSINKI).toISOString()).toBe('2031-02-11T07:00:30.250Z');
  });
});
