import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ErrorSummary, toErrors } from '../../components/api-error.js';
import type { EventBasics } from '../../components/event-page.js';
import { EventTimeRange } from '../../components/event-zone.js';
import type { SessionRole } from '../../gql/graphql.js';
import { fmt, m } from '../../i18n/index.js';
import { ConfirmStep, useReturnFocus } from './confirm-step.js';
import {
  type BuilderRoom, type BuilderSession, type BuilderTrack, DeleteSessionMutation, type PersonChoice, SetPeopleMutation, SetSessionStatusMutation,
} from './operations.js';
import { RoundTables, SeatsPanel } from './round-tables.js';
import { SessionChanges } from './session-changes.js';
import { SessionEditor } from './session-form.js';
import { SessionMessage } from './session-message.js';

const ROLES: SessionRole[] = ['SPEAKER', 'MODERATOR', 'PANELLIST', 'HOST'];

/** One session of the builder: its facts, in-place editing, people, tables, seats, status and history. */
export function SessionCard({ event, session: s, conflict, accounts, rooms, tracks, onDone }: {
  event: EventBasics;
  session: BuilderSession;
  conflict: boolean;
  accounts: PersonChoice[];
  rooms: BuilderRoom[];
  tracks: BuilderTrack[];
  onDone: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const editButton = useReturnFocus(editing);
  const [saved, setSaved] = useState<string | null>(null);
  const [status, setStatus] = useMutation(SetSessionStatusMutation);
  const [deleted, remove] = useMutation(DeleteSessionMutation);
  const errors = toErrors(status.error ?? deleted.error);
  const done = (r: { error?: unknown }) => { if (!r.error) onDone(); };
  const hasSeats = s.type !== 'ROUND_TABLE' && (s.capacity != null || s.seated + s.waiting > 0);
  return (
    <Card withBorder padding="sm" component="article" aria-label={s.title}>
      <Stack gap={6}>
        <Text size="sm"><EventTimeRange start={s.startsAt} end={s.endsAt} zone={s.timeZone} /></Text>
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5">{s.title}</Title>
          <Group gap={4}>
            <Badge variant="light" color={s.status === 'PUBLISHED' ? 'green' : s.status === 'CANCELLED' ? 'gray' : 'yellow'}>{m.builder.status[s.status]}</Badge>
            {conflict && <Badge variant="light" color="red">{m.builder.conflictFlag}</Badge>}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {[m.agenda.types[s.type], s.room?.name, s.track?.name, s.capacity ? `${m.builder.sessionCapacity}: ${s.capacity}` : null, s.language].filter(Boolean).join(' · ')}
        </Text>
        {s.description && <Text size="sm" lineClamp={3}>{s.description}</Text>}
        {saved && !editing && <Text size="sm" role="status" fw={600}>{saved}</Text>}
        {editing ? (
          <SessionEditor event={event} session={s} choices={{ rooms, tracks }} onClose={() => setEditing(false)}
            onSaved={(notified) => { setEditing(false); setSaved(notified ? m.builder.savedNotified : m.builder.saved); onDone(); }} />
        ) : (
          <Group>
            <Button ref={editButton} size="xs" variant="light" aria-label={`${m.builder.edit}: ${s.title}`} onClick={() => { setSaved(null); setEditing(true); }}>{m.builder.edit}</Button>
          </Group>
        )}
        <People session={s} accounts={accounts} onDone={onDone} />
        {s.type === 'ROUND_TABLE' && <RoundTables session={s} accounts={accounts} onDone={onDone} />}
        {(s.type === 'ROUND_TABLE' || hasSeats) && <SeatsPanel session={s} onDone={onDone} />}
        {s.revision > 0 && <SessionChanges session={s} accounts={accounts} />}
        <SessionMessage session={s} />
        <ErrorSummary errors={errors.general} />
        <Group gap="xs" align="flex-start">
          {s.status !== 'PUBLISHED' && (
            <Button size="xs" loading={status.fetching} aria-label={`${m.builder.publish}: ${s.title}`} onClick={() => void setStatus({ id: s.id, status: 'PUBLISHED' }).then(done)}>{m.builder.publish}</Button>
          )}
          {s.status !== 'DRAFT' && (
            <Button size="xs" variant="default" loading={status.fetching} aria-label={`${m.builder.unpublish}: ${s.title}`} onClick={() => void setStatus({ id: s.id, status: 'DRAFT' }).then(done)}>{m.builder.unpublish}</Button>
          )}
          {s.status === 'PUBLISHED' && (
            <ConfirmStep label={m.builder.cancelSession} ariaLabel={`${m.builder.cancelSession}: ${s.title}`} question={fmt(m.builder.confirmCancelSession, { name: s.title })}
              confirmLabel={m.builder.yesCancelSession} busy={status.fetching} onConfirm={() => setStatus({ id: s.id, status: 'CANCELLED' }).then(done)} />
          )}
          {s.status === 'DRAFT' && (
            <ConfirmStep label={m.builder.delete} ariaLabel={`${m.builder.delete}: ${s.title}`} question={fmt(m.builder.confirmDeleteSession, { name: s.title })}
              confirmLabel={m.builder.yesDelete} busy={deleted.fetching} onConfirm={() => remove({ id: s.id }).then(done)} />
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function People({ session: s, accounts, onDone }: { session: BuilderSession; accounts: PersonChoice[]; onDone: () => void }) {
  const [result, setPeople] = useMutation(SetPeopleMutation);
  const [person, setPerson] = useState({ accountId: '', role: 'SPEAKER' });
  const current = s.people.map((p) => ({ accountId: p.accountId, role: p.role }));
  const errors = toErrors(result.error);
  const done = (r: { error?: unknown }) => { if (!r.error) onDone(); };
  return (
    <>
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
      <ErrorSummary errors={errors.general} />
    </>
  );
}
