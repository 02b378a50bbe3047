import { type ApolloServerPlugin } from '@apollo/server';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { type GraphQLLimits } from '../../../libs/config/index.js';

export enum QueryLimit {
  MAX_DEPTH = 'MAX_DEPTH',
  MAX_COST = 'MAX_COST',
  MAX_PAGE_SIZE = 'MAX_PAGE_SIZE',
  MAX_ALIASES = 'MAX_ALIASES',
}

export interface OperationMeasure {
  depth: number;
  cost: number;
  aliases: number;
  /** The largest `first` argument asked for, 0 when none. */
  largestPage: number;
}

/** Arguments that set a page size; a field carrying one multiplies the cost of what it selects. */
const PAGE_ARGUMENTS = ['first', 'last', 'limit', 'pageSize'];

/**
 * Measures an operation against the schema without running it: depth (introspection fields
 * excluded, so the IDE keeps working), aliases, and cost, where every field counts 1 times the
 * number of parent items it is resolved for (the product of the page sizes above it). A list field takes its size from its `first` argument (or
 * that argument's default); a list without one counts as `defaultListSize`, except the nodes of
 * a connection whose parent already had a page size.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  defaultListSize: number,
): OperationMeasure {
  const measure: OperationMeasure = { depth: 0, cost: 0, aliases: 0, largestPage: 0 };
  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return measure;

  const pageSizeOf = (node: FieldNode, field: GraphQLField<unknown, unknown>): number | undefined => {
    for (const name of PAGE_ARGUMENTS) {
      const definition = field.args.find((a) => a.name === name);
      if (!definition) continue;
      const argument = node.arguments?.find((a) => a.name.value === name);
      const value = argument ? valueOf(argument.value, variables) : definition.defaultValue;
      const size = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : defaultListSize;
      measure.largestPage = Math.max(measure.largestPage, size);
      return Math.max(1, size);
    }
    return undefined;
  };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, depth: number, multiplier: number, paged: boolean, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) ?? parent : parent;
        walk(selection.selectionSet, type, depth, multiplier, paged, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        // Validation has already refused cycles; `seen` only keeps a bad document from looping.
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) ?? parent;
        walk(fragment.selectionSet, type, depth, multiplier, paged, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (selection.alias) measure.aliases++;
      if (selection.name.value.startsWith('__')) continue;
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
      if (!field) continue;
      const fieldDepth = depth + 1;
      measure.depth = Math.max(measure.depth, fieldDepth);
      const pageSize = pageSizeOf(selection, field);
      let fieldMultiplier = multiplier;
      if (pageSize !== undefined) fieldMultiplier *= pageSize;
      // A bounded list may declare its typical size with @Extensions({ listSize }) (e.g. the people of a session).
      else if (returnsList(field.type) && !paged) fieldMultiplier *= typeof field.extensions?.listSize === 'number' ? field.extensions.listSize : defaultListSize;
      // Resolved once per parent item; what it selects is resolved once per item of its page.
      measure.cost += multiplier;
      if (selection.selectionSet) {
        walk(selection.selectionSet, getNamedType(field.type), fieldDepth, fieldMultiplier, pageSize !== undefined && !returnsList(field.type), seen);
      }
    }
  };
  walk(operation.selectionSet, root, 0, 1, false, new Set());
  return measure;
}

function returnsList(type: GraphQLType): boolean {
  return isListType(getNullableType(type));
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

/** The first limit an operation breaks, as the error the client gets; null when within all. */
export function checkLimits(measure: OperationMeasure, limits: GraphQLLimits): GraphQLError | null {
  const refuse = (limit: QueryLimit, message: string, actual: number, max: number) =>
    new GraphQLError(message, {
      extensions: { code: 'QUERY_TOO_COMPLEX', reason: limit, limit: max, actual, http: { status: 400 } },
    });
  if (measure.depth > limits.maxDepth) {
    return refuse(QueryLimit.MAX_DEPTH, `The query is ${measure.depth} levels deep; at most ${limits.maxDepth} are allowed.`, measure.depth, limits.maxDepth);
  }
  if (measure.aliases > limits.maxAliases) {
    return refuse(QueryLimit.MAX_ALIASES, `The query uses ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed.`, measure.aliases, limits.maxAliases);
  }
  if (measure.largestPage > limits.maxPageSize) {
    return refuse(
      QueryLimit.MAX_PAGE_SIZE,
      `A page of ${measure.largestPage} items was asked for; at most ${limits.maxPageSize} per page are allowed.`,
      measure.largestPage,
      limits.maxPageSize,
    );
  }
  if (measure.cost > limits.maxCost) {
    return refuse(
      QueryLimit.MAX_COST,
      `The query would cost ${measure.cost} (fields times page sizes); at most ${limits.maxCost} is allowed. Ask for smaller pages or fewer fields.`,
      measure.cost,
      limits.maxCost,
    );
  }
  return null;
}

/**
 * Refuses an over-limit operation after validation and before execution, with
 * extensions.code QUERY_TOO_COMPLEX and the limit's name and numbers.
 */
export function queryLimitsPlugin(limits: GraphQLLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const measure = measureOperation(schema, operation, fragments, request.variables ?? {}, limits.defaultListSize);
          const error = checkLimits(measure, limits);
          if (error) throw error;
        },
      };
    },
  };
}
