import { Alert, Button, Card, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ErrorSummary, toErrors } from '../../components/api-error.js';
import type { EventBasics } from '../../components/event-page.js';
import type { SessionType, UpdateSessionInput } from '../../gql/graphql.js';
import { fmt, m } from '../../i18n/index.js';
import { type MappedErrors } from '../../lib/api-errors.js';
import { isoToZonedLocal, zonedLocalToIso } from '../../lib/time-display.js';
import { type BuilderRoom, type BuilderSession, type BuilderTrack, CreateSessionMutation, UpdateSessionMutation } from './operations.js';
import { EditorActions } from './confirm-step.js';

export const TYPES: SessionType[] = ['OPENING', 'KEYNOTE', 'PLENARY', 'PANEL', 'ROUND_TABLE', 'WORKSHOP', 'MATCHMAKING', 'NETWORKING', 'SOCIAL', 'BREAK'];
const FIELDS = ['title', 'description', 'type', 'startsAt', 'endsAt', 'roomId', 'trackId', 'capacity', 'language'] as const;

/** What the form holds: times as wall-clock "YYYY-MM-DDTHH:mm" in the event's zone. */
interface SessionDraft {
  title: string;
  description: string;
  type: string;
  startsAt: string;
  endsAt: string;
  roomId: string;
  trackId: string;
  capacity: number | string;
  language: string;
}

interface Choices {
  rooms: BuilderRoom[];
  tracks: BuilderTrack[];
}

/** Times typed in the event's zone as instants, or a message for the field that cannot be read. */
function instants(draft: SessionDraft, zone: string): { startsAt: string | null; endsAt: string | null; local: MappedErrors } {
  const startsAt = zonedLocalToIso(draft.startsAt, zone);
  const endsAt = zonedLocalToIso(draft.endsAt, zone);
  const fields: Record<string, string> = {};
  if (!startsAt) fields.startsAt = m.builder.timeRequired;
  if (!endsAt) fields.endsAt = m.builder.timeRequired;
  return { startsAt, endsAt, local: { fields, general: [] } };
}

function merged(local: MappedErrors | null, api: MappedErrors): MappedErrors {
  return local && Object.keys(local.fields).length ? local : api;
}

function SessionFields({ event, draft, onChange, errors, choices, full }: {
  event: EventBasics;
  draft: SessionDraft;
  onChange: (draft: SessionDraft) => void;
  errors: MappedErrors;
  choices: Choices;
  /** Also description, capacity and language (the editor); the quick "new session" form leaves them out. */
  full: boolean;
}) {
  const set = (key: keyof SessionDraft) => (value: string | number | null) => onChange({ ...draft, [key]: value ?? '' });
  return (
    <>
      <TextInput label={m.builder.sessionTitle} autoFocus={full} value={draft.title} onChange={(e) => set('title')(e.currentTarget.value)} error={errors.fields.title} />
      {full && (
        <Textarea label={m.builder.description} autosize minRows={2} maxRows={8} value={draft.description}
          onChange={(e) => set('description')(e.currentTarget.value)} error={errors.fields.description} />
      )}
      <Group grow wrap="wrap" align="flex-start">
        <Select label={m.builder.type} value={draft.type} onChange={set('type')} allowDeselect={false} miw={160}
          data={TYPES.map((t) => ({ value: t, label: m.agenda.types[t] }))} error={errors.fields.type} />
        <TextInput type="datetime-local" label={m.builder.startsAt} description={event.timeZone} value={draft.startsAt} miw={200}
          onChange={(e) => set('startsAt')(e.currentTarget.value)} error={errors.fields.startsAt} />
        <TextInput type="datetime-local" label={m.builder.endsAt} description={event.timeZone} value={draft.endsAt} miw={200}
          onChange={(e) => set('endsAt')(e.currentTarget.value)} error={errors.fields.endsAt} />
      </Group>
      <Group grow wrap="wrap" align="flex-start">
        <Select label={m.builder.room} value={draft.roomId} onChange={set('roomId')} allowDeselect={false} error={errors.fields.roomId} miw={160}
          data={[{ value: '', label: m.builder.none }, ...choices.rooms.map((r) => ({ value: r.id, label: r.name }))]} />
        <Select label={m.builder.track} value={draft.trackId} onChange={set('trackId')} allowDeselect={false} error={errors.fields.trackId} miw={160}
          data={[{ value: '', label: m.builder.none }, ...choices.tracks.map((t) => ({ value: t.id, label: t.name }))]} />
      </Group>
      {full && (
        <Group grow wrap="wrap" align="flex-start">
          {/* A round table's seats are its tables' seats: a session capacity would say nothing there. */}
          {(draft.type !== 'ROUND_TABLE' || draft.capacity !== '') && (
            <NumberInput label={m.builder.sessionCapacity} description={m.builder.sessionCapacityHint} min={1} value={draft.capacity} miw={160}
              onChange={set('capacity')} error={errors.fields.capacity} />
          )}
          <TextInput label={m.builder.language} description={m.builder.languageHint} value={draft.language} miw={160}
            onChange={(e) => set('language')(e.currentTarget.value)} error={errors.fields.language} />
        </Group>
      )}
    </>
  );
}

