import { Badge, Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { EventPage, type EventBasics } from '../components/event-page.js';
import { EventTime } from '../components/event-zone.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import type { SessionRole, SessionStatus, SessionType } from '../gql/graphql.js';
import { fmt, m } from '../i18n/index.js';
import { labelOf } from '../lib/code-labels.js';
import { zonedLocalToIso } from '../lib/time-display.js';

const BuilderQuery = graphql(`
  query AgendaBuilder($eventId: ID!) {
    agenda(eventId: $eventId) {
      rooms { id name capacity }
      tracks { id name }
      days {
        date
        sessions {
          id title type status startsAt endsAt timeZone
          room { id name }
          track { id name }
          people { accountId name role }
          roundTables { id topic seats seated waiting hostName }
        }
      }
    }
    agendaConflicts(eventId: $eventId) { kind severity message sessionIds }
  }
`);
const ApprovedPeopleQuery = graphql(`
  query BuilderPeople($eventId: ID!) {
    participants(eventId: $eventId, status: APPROVED) { id account { id name } }
  }
`);
const CreateRoomMutation = graphql(`
  mutation CreateRoom($eventId: ID!, $input: RoomInput!) { createRoom(eventId: $eventId, input: $input) { id } }
`);
const CreateTrackMutation = graphql(`
  mutation CreateTrack($eventId: ID!, $input: TrackInput!) { createTrack(eventId: $eventId, input: $input) { id } }
`);
const CreateSessionMutation = graphql(`
  mutation CreateSession($eventId: ID!, $input: CreateSessionInput!) { createSession(eventId: $eventId, input: $input) { id } }
`);
const SetSessionStatusMutation = graphql(`
  mutation SetSessionStatus($id: ID!, $status: SessionStatus!) { setSessionStatus(id: $id, status: $status) { id status } }
`);
const SetPeopleMutation = graphql(`
  mutation SetSessionPeople($sessionId: ID!, $people: [SessionPersonInput!]!) { setSessionPeople(sessionId: $sessionId, people: $people) { id } }
`);
const AddTableMutation = graphql(`
  mutation AddRoundTable($sessionId: ID!, $input: RoundTableInput!) { addRoundTable(sessionId: $sessionId, input: $input) { id } }
`);

const TYPES: SessionType[] = ['OPENING', 'KEYNOTE', 'PLENARY', 'PANEL', 'ROUND_TABLE', 'WORKSHOP', 'MATCHMAKING', 'NETWORKING', 'SOCIAL', 'BREAK'];
const ROLES: SessionRole[] = ['SPEAKER', 'MODERATOR', 'PANELLIST', 'HOST'];

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
      <Group align="flex-start" grow wrap="wrap">
        <NamedList title={m.builder.rooms} id="rooms" items={rooms.map((r) => `${r.name}${r.capacity ? ` (${r.capacity})` : ''}`)}>
          <RoomForm eventId={event.id} onDone={reload} />
        </NamedList>
        <NamedList title={m.builder.tracks} id="tracks" items={tracks.map((t) => t.name)}>
          <TrackForm eventId={event.id} onDone={reload} />
        </NamedList>
      </Group>
      <SessionForm event={event} rooms={rooms} tracks={tracks} onDone={reload} />
      <section aria-labelledby="sessions">
        <Title order={2} size="h3" id="sessions" mb="xs">{m.builder.sessions}</Title>
        <Stack gap="sm">
          {days.flatMap((d) => d.sessions).map((s) => (
            <SessionCard key={s.id} session={s} conflict={conflicted.has(s.id)} accounts={accounts} onDone={reload} />
          ))}
        </Stack>
      </section>
    </>
  );
}

function NamedList({ title, id, items, children }: { title: string; id: string; items: string[]; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id} miw={260}>
      <Title order={2} size="h4" id={id} mb="xs">{title}</Title>
      <ul className="plain-list">{items.map((name) => <li key={name}><Text size="sm">{name}</Text></li>)}</ul>
      {children}
    </Card>
  );
}

function RoomForm({ eventId, onDone }: { eventId: string; onDone: () => void }) {
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState<number | string>('');
  const [result, create] = useMutation(CreateRoomMutation);
  const errors = toErrors(result.error, ['name', 'capacity']);
  return (
    <form onSubmit={(e) => { e.preventDefault(); void create({ eventId, input: { name, capacity: capacity === '' ? null : Number(capacity) } }).then((r) => { if (!r.error) { setName(''); setCapacity(''); onDone(); } }); }}>
      <Stack gap="xs" mt="xs">
        <TextInput label={`${m.builder.name} (${m.builder.rooms.toLowerCase()})`} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.name} />
        <NumberInput label={m.builder.capacity} value={capacity} onChange={setCapacity} min={1} error={errors.fields.capacity} />
        <ErrorSummary errors={errors.general} />
        <Group><Button type="submit" size="xs" variant="light" loading={result.fetching}>{m.builder.addRoom}</Button></Group>
      </Stack>
    </form>
  );
}

