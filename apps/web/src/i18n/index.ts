import { en, type Messages } from './en.js';

// One language today; another (fi.ts with the same shape) is added here and picked by navigator.language.
const catalogues: Record<string, Messages> = { en };

export const locale = 'en-GB';
export const m: Messages = catalogues.en;

/** Fills {placeholders} in a message. */
export function fmt(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