/** The quick form for a new draft session. */
export function NewSessionForm({ event, choices, onDone }: { event: EventBasics; choices: Choices; onDone: () => void }) {
  const empty: SessionDraft = {
    title: '', description: '', type: 'PLENARY', startsAt: `${event.startsOn}T09:00`, endsAt: `${event.startsOn}T10:00`,
    roomId: '', trackId: '', capacity: '', language: '',
  };
  const [draft, setDraft] = useState(empty);
  const [local, setLocal] = useState<MappedErrors | null>(null);
  const [result, create] = useMutation(CreateSessionMutation);
  const errors = merged(local, toErrors(result.error, FIELDS));
  const submit = () => {
    const times = instants(draft, event.timeZone);
    setLocal(times.local);
    if (!times.startsAt || !times.endsAt) return;
    void create({
      eventId: event.id,
      input: { title: draft.title, type: draft.type as SessionType, startsAt: times.startsAt, endsAt: times.endsAt, roomId: draft.roomId || null, trackId: draft.trackId || null },
    }).then((r) => { if (!r.error) { setDraft({ ...empty, startsAt: draft.endsAt, endsAt: draft.endsAt }); onDone(); } });
  };
  return (
    <Card withBorder component="form" aria-labelledby="new-session" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Stack gap="xs">
        <Title order={2} size="h4" id="new-session">{m.builder.newSession}</Title>
        <SessionFields event={event} draft={draft} onChange={setDraft} errors={errors} choices={choices} full={false} />
        <ErrorSummary errors={errors.general} />
        <Group><Button type="submit" loading={result.fetching}>{m.builder.create}</Button></Group>
      </Stack>
    </Card>
  );
}

function draftOf(s: BuilderSession): SessionDraft {
  return {
    title: s.title,
    description: s.description ?? '',
    type: s.type,
    startsAt: isoToZonedLocal(s.startsAt, s.timeZone),
    endsAt: isoToZonedLocal(s.endsAt, s.timeZone),
    roomId: s.room?.id ?? '',
    trackId: s.track?.id ?? '',
    capacity: s.capacity ?? '',
    language: s.language ?? '',
  };
}

/**
 * Edits a session in place. Only what changed is sent; on a refusal the form stays open with what
 * was typed and the message at its field. A published session's new time or room reaches its
 * audience by e-mail (the API's change log), which the form says before and after saving.
 */
export function SessionEditor({ event, session, choices, onSaved, onClose }: {
  event: EventBasics;
  session: BuilderSession;
  choices: Choices;
  onSaved: (notified: boolean) => void;
  onClose: () => void;
}) {
  const [initial] = useState(() => draftOf(session));
  const [draft, setDraft] = useState(initial);
  const [local, setLocal] = useState<MappedErrors | null>(null);
  const [result, update] = useMutation(UpdateSessionMutation);
  const errors = merged(local, toErrors(result.error, FIELDS));
  const moves = draft.startsAt !== initial.startsAt || draft.endsAt !== initial.endsAt || draft.roomId !== initial.roomId;
  const published = session.status === 'PUBLISHED';
  const title = fmt(m.builder.editSession, { name: session.title });

  const submit = () => {
    const times = instants(draft, event.timeZone);
    setLocal(times.local);
    if (!times.startsAt || !times.endsAt) return;
    const input: UpdateSessionInput = {};
    if (draft.title !== initial.title) input.title = draft.title;
    if (draft.description !== initial.description) input.description = draft.description.trim() || null;
    if (draft.type !== initial.type) input.type = draft.type as SessionType;
    if (draft.startsAt !== initial.startsAt) input.startsAt = times.startsAt;
    if (draft.endsAt !== initial.endsAt) input.endsAt = times.endsAt;
    if (draft.roomId !== initial.roomId) input.roomId = draft.roomId || null;
    if (draft.trackId !== initial.trackId) input.trackId = draft.trackId || null;
    if (draft.capacity !== initial.capacity) input.capacity = draft.capacity === '' ? null : Number(draft.capacity);
    if (draft.language !== initial.language) input.language = draft.language.trim() || null;
    if (!Object.keys(input).length) return onClose();
    void update({ id: session.id, input }).then((r) => { if (!r.error) onSaved(published && moves); });
  };

  return (
    <form aria-label={title} onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>{title}</Text>
        <SessionFields event={event} draft={draft} onChange={setDraft} errors={errors} choices={choices} full />
        {published && moves && <Alert variant="light" color="yellow" p="xs">{m.builder.publishedNotice}</Alert>}
        <EditorActions errors={errors.general} saving={result.fetching} onClose={onClose} />
      </Stack>
    </form>
  );
}
