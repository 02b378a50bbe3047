import { Anchor, Badge, Button, Card, FileInput, Group, Progress, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, errorMessages, toErrors } from '../components/api-error.js';
import { EventPage, type EventBasics } from '../components/event-page.js';
import { EventTime } from '../components/event-zone.js';
import { PageLoader } from '../components/layout.js';
import { SessionFeedbackSummaryView } from '../components/session-feedback.js';
import { graphql } from '../gql/index.js';
import type { MaterialVisibility } from '../gql/graphql.js';
import { fmt, locale, m } from '../i18n/index.js';
import { mapApiErrors } from '../lib/api-errors.js';
import { fileSizeLabel } from '../lib/number-display.js';
import { downloadFile, uploadFile, type UploadError } from '../lib/upload.js';

const MySessionsQuery = graphql(`
  query SpeakerSessions($eventId: ID!) {
    myAgenda(eventId: $eventId) { reasons session { id title startsAt endsAt status room { name } } }
  }
`);
const MySessionsFeedbackQuery = graphql(`
  query MySessionsFeedback($eventId: ID!) {
    mySessionsFeedback(eventId: $eventId) { sessionId title count average distribution comments detailsHidden }
  }
`);
const MaterialsQuery = graphql(`
  query SessionMaterials($sessionId: ID!) {
    sessionMaterials(sessionId: $sessionId) {
      id title visibility embargoed embargoUntilStart canManage downloadUrl
      currentVersion { id version }
      versions { id version fileName sizeBytes uploadedAt downloadUrl }
    }
  }
`);
const UpdateMaterialMutation = graphql(`
  mutation UpdateMaterial($id: ID!, $input: UpdateMaterialInput!) { updateMaterial(id: $id, input: $input) { id visibility title embargoUntilStart } }
`);
const DeleteMaterialMutation = graphql(`
  mutation DeleteMaterial($id: ID!) { deleteMaterial(id: $id) }
`);

const ON_STAGE = new Set(['SPEAKER', 'HOST', 'MODERATOR', 'PANELLIST', 'TABLE_HOST']);
const VISIBILITIES: MaterialVisibility[] = ['PUBLIC', 'PARTICIPANTS', 'PRIVATE'];

function uploadErrors(error: UploadError | null, fields: string[]) {
  if (!error) return { fields: {} as Record<string, string>, general: [] as string[] };
  return mapApiErrors(error.extensions.code === 'NETWORK' ? [] : [error], errorMessages, { formFields: fields, networkError: error.extensions.code === 'NETWORK' });
}

export function SpeakerPage() {
  return <EventPage title={m.speaker.title}>{(event) => <Sessions event={event} />}</EventPage>;
}

