import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { EventPage, type EventBasics } from '../components/event-page.js';
import { PageLoader } from '../components/layout.js';
import { m } from '../i18n/index.js';
import { labelOf } from '../lib/code-labels.js';
import { ApprovedPeopleQuery, BuilderQuery } from './organiser-agenda/operations.js';
import { RoomsCard, TracksCard } from './organiser-agenda/rooms-tracks.js';
import { SessionCard } from './organiser-agenda/session-card.js';
import { NewSessionForm } from './organiser-agenda/session-form.js';

// The agenda builder: rooms, tracks, sessions, people on stage, round tables and seats, each
// created, edited and deleted in place (parts in ./organiser-agenda/); conflicts reload after
// every change.
export function AgendaBuilderPage() {
  return (
    <EventPage title={m.builder.title}>{(event) => <Builder event={event} />}</EventPage>
  );
}

function Builder({ event }: { event: EventBasics }) {
  const [{ data, error }, refresh] = useQuery({ query: BuilderQuery, variables: { eventId: event.id } });
  const [{ data: people }] = useQuery({ query: ApprovedPeopleQuery, variables: { eventId: event.id } });
  const reload = () => refresh({ requestPolicy: 'network-only' });
  if (!data) return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  const { rooms, tracks, days } = data.agenda;
  const sessions = days.flatMap((d) => d.sessions);
  const conflicted = new Set(data.agendaConflicts.flatMap((c) => c.sessionIds));
  const accounts = (people?.participants ?? []).map((p) => ({ value: p.account.id, label: p.account.name }));
  return (
    <>
      <section aria-labelledby="conflicts">
        <Title order={2} size="h3" id="conflicts" mb="xs">{m.builder.conflicts}</Title>
        {!data.agendaConflicts.length && <Text>{m.builder.noConflicts}</Text>}
        <Stack gap={4} role="list">
          {data.agendaConflicts.map((c, i) => (
            <Group key={i} gap="xs" role="listitem" wrap="nowrap" align="flex-start">
              <Badge color={c.severity === 'HARD' ? 'red' : 'orange'} variant="light" className="no-shrink">{m.builder.severity[c.severity]}</Badge>
              <Text size="sm"><b>{labelOf(m.builder.conflictKinds, c.kind)}:</b> {c.message}</Text>
            </Group>
          ))}
        </Stack>
      </section>
      <Group align="flex-start" wrap="wrap">
        <RoomsCard eventId={event.id} rooms={rooms} sessions={sessions} onDone={reload} />
        <TracksCard eventId={event.id} tracks={tracks} onDone={reload} />
      </Group>
      <NewSessionForm event={event} choices={{ rooms, tracks }} onDone={reload} />
      <section aria-labelledby="sessions">
        <Title order={2} size="h3" id="sessions" mb="xs">{m.builder.sessions}</Title>
        {!sessions.length && <Text>{m.builder.noSessions}</Text>}
        <Stack gap="sm">
          {sessions.map((s) => (
            <SessionCard key={s.id} event={event} session={s} conflict={conflicted.has(s.id)} accounts={accounts} rooms={rooms} tracks={tracks} onDone={reload} />
          ))}
        </Stack>
      </section>
    </>
  );
}
