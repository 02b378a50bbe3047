import type { SchedulingInstance, SchedulingSolution, Violation } from './types.js';

/**
 * Checks a solution against every hard rule of FORMAT.md. Deliberately written straight from
 * the rules, sharing no code with the solver, so it can catch solver bugs. Empty list = valid.
 */
export function validateSolution(instance: SchedulingInstance, solution: SchedulingSolution): Violation[] {
  const out: Violation[] = [];
  const meetings = instance.meetings;
  const seen = new Set<number>();
  const tableUse = new Map<string, number>();
  const personUse = new Map<string, number>();
  const perPerson = new Map<number, number>();
  const placedAt = new Map<number, { slot: number; table: number }>();

  for (const asg of solution.assignments ?? []) {
    const { meeting: id, slot, table } = asg;
    const mt = Number.isInteger(id) ? meetings[id] : undefined;
    if (!mt || mt.id !== id) {
      out.push({ code: 'UNKNOWN_MEETING', message: `assignment for unknown meeting ${id}`, meeting: id });
      continue;
    }
    if (seen.has(id)) {
      out.push({ code: 'DUPLICATE_MEETING', message: `meeting ${id} is assigned more than once`, meeting: id });
      continue;
    }
    seen.add(id);
    const s = Number.isInteger(slot) ? instance.slots[slot] : undefined;
    if (!s) {
      out.push({ code: 'BAD_SLOT', message: `meeting ${id} is in unknown slot ${slot}`, meeting: id, slot });
      continue;
    }
    if (!Number.isInteger(table) || table < 0 || table >= s.tables) {
      out.push({ code: 'BAD_TABLE', message: `meeting ${id} is at table ${table}, slot ${slot} has ${s.tables} tables`, meeting: id, slot });
      continue;
    }
    placedAt.set(id, { slot, table });
    const tk = `${slot}/${table}`;
    const other = tableUse.get(tk);
    if (other !== undefined) {
      out.push({ code: 'TABLE_DOUBLE_BOOKED', message: `meetings ${other} and ${id} share table ${table} in slot ${slot}`, meeting: id, slot });
    } else {
      tableUse.set(tk, id);
    }
    for (const p of [mt.a, mt.b]) {
      const person = instance.participants[p];
      if (person.unavailable.includes(slot)) {
        out.push({ code: 'PARTICIPANT_UNAVAILABLE', message: `participant ${p} is unavailable in slot ${slot} (meeting ${id})`, meeting: id, participant: p, slot });
      }
      const pk = `${p}/${slot}`;
      const clash = personUse.get(pk);
      if (clash !== undefined) {
        out.push({ code: 'PARTICIPANT_DOUBLE_BOOKED', message: `participant ${p} is in meetings ${clash} and ${id} in slot ${slot}`, meeting: id, participant: p, slot });
      } else {
        personUse.set(pk, id);
      }
      perPerson.set(p, (perPerson.get(p) ?? 0) + 1);
    }
  }
  for (const [p, count] of perPerson) {
    const max = instance.participants[p].maxMeetings;
    if (count > max) {
      out.push({ code: 'MAX_MEETINGS_EXCEEDED', message: `participant ${p} has ${count} meetings, maxMeetings is ${max}`, participant: p });
    }
  }
  for (const mt of meetings) {
    if (!mt.locked) continue;
    const at = placedAt.get(mt.id);
    if (!at || at.slot !== mt.locked.slot || at.table !== mt.locked.table) {
      out.push({
        code: 'LOCK_VIOLATED',
        message: `locked meeting ${mt.id} must be at slot ${mt.locked.slot} table ${mt.locked.table}` +
          (at ? `, is at slot ${at.slot} table ${at.table}` : ', is unplaced'),
        meeting: mt.id,
        slot: mt.locked.slot,
      });
    }
  }
  return out;
}

export interface SolutionScore {
  placed: number;
  weight: number;
  /** Participants with at least one accepted meeting but none placed. */
  unplacedParticipants: number;
}

/** Objective values of a solution (assumed valid; duplicates and unknown ids are skipped). */
export function scoreSolution(instance: SchedulingInstance, solution: SchedulingSolution): SolutionScore {
  const seen = new Set<number>();
  let weight = 0;
  const hasAny = new Uint8Array(instance.participants.length);
  const hasPlaced = new Uint8Array(instance.participants.length);
  for (const mt of instance.meetings) hasAny[mt.a] = hasAny[mt.b] = 1;
  for (const a of solution.assignments) {
    const mt = instance.meetings[a.meeting];
    if (!mt || seen.has(a.meeting)) continue;
    seen.add(a.meeting);
    weight += 4 - mt.priority;
    hasPlaced[mt.a] = hasPlaced[mt.b] = 1;
  }
  let none = 0;
  for (let p = 0; p < hasAny.length; p++) if (hasAny[p] && !hasPlaced[p]) none++;
  return { placed: seen.size, weight, unplacedParticipants: none };
}
