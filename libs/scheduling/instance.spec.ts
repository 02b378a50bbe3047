import { InstanceError, parseInstance } from './index.js';

const base = () => ({
  schema: 'b2b-sched-instance/v1',
  name: 'x',
  params: { anything: true },
  slots: [{ id: 0, tables: 1, start: '09:30' }, { id: 1, tables: 1 }],
  participants: [
    { id: 0, maxMeetings: 2, unavailable: [], region: 'AT' },
    { id: 1, maxMeetings: 2, unavailable: [1] },
    { id: 2, maxMeetings: 2, unavailable: [] },
  ],
  meetings: [
    { id: 0, a: 0, b: 1, requester: 0, priority: 1, note: 'ignored' },
    { id: 1, a: 0, b: 2, requester: 2, priority: 3 },
  ],
});

function problemsOf(raw: unknown): string[] {
  try {
    parseInstance(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(InstanceError);
    return (e as InstanceError).problems;
  }
  throw new Error('expected parseInstance to throw');
}

describe('parseInstance', () => {
  it('parses JSON text and drops unknown fields', () => {
    const inst = parseInstance(JSON.stringify(base()));
    expect(inst.meetings).toHaveLength(2);
    expect(inst.meetings[0]).toEqual({ id: 0, a: 0, b: 1, requester: 0, priority: 1 });
    expect(inst.participants[0].region).toBe('AT');
  });

  it('rejects broken JSON and wrong schema', () => {
    expect(problemsOf('{ nope')[0]).toMatch(/not valid JSON/);
    expect(problemsOf({ ...base(), schema: 'v0' })[0]).toMatch(/schema must be/);
  });

  it('names the offending field', () => {
    const raw = base();
    (raw.meetings[1] as { priority: number }).priority = 5;
    (raw.participants[2] as { unavailable: number[] }).unavailable = [7];
    const problems = problemsOf(raw);
    expect(problems).toContain('meetings[1].priority must be 1, 2 or 3');
    expect(problems).toContain('participants[2].unavailable has unknown slot 7');
  });

  it('rejects repeated pairs and self meetings', () => {
    const raw = base();
    raw.meetings.push({ id: 2, a: 1, b: 0, requester: 1, priority: 2 } as never);
    raw.meetings.push({ id: 3, a: 2, b: 2, requester: 2, priority: 2 } as never);
    const problems = problemsOf(raw);
    expect(problems.some((p) => /repeats the pair/.test(p))).toBe(true);
    expect(problems.some((p) => /themself/.test(p))).toBe(true);
  });

  it('rejects locks that cannot hold', () => {
    const raw = base();
    Object.assign(raw.meetings[0], { locked: { slot: 1, table: 0 } });
    expect(problemsOf(raw)[0]).toMatch(/participant 1 is unavailable/);
    const clash = base();
    Object.assign(clash.meetings[0], { locked: { slot: 0, table: 0 } });
    Object.assign(clash.meetings[1], { locked: { slot: 0, table: 0 } });
    expect(problemsOf(clash).join(' ')).toMatch(/share slot 0 table 0/);
    const badTable = base();
    Object.assign(badTable.meetings[1], { locked: { slot: 0, table: 3 } });
    expect(problemsOf(badTable)[0]).toMatch(/table 3 does not exist/);
  });
});
