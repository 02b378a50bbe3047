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

  it('says SERVICE_UNAVAILABLE, with when to retry, for a database that cannot be reached, however it is wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('x'), { driverError: { code: '57P01', message: 'terminating connection due to administrator command' } });
    const terminated = new Error('Connection terminated unexpectedly');
    const nonError = Object.assign(new Error('Unexpected error value'), { thrownValue: { errno: -111, code: 'ECONNREFUSED' } });
    for (const original of [refused, shutdown, terminated, nonError]) {
      const error = wrap(original);
      const result = requestContext.run({ requestId: 'req-7' }, () => createErrorFormatter(logger, false)(formatted(error), error));
      expect(result.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5, requestId: 'req-7' });
      expect(result.message).toMatch(/database cannot be reached/);
    }
    // A statement that failed on a working database is not "unavailable".
    const unique = wrap(Object.assign(new Error('duplicate key'), { driverError: { code: '23505' } }));
    expect(createErrorFormatter(logger, false)(formatted(unique), unique).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
