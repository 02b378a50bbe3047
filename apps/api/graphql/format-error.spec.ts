import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { CommonException, requestContext } from '../../../libs/common/index.js';
import { createErrorFormatter } from './format-error.js';

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['field'] });
const formatted = (error: GraphQLError) => ({ message: error.message, path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });

describe('createErrorFormatter', () => {
  const logged: unknown[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => logged.push(JSON.parse(line)) });

  it('maps a domain exception to its kind, reason and field', () => {
    const error = wrap(CommonException.invalidInput('input.slug', 'Bad slug.'));
    expect(createErrorFormatter(logger, false)(formatted(error), error)).toEqual({
      message: 'Bad slug.',
      path: ['field'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'input.slug' },
    });
  });

  it('hides an unexpected error behind a request id, logs it, and shows no stack in production', () => {
    const error = wrap(new Error('connection string contained password hunter2'));
    const result = requestContext.run({ requestId: 'req-42' }, () => createErrorFormatter(logger, false)(formatted(error), error));
    expect(result.message).toBe('Internal error. Quote request id req-42 when reporting it.');
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, requestId: 'req-42', msg: 'unexpected error in a GraphQL operation' });
  });

  it('adds the stack only in development', () => {
    const error = wrap(new Error('boom'));
    const result = createErrorFormatter(logger, true)(formatted(error), error);
    expect(Array.isArray(result.extensions?.stacktrace)).toBe(true);
  });
});
