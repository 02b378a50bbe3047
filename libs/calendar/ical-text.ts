/**
 * RFC 5545 text primitives: escaping, content lines, folding and date-time values.
 * Written by hand (rather than through a generator library) so every byte of the output is ours
 * to test: CRLF, 75-octet folding that never splits a UTF-8 character, and TEXT escaping.
 */

import { wallClock } from '../common/index.js';

const CRLF = '\r\n';

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A URI value (§3.3.13) is written as it is (no TEXT escaping: its commas and semicolons are
 * part of it), so anything that would break the content line (white space, control characters)
 * is percent-encoded. URLs from the URL parser never hold any; this is the last guard.
 */
export function uriValue(value: string): string {
  return value.replace(/[\s\p{Cc}]/gu, (c) => encodeURIComponent(c));
}

/**
 * A parameter value (§3.2): DQUOTE is not allowed inside one (it becomes an apostrophe) and
 * control characters would break the line; values holding ":", ";" or "," are quoted.
 */
export function paramValue(value: string): string {
  const clean = value.replace(/"/g, "'").replace(/\p{Cc}+/gu, ' ').trim();
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * Folds one content line at 75 octets (§3.1): continuation lines start with a space, which
 * counts towards their 75 octets. Splits only between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  if (line.length <= 75 && Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const code = line.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = 74; // the leading space takes one octet
    }
    octets += size;
    i += units;
  }
  parts.push(line.slice(start));
  return parts.join(`${CRLF} `);
}

/** Joins unfolded content lines into folded, CRLF-terminated iCalendar text. */
export function joinLines(lines: string[]): string {
  return lines.map((line) => foldLine(line) + CRLF).join('');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 20240330T101500Z */
export function formatUtc(instant: Date): string {
  return (
    `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

/** 20240330 from "2024-03-30". */
export function formatDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`Not a YYYY-MM-DD date: "${isoDate}"`);
  return isoDate.replace(/-/g, '');
}

/** The day after "2024-03-31": "2024-04-01" (all-day DTEND is exclusive). */
export function nextDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** 20240330T101500 (no zone suffix: the TZID parameter says which). */
export function formatLocal(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}

/** PT60M, P1D: a DURATION value for whole minutes. */
export function formatDuration(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes <= 0) throw new RangeError(`Refresh interval must be whole minutes > 0, got ${minutes}`);
  return minutes % 1440 === 0 ? `P${minutes / 1440}D` : `PT${minutes}M`;
}
