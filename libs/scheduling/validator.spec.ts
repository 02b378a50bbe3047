import { validateSolution, type SchedulingInstance, type SchedulingSolution, type Violation } from './index.js';

// 3 people, 2 slots (2 tables, 1 table); person 2 is unavailable in slot 1 and may meet once.
const instance: SchedulingInstance = {
  schema: 'b2b-sched-instance/v1',
  name: 'tiny',
  slots: [
    { id: 0, tables: 2 },
    { id: 1, tables: 1 },
  ],
  participants: [
    { id: 0, maxMeetings: 2, unavailable: [] },
    { id: 1, maxMeetings: 2, unavailable: [] },
    { id: 2, maxMeetings: 1, unavailable: [1] },
    { id: 3, maxMeetings: 2, unavailable: [] },
  ],
  meetings: [
    { id: 0, a: 0, b: 1, requester: 0, priority: 1 },
    { id: 1, a: 0, b: 2, requester: 2, priority: 2 },
    { id: 2, a: 1, b: 2, requester: 1, priority: 3 },
    { id: 3, a: 2, b: 3, requester: 3, priority: 1, locked: { slot: 0, table: 1 } },
  ],
};

function codes(assignments: SchedulingSolution['assignments']): Violation['code'][] {
  return validateSolution(instance, { instance: 'tiny', assignments }).map((v) => v.code);
}

describe('validateSolution', () => {
  it('accepts a valid schedule', () => {
    expect(codes([
      { meeting: 3, slot: 0, table: 1 },
      { meeting: 0, slot: 0, table: 0 },
    ])).toEqual([]);
  });

  it('flags unknown and duplicate meetings', () => {
    expect(codes([{ meeting: 3, slot: 0, table: 1 }, { meeting: 9, slot: 0, table: 0 }])).toEqual(['UNKNOWN_MEETING']);
    expect(codes([{ meeting: 3, slot: 0, table: 1 }, { meeting: 3, slot: 0, table: 1 }])).toEqual(['DUPLICATE_MEETING']);
  });

  it('flags slots and tables that do not exist', () => {
    expect(codes([{ meeting: 3, slot: 0, table: 1 }, { meeting: 0, slot: 5, table: 0 }])).toEqual(['BAD_SLOT']);
    expect(codes([{ meeting: 3, slot: 0, table: 1 }, { meeting: 0, slot: 1, table: 1 }])).toEqual(['BAD_TABLE']);
  });

  it('flags a table used twice in a slot', () => {
    expect(codes([{ meeting: 3, slot: 0, table: 1 }, { meeting: 0, slot: 0, table: 1 }])).toEqual(['TABLE_DOUBLE_BOOKED']);
  });

  it('flags a participant in two meetings of one slot', () => {
    expect(codes([
      { meeting: 3, slot: 0, table: 1 },
      { meeting: 0, slot: 1, table: 0 },
      { meeting: 2, slot: 0, table: 0 },
    ])).toEqual(['PARTICIPANT_DOUBLE_BOOKED', 'MAX_MEETINGS_EXCEEDED']);
  });

  it('flags an unavailable participant', () => {
    expect(codes([{ meeting: 3, slot: 0, table: 1 }, { meeting: 1, slot: 1, table: 0 }])).toContain('PARTICIPANT_UNAVAILABLE');
  });

  it('flags more meetings than maxMeetings', () => {
    expect(codes([{ meeting: 3, slot: 0, table: 1 }, { meeting: 1, slot: 0, table: 0 }])).toEqual(
      expect.arrayContaining(['MAX_MEETINGS_EXCEEDED']),
    );
  });

  it('flags a locked meeting that is moved or missing', () => {
    expect(codes([{ meeting: 3, slot: 0, table: 0 }])).toEqual(['LOCK_VIOLATED']);
    expect(codes([])).toEqual(['LOCK_VIOLATED']);
  });
});
