import { type MeetingWindow } from './entities/matchmaking-settings.entity.js';

export interface SlotTimes {
  startsAt: Date;
  endsAt: Date;
}

export type WindowProblem = { field: string; message: string };

export const MAX_SLOTS = 2000;

/**
 * Splits meeting windows into back-to-back slots of `meetingMinutes`; a window's remainder
 * shorter than a meeting is left unused. Pure, so the rule is unit-tested without a database.
 * Returns a problem instead of slots when the windows are unusable.
 */
export function generateSlots(windows: MeetingWindow[], meetingMinutes: number): SlotTimes[] | WindowProblem {
  const lengthMs = meetingMinutes * 60_000;
  const parsed = windows.map((w, i) => ({ i, startsAt: new Date(w.startsAt), endsAt: new Date(w.endsAt) }));
  for (const w of parsed) {
    if (Number.isNaN(w.startsAt.getTime()) || Number.isNaN(w.endsAt.getTime())) {
      return { field: `windows.${w.i}`, message: `Window ${w.i + 1} needs ISO-8601 instants for startsAt and endsAt.` };
    }
    if (w.endsAt.getTime() - w.startsAt.getTime() < lengthMs) {
      return { field: `windows.${w.i}`, message: `Window ${w.i + 1} is shorter than one ${meetingMinutes}-minute meeting.` };
    }
  }
  parsed.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let k = 1; k < parsed.length; k++) {
    if (parsed[k].startsAt < parsed[k - 1].endsAt) {
      return { field: `windows.${parsed[k].i}`, message: `Windows ${parsed[k - 1].i + 1} and ${parsed[k].i + 1} overlap.` };
    }
  }
  const slots: SlotTimes[] = [];
  for (const w of parsed) {
    for (let t = w.startsAt.getTime(); t + lengthMs <= w.endsAt.getTime(); t += lengthMs) {
      slots.push({ startsAt: new Date(t), endsAt: new Date(t + lengthMs) });
      if (slots.length > MAX_SLOTS) return { field: 'windows', message: `The windows make more than ${MAX_SLOTS} slots; shorten them.` };
    }
  }
  return slots;
}

export function isWindowProblem(value: SlotTimes[] | WindowProblem): value is WindowProblem {
  return !Array.isArray(value);
}

/** True when [a, b) and [c, d) share some time. */
export function overlaps(a: SlotTimes, b: SlotTimes): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}