function Sessions({ event }: { event: EventBasics }) {
  const [{ data, error }] = useQuery({ query: MySessionsQuery, variables: { eventId: event.id } });
  const [feedback] = useQuery({ query: MySessionsFeedbackQuery, variables: { eventId: event.id }, requestPolicy: 'cache-and-network' });
  const feedbackOf = new Map((feedback.data?.mySessionsFeedback ?? []).map((f) => [f.sessionId, f]));
  if (!data) return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  const mine = data.myAgenda.filter((item) => item.reasons.some((r) => ON_STAGE.has(r)));
  if (!mine.length) return <Text>{m.speaker.none}</Text>;
  return (
    <Stack>
      {mine.map(({ session }) => (
        <Card key={session.id} withBorder component="section" aria-labelledby={`s-${session.id}`}>
          <Stack gap="xs">
            <Title order={2} size="h4" id={`s-${session.id}`}>{session.title}</Title>
            <Text size="sm"><EventTime at={session.startsAt} zone={event.timeZone} />{session.room ? ` · ${session.room.name}` : ''}</Text>
            <Materials eventId={event.id} sessionId={session.id} />
            {feedbackOf.has(session.id) && Date.parse(session.startsAt) <= Date.now() && (
              <section aria-labelledby={`fb-${session.id}`}>
                <Title order={3} size="h5" id={`fb-${session.id}`} mb={4}>{m.sessionFeedback.speakerTitle}</Title>
                <SessionFeedbackSummaryView summary={feedbackOf.get(session.id)!} />
              </section>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function Materials({ eventId, sessionId }: { eventId: string; sessionId: string }) {
  const [{ data, error }, refresh] = useQuery({ query: MaterialsQuery, variables: { sessionId } });
  const [deleted, setDeleted] = useState<string | null>(null);
  const reload = () => refresh({ requestPolicy: 'network-only' });
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">{m.speaker.materials}</Title>
      <ErrorSummary errors={toErrors(error).general} />
      {deleted && <Text size="sm" role="status" c="green">{fmt(m.materialDelete.deleted, { title: deleted })}</Text>}
      {data && !data.sessionMaterials.length && <Text size="sm">{m.speaker.noMaterials}</Text>}
      {data?.sessionMaterials.map((material) => (
        <MaterialCard key={material.id} material={material} onChange={() => { setDeleted(null); reload(); }}
          onDeleted={() => { setDeleted(material.title); reload(); }} />
      ))}
      <UploadForm url={`/events/${eventId}/sessions/${sessionId}/materials`} label={m.speaker.upload} withMeta onDone={reload} />
    </Stack>
  );
}

interface MaterialData {
  id: string; title: string; visibility: MaterialVisibility; embargoed: boolean; canManage: boolean;
  currentVersion: { version: number };
  versions: { id: string; version: number; fileName: string; sizeBytes: number; uploadedAt: string; downloadUrl: string }[];
}

function MaterialCard({ material, onChange, onDeleted }: { material: MaterialData; onChange: () => void; onDeleted: () => void }) {
  const [updated, update] = useMutation(UpdateMaterialMutation);
  const [removed, remove] = useMutation(DeleteMaterialMutation);
  const [replacing, setReplacing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  return (
    <Card withBorder padding="sm" component="article" aria-label={material.title}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{material.title}</Text>
          {material.embargoed && <Badge variant="light" color="gray">{m.speaker.embargoed}</Badge>}
        </Group>
        {material.canManage && (
          <Select label={m.speaker.visibility} value={material.visibility} allowDeselect={false} w={260}
            onChange={(v) => v && void update({ id: material.id, input: { visibility: v as MaterialVisibility } })}
            data={VISIBILITIES.map((v) => ({ value: v, label: m.speaker.visibilities[v] }))} />
        )}
        <ErrorSummary errors={toErrors(updated.error).general} />
        <ul className="plain-list">
          {[...material.versions].sort((a, b) => b.version - a.version).map((v) => (
            <li key={v.id}>
              <Text size="sm">
                {fmt(m.speaker.version, { version: v.version, file: v.fileName, size: fileSizeLabel(v.sizeBytes, locale) })}
                {v.version === material.currentVersion.version ? ` (${m.speaker.current})` : ''} ·{' '}
                <Anchor component="button" type="button" size="sm" onClick={() => void downloadFile(v.downloadUrl, v.fileName)}
                  aria-label={`${m.speaker.download}: ${v.fileName} v${v.version}`}>{m.speaker.download}</Anchor>
              </Text>
            </li>
          ))}
        </ul>
        {material.canManage && (replacing
          ? <UploadForm url={`/materials/${material.id}/versions`} label={fmt(m.speaker.replaceFile, { title: material.title })} onDone={() => { setReplacing(false); onChange(); }} />
          : !confirming && (
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => setReplacing(true)}>{m.speaker.replace}</Button>
              <Button size="xs" variant="subtle" color="red" aria-label={fmt(m.materialDelete.deleteOf, { title: material.title })} onClick={() => setConfirming(true)}>
                {m.materialDelete.delete}
              </Button>
            </Group>
          ))}
        {material.canManage && confirming && (
          <Stack gap="xs">
            <Text size="sm" fw={600}>{fmt(m.materialDelete.confirm, { title: material.title })}</Text>
            <Group gap="xs">
              <Button size="xs" color="red" loading={removed.fetching} onClick={() => void remove({ id: material.id }).then((r) => { if (!r.error) onDeleted(); })}>
                {m.materialDelete.yes}
              </Button>
              <Button size="xs" variant="default" autoFocus onClick={() => setConfirming(false)}>{m.materialDelete.keep}</Button>
            </Group>
          </Stack>
        )}
        <ErrorSummary errors={toErrors(removed.error).general} />
      </Stack>
    </Card>
  );
}

function UploadForm({ url, label, withMeta, onDone }: { url: string; label: string; withMeta?: boolean; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<MaterialVisibility>('PARTICIPANTS');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<UploadError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errors = uploadErrors(error, ['file', 'title', 'visibility']);
  const submit = async () => {
    setDone(null);
    if (!file) return setError({ message: m.speaker.chooseFile, extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
    setError(null);
    setProgress(0);
    const result = await uploadFile(url, withMeta ? { title: title.trim(), visibility } : { title: title.trim() }, file, setProgress);
    setProgress(null);
    if (!result.ok) return setError(result.error);
    setDone(fmt(m.speaker.uploaded, { title: title.trim() || file.name }));
    setFile(null);
    setTitle('');
    onDone();
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label={label}>
      <Stack gap="xs">
        <Text fw={600} size="sm">{label}</Text>
        <FileInput label={m.speaker.file} value={file} onChange={setFile} error={errors.fields.file} clearable
          accept="application/pdf,.pdf,.ppt,.pptx,.odp,.key,.doc,.docx,.odt,.xls,.xlsx,.ods,.zip,image/*" />
        {withMeta && (
          <Group grow wrap="wrap">
            <TextInput label={m.speaker.materialTitle} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.fields.title} />
            <Select label={m.speaker.visibility} value={visibility} allowDeselect={false} onChange={(v) => setVisibility((v ?? 'PARTICIPANTS') as MaterialVisibility)}
              error={errors.fields.visibility} data={VISIBILITIES.map((v) => ({ value: v, label: m.speaker.visibilities[v] }))} />
          </Group>
        )}
        {progress !== null && (
          <>
            <Progress value={Math.round(progress * 100)} aria-label={fmt(m.speaker.uploading, { percent: Math.round(progress * 100) })} />
            <Text size="sm" role="status">{fmt(m.speaker.uploading, { percent: Math.round(progress * 100) })}</Text>
          </>
        )}
        <ErrorSummary errors={errors.general} />
        {done && <Text size="sm" role="status" c="green">{done}</Text>}
        <Group><Button type="submit" size="xs" loading={progress !== null}>{m.speaker.upload}</Button></Group>
      </Stack>
    </form>
  );
}
