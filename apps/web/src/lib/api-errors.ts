// Pure mapping of GraphQL errors (extensions.code / field / reason) to messages shown next to the
// field or action they concern. Unit-tested by Jest (test/web); messages come from the i18n files.

export interface ApiErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

export interface ErrorMessages {
  /** By extensions.code: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT, ... */
  codes: Record<string, string>;
  /** By extensions.reason, when a friendlier text exists than the server's. */
  reasons: Record<string, string>;
  network: string;
  unknown: string;
  /** Template with {id} for the request id of an internal error. */
  internal: string;
}

export interface MappedErrors {
  /** Messages keyed by input field name (last path segment, e.g. "slug"). */
  fields: Record<string, string>;
  /** Messages about the whole action. */
  general: string[];
}

/** Codes whose server message is specific and worth showing as is (domain rules, validation). */
const SPECIFIC = new Set(['BAD_USER_INPUT', 'CONFLICT']);

export function fieldName(field: unknown): string | null {
  if (typeof field !== 'string' || !field) return null;
  return field.split('.').pop() ?? null;
}

export function messageFor(error: ApiErrorLike, messages: ErrorMessages): string {
  const ext = error.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : '';
  const reason = typeof ext.reason === 'string' ? ext.reason : '';
  if (reason && messages.reasons[reason]) return messages.reasons[reason];
  if (code === 'INTERNAL_SERVER_ERROR') {
    const id = typeof ext.requestId === 'string' ? ext.requestId : '';
    return messages.internal.replace('{id}', id || '—');
  }
  if (SPECIFIC.has(code) && error.message) return error.message;
  return messages.codes[code] ?? (error.message || messages.unknown);
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