function TrackForm({ eventId, onDone }: { eventId: string; onDone: () => void }) {
  const [name, setName] = useState('');
  const [result, create] = useMutation(CreateTrackMutation);
  const errors = toErrors(result.error, ['name']);
  return (
    <form onSubmit={(e) => { e.preventDefault(); void create({ eventId, input: { name } }).then((r) => { if (!r.error) { setName(''); onDone(); } }); }}>
      <Stack gap="xs" mt="xs">
        <TextInput label={`${m.builder.name} (${m.builder.tracks.toLowerCase()})`} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.name} />
        <ErrorSummary errors={errors.general} />
        <Group><Button type="submit" size="xs" variant="light" loading={result.fetching}>{m.builder.addTrack}</Button></Group>
      </Stack>
    </form>
  );
}

function SessionForm({ event, rooms, tracks, onDone }: { event: EventBasics; rooms: { id: string; name: string }[]; tracks: { id: string; name: string }[]; onDone: () => void }) {
  const empty = { title: '', type: 'PLENARY', startsAt: `${event.startsOn}T09:00`, endsAt: `${event.startsOn}T10:00`, roomId: '', trackId: '' };
  const [form, setForm] = useState(empty);
  const [result, create] = useMutation(CreateSessionMutation);
  const errors = toErrors(result.error, ['title', 'type', 'startsAt', 'endsAt', 'roomId', 'trackId']);
  const set = (key: keyof typeof form) => (value: string | null) => setForm({ ...form, [key]: value ?? '' });
  const submit = () => {
    const startsAt = zonedLocalToIso(form.startsAt, event.timeZone);
    const endsAt = zonedLocalToIso(form.endsAt, event.timeZone);
    void create({
      eventId: event.id,
      input: { title: form.title, type: form.type as SessionType, startsAt: startsAt ?? form.startsAt, endsAt: endsAt ?? form.endsAt, roomId: form.roomId || null, trackId: form.trackId || null },
    }).then((r) => { if (!r.error) { setForm({ ...empty, startsAt: form.endsAt, endsAt: form.endsAt }); onDone(); } });
  };
  return (
    <Card withBorder component="form" aria-labelledby="new-session" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Stack gap="xs">
        <Title order={2} size="h4" id="new-session">{m.builder.newSession}</Title>
        <TextInput label={m.builder.sessionTitle} value={form.title} onChange={(e) => set('title')(e.currentTarget.value)} error={errors.fields.title} />
        <Group grow wrap="wrap">
          <Select label={m.builder.type} value={form.type} onChange={set('type')} allowDeselect={false} data={TYPES.map((t) => ({ value: t, label: m.agenda.types[t] }))} error={errors.fields.type} />
          <TextInput type="datetime-local" label={m.builder.startsAt} description={event.timeZone} value={form.startsAt} onChange={(e) => set('startsAt')(e.currentTarget.value)} error={errors.fields.startsAt} />
          <TextInput type="datetime-local" label={m.builder.endsAt} description={event.timeZone} value={form.endsAt} onChange={(e) => set('endsAt')(e.currentTarget.value)} error={errors.fields.endsAt} />
        </Group>
        <Group grow wrap="wrap">
          <Select label={m.builder.room} value={form.roomId} onChange={set('roomId')} allowDeselect={false} error={errors.fields.roomId}
            data={[{ value: '', label: m.builder.none }, ...rooms.map((r) => ({ value: r.id, label: r.name }))]} />
          <Select label={m.builder.track} value={form.trackId} onChange={set('trackId')} allowDeselect={false} error={errors.fields.trackId}
            data={[{ value: '', label: m.builder.none }, ...tracks.map((t) => ({ value: t.id, label: t.name }))]} />
        </Group>
        <ErrorSummary errors={errors.general} />
        <Group><Button type="submit" loading={result.fetching}>{m.builder.create}</Button></Group>
      </Stack>
    </Card>
  );
}

interface BuilderSession {
  id: string; title: string; type: SessionType; status: SessionStatus; startsAt: string; endsAt: string; timeZone: string;
  room?: { name: string } | null; track?: { name: string } | null;
  people: { accountId: string; name: string; role: SessionRole }[];
  roundTables: { id: string; topic: string; seats: number; seated: number; waiting: number; hostName?: string | null }[];
}

