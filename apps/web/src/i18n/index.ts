import { en, type Messages } from './en.js';

/** The languages of the app: English is in the first load, Finnish is its own chunk loaded when chosen. */
export type Language = 'en' | 'fi';

const LOCALES: Record<Language, string> = { en: 'en-GB', fi: 'fi-FI' };

// Live bindings: set once by chooseLanguage() (i18n/language.ts) before the first render, read by
// every component. Read them while rendering (or in lazily loaded pages), not at the top level of a
// module that main.tsx imports statically: that runs before the language is chosen.
export let language: Language = 'en';
export let locale = LOCALES.en;
export let m: Messages = en;

/** Makes `messages` the app's texts; only chooseLanguage() calls it, before anything renders. */
export function setCatalogue(next: Language, messages: Messages): void {
  language = next;
  locale = LOCALES[next];
  m = messages;
}

/** Fills {placeholders} in a message. */
export function fmt(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
