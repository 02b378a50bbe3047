import { GraphQLISODateTime } from '@nestjs/graphql';
import { GraphQLError, Kind, type ValueNode } from 'graphql';

// RFC 3339: a date, a time and an offset; an instant without its zone is ambiguous.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;

function parse(value: unknown): Date {
  const date = typeof value === 'string' && RFC3339.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) {
    throw new GraphQLError(`DateTime must be an RFC 3339 instant with its offset, such as 2023-04-26T09:00:00+03:00; got ${JSON.stringify(value)?.slice(0, 60)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/**
 * Nest's DateTime scalar turns any input (even [] or "soon") into an Invalid Date that only
 * fails deep in a database query. Several features name that scalar directly, so it is made
 * strict in place (same name, same output) rather than replaced by a second DateTime type.
 */
export function hardenDateTimeScalar(): void {
  Object.assign(GraphQLISODateTime, {
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string.', { extensions: { code: 'BAD_USER_INPUT' } });
      return parse(ast.value);
    },
  });
}