function SessionCard({ session: s, conflict, accounts, onDone }: { session: BuilderSession; conflict: boolean; accounts: { value: string; label: string }[]; onDone: () => void }) {
  const [status, setStatus] = useMutation(SetSessionStatusMutation);
  const [peopleResult, setPeople] = useMutation(SetPeopleMutation);
  const [tableResult, addTable] = useMutation(AddTableMutation);
  const [person, setPerson] = useState({ accountId: '', role: 'SPEAKER' });
  const [table, setTable] = useState({ topic: '', seats: 8 as number | string, host: '' });
  const current = s.people.map((p) => ({ accountId: p.accountId, role: p.role }));
  const errors = toErrors(status.error ?? peopleResult.error ?? tableResult.error, ['topic', 'seats']);
  const done = (r: { error?: unknown }) => !r.error && onDone();
  return (
    <Card withBorder padding="sm" component="article" aria-label={s.title}>
      <Stack gap={6}>
        <Text size="sm"><EventTime at={s.startsAt} zone={s.timeZone} /> – <EventTime at={s.endsAt} zone={s.timeZone} withDate={false} /></Text>
        <Group justify="space-between">
          <Title order={3} size="h5">{s.title}</Title>
          <Group gap={4}>
            <Badge variant="light" color={s.status === 'PUBLISHED' ? 'green' : 'yellow'}>{m.builder.status[s.status]}</Badge>
            {conflict && <Badge variant="light" color="red">{m.builder.conflictFlag}</Badge>}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">{[m.agenda.types[s.type], s.room?.name, s.track?.name].filter(Boolean).join(' · ')}</Text>
        <Text size="sm" fw={600}>{m.builder.people}</Text>
        {!s.people.length && <Text size="sm">—</Text>}
        {s.people.map((p) => (
          <Group key={p.accountId} gap="xs">
            <Text size="sm">{p.name} ({m.builder.roles[p.role]})</Text>
            <Button size="compact-xs" variant="subtle" color="red" aria-label={fmt(m.builder.removePerson, { name: `${p.name}, ${s.title}` })}
              onClick={() => void setPeople({ sessionId: s.id, people: current.filter((c) => c.accountId !== p.accountId) }).then(done)}>
              {m.matchmaking.remove}
            </Button>
          </Group>
        ))}
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select label={m.builder.person} w={200} searchable value={person.accountId} onChange={(v) => setPerson({ ...person, accountId: v ?? '' })} data={accounts} />
          <Select label={m.builder.role} w={140} value={person.role} allowDeselect={false} onChange={(v) => setPerson({ ...person, role: v ?? 'SPEAKER' })}
            data={ROLES.map((r) => ({ value: r, label: m.builder.roles[r] }))} />
          <Button size="xs" variant="light" disabled={!person.accountId} aria-label={`${m.builder.addPerson}: ${s.title}`}
            onClick={() => void setPeople({ sessionId: s.id, people: [...current.filter((p) => p.accountId !== person.accountId), { accountId: person.accountId, role: person.role as SessionRole }] }).then(done)}>
            {m.builder.addPerson}
          </Button>
        </Group>
        {s.type === 'ROUND_TABLE' && (
          <>
            <Text size="sm" fw={600}>{m.builder.tables}</Text>
            {s.roundTables.map((t) => (
              <Text key={t.id} size="sm">{t.topic} · {fmt(m.agenda.seats, { seated: t.seated, seats: t.seats })}{t.waiting ? ` · ${fmt(m.agenda.waiting, { count: t.waiting })}` : ''}{t.hostName ? ` · ${m.builder.host}: ${t.hostName}` : ''}</Text>
            ))}
            <Group align="flex-end" gap="xs" wrap="wrap">
              <TextInput label={m.builder.topic} w={200} value={table.topic} onChange={(e) => setTable({ ...table, topic: e.currentTarget.value })} error={errors.fields.topic} />
              <NumberInput label={m.builder.seats} w={90} min={1} value={table.seats} onChange={(v) => setTable({ ...table, seats: v })} error={errors.fields.seats} />
              <Select label={m.builder.host} w={200} searchable clearable value={table.host} onChange={(v) => setTable({ ...table, host: v ?? '' })} data={accounts} />
              <Button size="xs" variant="light" aria-label={`${m.builder.addTable}: ${s.title}`}
                onClick={() => void addTable({ sessionId: s.id, input: { topic: table.topic, seats: Number(table.seats), hostAccountId: table.host || null } }).then((r) => { if (!r.error) { setTable({ topic: '', seats: 8, host: '' }); onDone(); } })}>
                {m.builder.addTable}
              </Button>
            </Group>
          </>
        )}
        <ErrorSummary errors={errors.general} />
        <Group>
          {s.status !== 'PUBLISHED'
            ? <Button size="xs" loading={status.fetching} aria-label={`${m.builder.publish}: ${s.title}`} onClick={() => void setStatus({ id: s.id, status: 'PUBLISHED' }).then(done)}>{m.builder.publish}</Button>
            : <Button size="xs" variant="default" loading={status.fetching} onClick={() => void setStatus({ id: s.id, status: 'DRAFT' }).then(done)}>{m.builder.unpublish}</Button>}
        </Group>
      </Stack>
    </Card>
  );
}

