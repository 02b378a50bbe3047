import { Button, Card, ColorSwatch, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ErrorSummary, toErrors } from '../../components/api-error.js';
import { fmt, m } from '../../i18n/index.js';
import { ConfirmStep, EditorActions, useReturnFocus } from './confirm-step.js';
import {
  type BuilderRoom, type BuilderSession, type BuilderTrack,
  CreateRoomMutation, CreateTrackMutation, DeleteRoomMutation, DeleteTrackMutation, UpdateRoomMutation, UpdateTrackMutation,
} from './operations.js';

const COLOUR = /^#[0-9a-fA-F]{6}$/;
const numberOrNull = (value: number | string) => (value === '' ? null : Number(value));

/** Rooms: add, rename (capacity, directions) and delete; a room that still has sessions is refused. */
export function RoomsCard({ eventId, rooms, sessions, onDone }: { eventId: string; rooms: BuilderRoom[]; sessions: BuilderSession[]; onDone: () => void }) {
  return (
    <Card withBorder component="section" aria-labelledby="rooms" flex="1 1 260px">
      <Title order={2} size="h4" id="rooms" mb="xs">{m.builder.rooms}</Title>
      {!rooms.length && <Text size="sm">{m.builder.noRooms}</Text>}
      <Stack gap="xs" component="ul" className="plain-list">
        {rooms.map((room) => (
          <li key={room.id}><RoomRow room={room} usedBy={sessions.filter((s) => s.room?.id === room.id).map((s) => s.title)} onDone={onDone} /></li>
        ))}
      </Stack>
      <NewRoomForm eventId={eventId} onDone={onDone} />
    </Card>
  );
}

function RoomRow({ room, usedBy, onDone }: { room: BuilderRoom; usedBy: string[]; onDone: () => void }) {
  const [editing, setEditing] = useState(false);
  const editButton = useReturnFocus(editing);
  const [deleted, remove] = useMutation(DeleteRoomMutation);
  const errors = toErrors(deleted.error);
  if (editing) return <RoomEditor room={room} onClose={() => setEditing(false)} onDone={onDone} />;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <div>
          <Text size="sm" fw={600}>{room.name}{room.capacity ? ` (${room.capacity})` : ''}</Text>
          {room.location && <Text size="xs" c="dimmed">{room.location}</Text>}
        </div>
        <Group gap={4}>
          <Button ref={editButton} size="xs" variant="subtle" aria-label={`${m.builder.edit}: ${room.name}`} onClick={() => setEditing(true)}>{m.builder.edit}</Button>
          <ConfirmStep label={m.builder.delete} ariaLabel={`${m.builder.delete}: ${room.name}`} question={fmt(m.builder.confirmDeleteRoom, { name: room.name })}
            confirmLabel={m.builder.yesDelete} busy={deleted.fetching}
            onConfirm={() => remove({ id: room.id }).then((r) => { if (!r.error) onDone(); })} />
        </Group>
      </Group>
      <ErrorSummary errors={errors.general} />
      {deleted.error && usedBy.length > 0 && <Text size="sm">{fmt(m.builder.roomUsedBy, { titles: usedBy.join(', ') })}</Text>}
    </Stack>
  );
}

function RoomEditor({ room, onClose, onDone }: { room: BuilderRoom; onClose: () => void; onDone: () => void }) {
  const [form, setForm] = useState({ name: room.name, capacity: (room.capacity ?? '') as number | string, location: room.location ?? '' });
  const [result, update] = useMutation(UpdateRoomMutation);
  const errors = toErrors(result.error, ['name', 'capacity', 'location']);
  const title = fmt(m.builder.editRoom, { name: room.name });
  return (
    <form aria-label={title} onSubmit={(e) => {
      e.preventDefault();
      void update({ id: room.id, input: { name: form.name, capacity: numberOrNull(form.capacity), location: form.location.trim() || null } })
        .then((r) => { if (!r.error) { onClose(); onDone(); } });
    }}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>{title}</Text>
        <TextInput label={m.builder.name} autoFocus value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.fields.name} />
        <NumberInput label={m.builder.capacity} min={1} value={form.capacity} onChange={(v) => setForm({ ...form, capacity: v })} error={errors.fields.capacity} />
        <TextInput label={m.builder.location} value={form.location} onChange={(e) => setForm({ ...form, location: e.currentTarget.value })} error={errors.fields.location} />
        <EditorActions errors={errors.general} saving={result.fetching} onClose={onClose} />
      </Stack>
    </form>
  );
}

