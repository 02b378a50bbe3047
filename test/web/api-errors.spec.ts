// The web app's mapping of GraphQL errors to messages (apps/web/src/lib/api-errors.ts).
import { type ErrorMessages, mapApiErrors, messageFor } from '../../apps/web/src/lib/api-errors.js';

const messages: ErrorMessages = {
  codes: { UNAUTHENTICATED: 'Please sign in again.', FORBIDDEN: 'Not allowed.', NOT_FOUND: 'Not found.' },
  reasons: { INVALID_CREDENTIALS: 'E-mail or password is wrong.' },
  network: 'Offline.',
  unknown: 'Something went wrong.',
  internal: 'Server error, request {id}.',
};

describe('web API error mapping', () => {
  it('puts a field error next to its field, by the last segment of extensions.field', () => {
    const mapped = mapApiErrors(
      [{ message: 'Another event already uses the address "x".', extensions: { code: 'CONFLICT', reason: 'SLUG_TAKEN', field: 'input.slug' } }],
      messages,
      { formFields: ['name', 'slug'] },
    );
    expect(mapped.fields).toEqual({ slug: 'Another event already uses the address "x".' });
    expect(mapped.general).toEqual([]);
  });

  it('shows a field error the form does not have as a general message, so none is hidden', () => {
    const mapped = mapApiErrors([{ message: 'Bad region.', extensions: { code: 'BAD_USER_INPUT', field: 'region' } }], messages, { formFields: ['name'] });
    expect(mapped.fields).toEqual({});
    expect(mapped.general).toEqual(['Bad region.']);
  });

  it('prefers a translated reason, then the translated code for generic kinds', () => {
    expect(messageFor({ message: 'E-mail or password is incorrect.', extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' } }, messages)).toBe(
      'E-mail or password is wrong.',
    );
    expect(messageFor({ message: 'Only organisers of this event may do this.', extensions: { code: 'FORBIDDEN' } }, messages)).toBe('Not allowed.');
    expect(messageFor({ message: 'Event "x" not found.', extensions: { code: 'NOT_FOUND' } }, messages)).toBe('Not found.');
  });

  it('keeps the server message for input and conflict errors, which are specific', () => {
    expect(messageFor({ message: 'The seat was just taken.', extensions: { code: 'CONFLICT' } }, messages)).toBe('The seat was just taken.');
  });

  it('quotes the request id of an internal error and never its details', () => {
    expect(messageFor({ message: 'Internal error. Quote request id abc when reporting it.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'abc' } }, messages)).toBe(
      'Server error, request abc.',
    );
  });

  it('reports a network failure once and deduplicates repeated messages', () => {
    const mapped = mapApiErrors(
      [
        { message: 'x', extensions: { code: 'FORBIDDEN' } },
        { message: 'y', extensions: { code: 'FORBIDDEN' } },
      ],
      messages,
      { networkError: true },
    );
    expect(mapped.general).toEqual(['Offline.', 'Not allowed.']);
  });

  it('falls back to the server message, then a generic one, for unknown codes', () => {
    expect(messageFor({ message: 'Odd.', extensions: { code: 'SOMETHING_NEW' } }, messages)).toBe('Odd.');
    expect(messageFor({ message: '', extensions: {} }, messages)).toBe('Something went wrong.');
  });
});
