// Pure mapping of GraphQL errors (extensions.code / field / reason) to messages shown next to the
// field or action they concern. Unit-tested by Jest (test/web); messages come from the i18n files.
import { fileSizeLabel } from './number-display.js';
import { browserZone, dateRangeLabel, timeLabel } from './time-display.js';

export interface ApiErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

export interface ErrorMessages {
  /** By extensions.code: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT, ... */
  codes: Record<string, string>;
  /**
   * By extensions.reason, in the reader's language. A text may name facts of extensions.details as
   * {placeholders} ({field} is the input field); a reason the server words per case
   * (details.variant) may also have a text keyed "REASON.VARIANT".
   */
  reasons: Record<string, string>;
  network: string;
  unknown: string;
  /** Template with {id} for the request id of an internal error. */
  internal: string;
  /** How numbers, sizes and times in reason texts are written; en-GB when absent. */
  locale?: string;
  /** The event's time zone, when the page has one: instants are shown in it, with the reader's own time beside. */
  timeZone?: string;
  /**
   * The reader reads the server's language (English): for BAD_USER_INPUT and CONFLICT the server's
   * own words are then the most specific (one reason covers several cases), so they win over the
   * catalogue, except for the reasons in APP_WORDED.
   */
  serverLanguage?: boolean;
}

export interface MappedErrors {
  /** Messages keyed by input field name (last path segment, e.g. "slug"). */
  fields: Record<string, string>;
  /** Messages about the whole action. */
  general: string[];
}

/** Codes whose server message is specific and worth showing as is (domain rules, validation). */
const SPECIFIC = new Set(['BAD_USER_INPUT', 'CONFLICT']);

/** Reasons the app words better than the server, in every language (the server's text names UTC instants or internals). */
const APP_WORDED = new Set(['INVALID_CREDENTIALS', 'ROUND_NOT_OPEN', 'ACCOUNT_SUSPENDED', 'BLOCK_OVERLAPS_MEETING', 'SLOTS_CHOSEN_BY_ORGANISER']);

export function fieldName(field: unknown): string | null {
  if (typeof field !== 'string' || !field) return null;
  return field.split('.').pop() ?? null;
}

export function messageFor(error: ApiErrorLike, messages: ErrorMessages): string {
  const ext = error.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : '';
  const reason = typeof ext.reason === 'string' ? ext.reason : '';
  if (messages.serverLanguage && SPECIFIC.has(code) && error.message && !APP_WORDED.has(reason)) return readableInstants(error.message, messages);
  const text = reason ? reasonText(reason, ext, messages) : null;
  if (text) return text;
  // The catalogue has a text but the server left out a fact it names: the server's own words have it.
  if (text === '' && error.message) return readableInstants(error.message, messages);
  if (code === 'INTERNAL_SERVER_ERROR') {
    const id = typeof ext.requestId === 'string' ? ext.requestId : '';
    return messages.internal.replace('{id}', id || '—');
  }
  if (SPECIFIC.has(code) && error.message) return readableInstants(error.message, messages);
  return messages.codes[code] ?? (error.message ? readableInstants(error.message, messages) : messages.unknown);
}

const ISO_INSTANT_IN_TEXT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * The server's words keep its case-specific detail but write instants in ISO UTC
 * ("…the slot starting 2030-04-26T10:00:00.000Z"); the reader gets a date and time with the zone
 * named, as everywhere else in the app.
 */
function readableInstants(text: string, messages: ErrorMessages): string {
  return text.replace(ISO_INSTANT_IN_TEXT, (iso) => (isInstant(iso) ? instantsText([iso], messages) : iso));
}

/**
 * The catalogue's text for a reason with its {placeholders} filled; null when the catalogue has none,
 * '' when a placeholder has no usable value (so no "{x}" is ever shown).
 */
function reasonText(reason: string, ext: Record<string, unknown>, messages: ErrorMessages): string | null {
  const details = isRecord(ext.details) ? ext.details : {};
  const variant = typeof details.variant === 'string' ? details.variant : '';
  const template = (variant && messages.reasons[`${reason}.${variant}`]) || messages.reasons[reason];
  if (!template) return null;
  const values: Record<string, unknown> = { ...details, field: fieldName(ext.field) ?? undefined };
  let complete = true;
  const text = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = Object.hasOwn(values, key) ? detailText(key, values[key], messages) : null;
    if (value === null) complete = false;
    return value ?? '';
  });
  return complete ? text : '';
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One fact of extensions.details written for the reader, or null when it cannot be shown. By its
 * key: "…Bytes" is a file size, "…Seconds" a wait; by its value: an ISO instant is a date and time,
 * an ISO date a day, a list its items (a list of slots or meetings their start times).
 */
function detailText(key: string, value: unknown, messages: ErrorMessages): string | null {
  const locale = messages.locale ?? 'en-GB';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    if (/Bytes$/.test(key)) return fileSizeLabel(value, locale);
    if (/Seconds$/.test(key)) {
      // A wait of minutes reads better in minutes: "15 minutes", not "900 seconds".
      const [amount, unit] = value >= 120 ? [Math.ceil(value / 60), 'minute'] : [Math.ceil(value), 'second'];
      return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
    }
    return new Intl.NumberFormat(locale).format(value);
  }
  if (typeof value === 'string') {
    if (isInstant(value)) return instantsText([value], messages);
    if (ISO_DATE.test(value)) return dateRangeLabel(value, value, locale);
    return value.trim() ? value : null;
  }
  if (Array.isArray(value) && value.length) {
    const items: unknown[] = value.map((item) => (isRecord(item) ? item.startsAt : item));
    if (items.every(isInstant)) return instantsText(items as string[], messages);
    const texts = items.map((item) => detailText(key, item, messages));
    return texts.every((text) => text !== null) ? texts.join(', ') : null;
  }
  return null;
}

function isInstant(value: unknown): boolean {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * "Tue 12 May, 12:00 Helsinki (EEST)", with the reader's own time beside it when the page gave the
 * event's zone and the reader is elsewhere; several instants share one zone name:
 * "Tue 12 May, 12:00; Tue 12 May, 12:30 Helsinki (EEST)".
 */
function instantsText(isos: string[], messages: ErrorMessages): string {
  const zone = messages.timeZone ?? browserZone();
  const labels = isos.map((iso) => timeLabel(iso, zone, browserZone(zone), { locale: messages.locale ?? 'en-GB' }));
  const [first] = labels;
  if (labels.length > 1) return `${labels.map((label) => label.eventTime).join('; ')} ${first.eventZone}`;
  return `${first.eventTime} ${first.eventZone}${first.viewerTime ? ` · ${first.viewerTime} ${first.viewerZone}` : ''}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Splits errors into per-field and general messages. A field error whose field the form does not
 * show (not in `formFields`) becomes general, so no message is ever hidden.
 */
export function mapApiErrors(
  errors: readonly ApiErrorLike[] | undefined,
  messages: ErrorMessages,
  options: { formFields?: readonly string[]; networkError?: boolean } = {},
): MappedErrors {
  const result: MappedErrors = { fields: {}, general: [] };
  if (options.networkError) result.general.push(messages.network);
  for (const error of errors ?? []) {
    const text = messageFor(error, messages);
    const field = fieldName(error.extensions?.field);
    if (field && (!options.formFields || options.formFields.includes(field)) && !result.fields[field]) {
      result.fields[field] = text;
    } else if (!result.general.includes(text)) {
      result.general.push(text);
    }
  }
  return result;
}

export function hasErrors(mapped: MappedErrors): boolean {
  return mapped.general.length > 0 || Object.keys(mapped.fields).length > 0;
}
