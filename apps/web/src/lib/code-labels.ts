// Human labels for API codes (enum values, report keys). Pure and unit-tested (test/web); the texts
// come from the i18n files. An unknown code (a newer API than this build) still reads as words
// rather than SHOUTING_SNAKE_CASE.

/** "MEETING_REQUEST_RECEIVED" → "Meeting request received". */
export function humanise(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : code;
}

/** The label of a code from a table of texts, or the code in words when the table lacks it. */
export function labelOf(table: Readonly<Record<string, string>>, code: string): string {
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code]! : humanise(code);
}

/**
 * An "outcomes by round" row: round 1 holds the expected outcome given right after the meeting,
 * rounds 2+ the follow-up results; both share one column in the report.
 */
export function outcomeLabel(
  tables: { expected: Readonly<Record<string, string>>; followUp: Readonly<Record<string, string>> },
  round: number,
  code: string,
): string {
  return labelOf(round <= 1 ? tables.expected : tables.followUp, code);
}