function NewRoomForm({ eventId, onDone }: { eventId: string; onDone: () => void }) {
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState<number | string>('');
  const [result, create] = useMutation(CreateRoomMutation);
  const errors = toErrors(result.error, ['name', 'capacity']);
  return (
    <form onSubmit={(e) => { e.preventDefault(); void create({ eventId, input: { name, capacity: numberOrNull(capacity) } }).then((r) => { if (!r.error) { setName(''); setCapacity(''); onDone(); } }); }}>
      <Stack gap="xs" mt="sm">
        <TextInput label={`${m.builder.name} (${m.builder.rooms.toLowerCase()})`} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.name} />
        <NumberInput label={m.builder.capacity} value={capacity} onChange={setCapacity} min={1} error={errors.fields.capacity} />
        <ErrorSummary errors={errors.general} />
        <Group><Button type="submit" size="xs" variant="light" loading={result.fetching}>{m.builder.addRoom}</Button></Group>
      </Stack>
    </form>
  );
}

/** Tracks: add, rename (and colour) and delete; deleting keeps the sessions, without a track. */
export function TracksCard({ eventId, tracks, onDone }: { eventId: string; tracks: BuilderTrack[]; onDone: () => void }) {
  return (
    <Card withBorder component="section" aria-labelledby="tracks" flex="1 1 260px">
      <Title order={2} size="h4" id="tracks" mb="xs">{m.builder.tracks}</Title>
      {!tracks.length && <Text size="sm">{m.builder.noTracks}</Text>}
      <Stack gap="xs" component="ul" className="plain-list">
        {tracks.map((track) => <li key={track.id}><TrackRow track={track} onDone={onDone} /></li>)}
      </Stack>
      <NewTrackForm eventId={eventId} onDone={onDone} />
    </Card>
  );
}

function TrackRow({ track, onDone }: { track: BuilderTrack; onDone: () => void }) {
  const [editing, setEditing] = useState(false);
  const editButton = useReturnFocus(editing);
  const [deleted, remove] = useMutation(DeleteTrackMutation);
  const errors = toErrors(deleted.error);
  if (editing) return <TrackEditor track={track} onClose={() => setEditing(false)} onDone={onDone} />;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap={6} wrap="nowrap">
          <ColorSwatch color={track.colour} size={14} aria-hidden />
          <Text size="sm" fw={600}>{track.name}</Text>
        </Group>
        <Group gap={4}>
          <Button ref={editButton} size="xs" variant="subtle" aria-label={`${m.builder.edit}: ${track.name}`} onClick={() => setEditing(true)}>{m.builder.edit}</Button>
          <ConfirmStep label={m.builder.delete} ariaLabel={`${m.builder.delete}: ${track.name}`} question={fmt(m.builder.confirmDeleteTrack, { name: track.name })}
            confirmLabel={m.builder.yesDelete} busy={deleted.fetching}
            onConfirm={() => remove({ id: track.id }).then((r) => { if (!r.error) onDone(); })} />
        </Group>
      </Group>
      <ErrorSummary errors={errors.general} />
    </Stack>
  );
}

function TrackEditor({ track, onClose, onDone }: { track: BuilderTrack; onClose: () => void; onDone: () => void }) {
  const [form, setForm] = useState({ name: track.name, colour: track.colour });
  const [result, update] = useMutation(UpdateTrackMutation);
  const errors = toErrors(result.error, ['name', 'colour']);
  const title = fmt(m.builder.editTrack, { name: track.name });
  return (
    <form aria-label={title} onSubmit={(e) => {
      e.preventDefault();
      void update({ id: track.id, input: { name: form.name, colour: form.colour.trim() } }).then((r) => { if (!r.error) { onClose(); onDone(); } });
    }}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>{title}</Text>
        <TextInput label={m.builder.name} autoFocus value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.fields.name} />
        <TextInput label={m.builder.colour} value={form.colour} onChange={(e) => setForm({ ...form, colour: e.currentTarget.value })} error={errors.fields.colour}
          leftSection={COLOUR.test(form.colour.trim()) ? <ColorSwatch color={form.colour.trim()} size={16} aria-hidden /> : null} />
        <EditorActions errors={errors.general} saving={result.fetching} onClose={onClose} />
      </Stack>
    </form>
  );
}

function NewTrackForm({ eventId, onDone }: { eventId: string; onDone: () => void }) {
  const [name, setName] = useState('');
  const [result, create] = useMutation(CreateTrackMutation);
  const errors = toErrors(result.error, ['name']);
  return (
    <form onSubmit={(e) => { e.preventDefault(); void create({ eventId, input: { name } }).then((r) => { if (!r.error) { setName(''); onDone(); } }); }}>
      <Stack gap="xs" mt="sm">
        <TextInput label={`${m.builder.name} (${m.builder.tracks.toLowerCase()})`} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.fields.name} />
        <ErrorSummary errors={errors.general} />
        <Group><Button type="submit" size="xs" variant="light" loading={result.fetching}>{m.builder.addTrack}</Button></Group>
      </Stack>
    </form>
  );
}
