import { buildSchema, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { checkLimits, measureOperation } from './query-limits.plugin.js';

const schema = buildSchema(`
  type Query { events(first: Int = 20): EventConnection!  me: Account  tags: [String!]! }
  type EventConnection { nodes: [Event!]!  pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! }
  type Event { id: ID!  name: String!  participants: [Account!]! }
  type Account { id: ID!  name: String! }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return measureOperation(schema, operation, fragments, variables, 50);
}

const limits = { maxDepth: 5, maxCost: 1000, maxPageSize: 100, maxAliases: 2, defaultListSize: 50 };

describe('measureOperation', () => {
  it('multiplies by the page size once per connection, and by the default for plain lists', () => {
    // events 1, nodes 10, id 10, name 10 → 31
    expect(measure(`{ events(first: 10) { nodes { id name } } }`)).toMatchObject({ cost: 31, depth: 3, largestPage: 10 });
    // the argument's default (20) applies when it is left out
    expect(measure(`{ events { nodes { id } } }`).cost).toBe(1 + 20 + 20);
    // a list inside the nodes is resolved per node and counts 50 items each: 1 + 10 + 10 + 10×50
    expect(measure(`query($n: Int) { events(first: $n) { nodes { participants { id } } } }`, { n: 10 }).cost).toBe(1 + 10 + 10 + 500);
  });

  it('counts aliases and fragments, and skips introspection', () => {
    const m = measure(`{ a: me { ...A } b: me { ...A } __schema { types { fields { type { ofType { name } } } } } } fragment A on Account { id n: name }`);
    expect(m.aliases).toBe(4);
    expect(m.depth).toBe(2);
  });

  it('names the first limit broken with its numbers', () => {
    expect(checkLimits({ depth: 6, cost: 1, aliases: 0, largestPage: 0 }, limits)?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_DEPTH', limit: 5, actual: 6 });
    expect(checkLimits({ depth: 1, cost: 1, aliases: 3, largestPage: 0 }, limits)?.extensions).toMatchObject({ reason: 'MAX_ALIASES', actual: 3 });
    expect(checkLimits({ depth: 1, cost: 1, aliases: 0, largestPage: 101 }, limits)?.extensions).toMatchObject({ reason: 'MAX_PAGE_SIZE', limit: 100 });
    expect(checkLimits({ depth: 1, cost: 1001, aliases: 0, largestPage: 1 }, limits)?.extensions).toMatchObject({ reason: 'MAX_COST', limit: 1000 });
    expect(checkLimits({ depth: 5, cost: 1000, aliases: 2, largestPage: 100 }, limits)).toBeNull();
  });
});
