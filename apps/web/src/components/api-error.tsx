import { Alert } from '@mantine/core';
import { type CombinedError } from 'urql';
import { m } from '../i18n/index.js';
import { mapApiErrors, type MappedErrors } from '../lib/api-errors.js';

const messages = {
  codes: m.errors.codes,
  reasons: m.errors.reasons,
  network: m.errors.network,
  unknown: m.errors.unknown,
  internal: m.errors.internal,
};

/** The errors of one request, split into per-field and general messages. */
export function toErrors(error: CombinedError | undefined, formFields?: readonly string[]): MappedErrors {
  if (!error) return { fields: {}, general: [] };
  return mapApiErrors(
    error.graphQLErrors.map((e) => ({ message: e.message, extensions: e.extensions })),
    messages,
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
