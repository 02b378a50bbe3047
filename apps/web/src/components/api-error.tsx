import { Alert } from '@mantine/core';
import { useEffect } from 'react';
import { type CombinedError } from 'urql';
import { locale, m } from '../i18n/index.js';
import { type ErrorMessages, mapApiErrors, type MappedErrors } from '../lib/api-errors.js';

/** The error texts of the chosen language (this module loads with the pages, after the language is chosen). */
export const errorMessages: ErrorMessages = {
  codes: m.errors.codes,
  reasons: m.errors.reasons,
  network: m.errors.network,
  unknown: m.errors.unknown,
  internal: m.errors.internal,
  locale,
  serverLanguage: locale.startsWith('en'),
};

/**
 * Shows the instants named in error messages in the event's zone (with the reader's own beside it)
 * while a page of that event is on screen; outside an event they are in the reader's zone. One
 * event is on screen at a time, so the zone lives beside the language, for the app as a whole.
 */
export function useEventZoneInErrors(timeZone: string | undefined): void {
  useEffect(() => {
    errorMessages.timeZone = timeZone;
    return () => {
      if (errorMessages.timeZone === timeZone) errorMessages.timeZone = undefined;
    };
  }, [timeZone]);
}

/** The errors of one request, split into per-field and general messages. */
export function toErrors(error: CombinedError | undefined, formFields?: readonly string[]): MappedErrors {
  if (!error) return { fields: {}, general: [] };
  return mapApiErrors(
    error.graphQLErrors.map((e) => ({ message: e.message, extensions: e.extensions })),
    errorMessages,
    { formFields, networkError: !!error.networkError },
  );
}

/** General messages of an action, announced to screen readers. */
export function ErrorSummary({ errors }: { errors: string[] }) {
  if (!errors.length) return null;
  return (
    <Alert color="red" role="alert" variant="light" mt="sm">
      {errors.map((text) => (
        <div key={text}>{text}</div>
      ))}
    </Alert>
  );
}
