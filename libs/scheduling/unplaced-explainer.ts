import type { SchedulingInstance, SchedulingSolution, UnplacedExplanation } from './types.js';

/**
 * Says, for every meeting the solution leaves out, why it does not fit into the schedule as it
 * stands (a reason for organisers, not a proof that no other schedule could place it):
 * - NO_COMMON_FREE_SLOT: no slot (with tables) where both people are available;
 * - PARTICIPANT_LIMIT_REACHED: one of them already has maxMeetings meetings;
 * - TABLES_FULL_IN_COMMON_SLOTS: every common slot has all tables taken;
 * - PARTICIPANT_BUSY_IN_COMMON_SLOTS: in every common slot with a free table one of them is busy.
 */
export function explainUnplaced(instance: SchedulingInstance, solution: SchedulingSolution): UnplacedExplanation[] {
  const S = instance.slots.length;
  const placed = new Set<number>();
  const load = new Array<number>(S).fill(0);
  const busy = new Set<string>();
  const count = new Map<number, number>();
  for (const a of solution.assignments) {
    const mt = instance.meetings[a.meeting];
    if (!mt || placed.has(a.meeting)) continue;
    placed.add(a.meeting);
    if (a.slot >= 0 && a.slot < S) load[a.slot]++;
    busy.add(`${mt.a}/${a.slot}`);
    busy.add(`${mt.b}/${a.slot}`);
    count.set(mt.a, (count.get(mt.a) ?? 0) + 1);
    count.set(mt.b, (count.get(mt.b) ?? 0) + 1);
  }
  const unavailable = instance.participants.map((p) => new Set(p.unavailable));
  const out: UnplacedExplanation[] = [];
  for (const mt of instance.meetings) {
    if (placed.has(mt.id)) continue;
    const commonSlots: number[] = [];
    for (let s = 0; s < S; s++) {
      if (instance.slots[s].tables > 0 && !unavailable[mt.a].has(s) && !unavailable[mt.b].has(s)) commonSlots.push(s);
    }
    const base = { meeting: mt.id, commonSlots };
    if (commonSlots.length === 0) {
      out.push({ ...base, reason: 'NO_COMMON_FREE_SLOT', participants: [mt.a, mt.b],
        message: `participants ${mt.a} and ${mt.b} have no slot with tables where both are available` });
      continue;
    }
    const atLimit = [mt.a, mt.b].filter((p) => (count.get(p) ?? 0) >= instance.participants[p].maxMeetings);
    if (atLimit.length > 0) {
      out.push({ ...base, reason: 'PARTICIPANT_LIMIT_REACHED', participants: atLimit,
        message: `participant ${atLimit.join(' and ')} already has the maximum number of meetings` });
      continue;
    }
    const openSlots = commonSlots.filter((s) => load[s] < instance.slots[s].tables);
    if (openSlots.length === 0) {
      out.push({ ...base, reason: 'TABLES_FULL_IN_COMMON_SLOTS', participants: [],
        message: `all tables are taken in the ${commonSlots.length} slot(s) where both are available` });
      continue;
    }
    const busyPeople = [mt.a, mt.b].filter((p) => openSlots.some((s) => busy.has(`${p}/${s}`)));
    out.push({ ...base, reason: 'PARTICIPANT_BUSY_IN_COMMON_SLOTS', participants: busyPeople,
      message: `in every common slot with a free table participant ${busyPeople.join(' or ')} already has a meeting` });
  }
  return out;
}
