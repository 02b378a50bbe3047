import { Badge, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import { fmt, m } from '../i18n/index.js';
import { ErrorSummary, toErrors } from './api-error.js';

const TableMatesQuery = graphql(`
  query TableMates($sessionId: ID!) {
    tableMates(sessionId: $sessionId) { accountId name organisationName isHost }
  }
`);

/**
 * How many others are at my table before the list is loaded: the seated count without me, plus
 * the host (who has no seat). The loaded list replaces it.
 */
export function tableMatesEstimate(table: { seated: number; hostName?: string | null }, iAmHost: boolean): number {
  return iAmHost ? table.seated : Math.max(0, table.seated - 1) + (table.hostName ? 1 : 0);
}

/** "Who's at my table": a disclosure whose list is asked for the first time it is opened. */
export function TableMates({ sessionId, estimate }: { sessionId: string; estimate: number }) {
  const [opened, setOpened] = useState(false);
  const [{ data, error, fetching }] = useQuery({ query: TableMatesQuery, variables: { sessionId }, pause: !opened, requestPolicy: 'cache-and-network' });
  const mates = data?.tableMates;
  return (
    <details className="table-mates" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{fmt(m.agenda.tableMates, { count: mates?.length ?? estimate })}</summary>
      <ErrorSummary errors={toErrors(error).general} />
      {fetching && !mates && <Text size="sm">{m.app.loading}</Text>}
      {mates && mates.length === 0 && <Text size="sm">{m.agenda.tableMatesEmpty}</Text>}
      {mates && mates.length > 0 && (
        <Stack gap={2} component="ul" mt={4} aria-label={m.agenda.tableMatesTitle}>
          {mates.map((mate) => (
            <li key={mate.accountId}>
              <Group gap={6}>
                <Text size="sm">{mate.organisationName ? `${mate.name} — ${mate.organisationName}` : mate.name}</Text>
                {mate.isHost && <Badge size="sm" variant="light">{m.agenda.tableHost}</Badge>}
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </details>
  );
}
