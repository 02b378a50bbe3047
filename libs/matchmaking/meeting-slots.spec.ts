import { generateSlots, isWindowProblem, overlaps } from './meeting-slots.js';

describe('generateSlots', () => {
  it('splits each window into back-to-back meetings and drops a short remainder', () => {
    const slots = generateSlots(
      [
        { startsAt: '2023-04-27T10:00:00Z', endsAt: '2023-04-27T11:10:00Z' },
        { startsAt: '2023-04-26T13:00:00Z', endsAt: '2023-04-26T13:40:00Z' },
      ],
      20,
    );
    if (isWindowProblem(slots)) throw new Error(slots.message);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2023-04-26T13:00:00.000Z',
      '2023-04-26T13:20:00.000Z',
      '2023-04-27T10:00:00.000Z',
      '2023-04-27T10:20:00.000Z',
      '2023-04-27T10:40:00.000Z',
    ]);
    expect(slots[4].endsAt.toISOString()).toBe('2023-04-27T11:00:00.000Z');
  });

  it('refuses overlapping, too short and unparsable windows, naming the window', () => {
    const overlap = generateSlots(
      [
        { startsAt: '2023-04-26T13:00:00Z', endsAt: '2023-04-26T14:00:00Z' },
        { startsAt: '2023-04-26T13:30:00Z', endsAt: '2023-04-26T15:00:00Z' },
      ],
      20,
    );
    expect(overlap).toEqual({ field: 'windows.1', message: expect.stringContaining('overlap') });
    expect(generateSlots([{ startsAt: '2023-04-26T13:00:00Z', endsAt: '2023-04-26T13:10:00Z' }], 20)).toMatchObject({ field: 'windows.0' });
    expect(generateSlots([{ startsAt: 'noon', endsAt: '2023-04-26T13:10:00Z' }], 20)).toMatchObject({ field: 'windows.0' });
  });

  it('detects overlapping intervals, half-open', () => {
    const a = { startsAt: new Date('2023-04-26T13:00:00Z'), endsAt: new Date('2023-04-26T13:20:00Z') };
    const b = { startsAt: new Date('2023-04-26T13:20:00Z'), endsAt: new Date('2023-04-26T13:40:00Z') };
    expect(overlaps(a, b)).toBe(false);
    expect(overlaps(a, { startsAt: new Date('2023-04-26T13:19:00Z'), endsAt: b.endsAt })).toBe(true);
  });
});
