import { Badge, Button, Card, Checkbox, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { EventPage, type EventBasics } from '../components/event-page.js';
import { EventTime } from '../components/event-zone.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import type { MaterialFileType, OrganiserMaterialsSettingsQuery } from '../gql/graphql.js';
import { fmt, locale, m } from '../i18n/index.js';
import { labelOf } from '../lib/code-labels.js';
import { decimalSeparator, MEGABYTE } from '../lib/number-display.js';
import { isoToZonedLocal, zonedLocalToIso } from '../lib/time-display.js';
import { downloadFile } from '../lib/upload.js';

const SettingsQuery = graphql(`
  query OrganiserMaterialsSettings($eventId: ID!) {
    materialsSettings(eventId: $eventId) { eventId allowedTypes maxBytes maxBytesLimit uploadDeadline packPublic packUrl }
  }
`);
const UpdateSettingsMutation = graphql(`
  mutation UpdateMaterialsSettings($eventId: ID!, $input: UpdateMaterialsSettingsInput!) {
    updateMaterialsSettings(eventId: $eventId, input: $input) { eventId allowedTypes maxBytes maxBytesLimit uploadDeadline packPublic packUrl }
  }
`);
const MissingQuery = graphql(`
  query SessionsMissingMaterials($eventId: ID!) {
    sessionsMissingMaterials(eventId: $eventId) {
      deadline overdue
      session { id title startsAt endsAt status room { name } }
      speakers { accountId name organisationName }
    }
  }
`);

type Settings = OrganiserMaterialsSettingsQuery['materialsSettings'];

const TYPES: MaterialFileType[] = ['PDF', 'PPTX', 'DOCX', 'XLSX', 'ODP', 'ODT', 'ODS', 'PNG', 'JPEG', 'GIF', 'WEBP', 'MP4'];
/** Megabytes with at most one decimal, as people type them. */
const megabytes = (bytes: number) => Math.round((bytes / MEGABYTE) * 10) / 10;

export function MaterialsSettingsPage() {
  return <EventPage title={m.materialsSettings.title}>{(event) => <MaterialsSettings event={event} />}</EventPage>;
}

function MaterialsSettings({ event }: { event: EventBasics }) {
  const [{ data, error }] = useQuery({ query: SettingsQuery, variables: { eventId: event.id } });
  const settings = data?.materialsSettings;
  if (!settings) return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  return (
    <>
      <RulesForm key={settings.eventId} event={event} settings={settings} />
      <Pack event={event} settings={settings} />
      <Missing event={event} />
    </>
  );
}

function RulesForm({ event, settings }: { event: EventBasics; settings: Settings }) {
  const [form, setForm] = useState({
    allowedTypes: settings.allowedTypes as string[],
    maxMb: megabytes(settings.maxBytes) as number | string,
    deadline: settings.uploadDeadline ? isoToZonedLocal(settings.uploadDeadline, event.timeZone) : '',
    packPublic: settings.packPublic,
  });
  const [saved, save] = useMutation(UpdateSettingsMutation);
  const errors = toErrors(saved.error, ['allowedTypes', 'maxBytes', 'uploadDeadline', 'packPublic']);
  const current = saved.data?.updateMaterialsSettings ?? settings;
  return (
    <Card withBorder component="form" aria-labelledby="rules" onSubmit={(e) => {
      e.preventDefault();
      void save({
        eventId: event.id,
        input: {
          allowedTypes: form.allowedTypes as MaterialFileType[],
          maxBytes: Math.round(Number(form.maxMb) * MEGABYTE),
          uploadDeadline: form.deadline ? zonedLocalToIso(form.deadline, event.timeZone) ?? form.deadline : null,
          packPublic: form.packPublic,
        },
      });
    }}>
      <Stack gap="sm">
        <Title order={2} size="h4" id="rules">{m.materialsSettings.rulesTitle}</Title>
        <Checkbox.Group label={m.materialsSettings.allowedTypes} value={form.allowedTypes} error={errors.fields.allowedTypes}
          onChange={(allowedTypes) => setForm({ ...form, allowedTypes })}>
          {/* Wrapping rows rather than a responsive grid: Mantine writes those as <style>, which the CSP refuses. */}
          <Group gap="sm" mt={6}>
            {TYPES.map((type) => <Checkbox key={type} value={type} label={labelOf(m.materialsSettings.types, type)} />)}
          </Group>
        </Checkbox.Group>
        <NumberInput label={m.materialsSettings.maxMb} min={0.1} max={megabytes(settings.maxBytesLimit)} decimalScale={1} value={form.maxMb}
          decimalSeparator={decimalSeparator(locale)}
          description={fmt(m.materialsSettings.maxMbHint, { limit: megabytes(settings.maxBytesLimit).toLocaleString(locale) })} error={errors.fields.maxBytes}
          onChange={(maxMb) => setForm({ ...form, maxMb })} />
        <TextInput type="datetime-local" label={m.materialsSettings.deadline} value={form.deadline} error={errors.fields.uploadDeadline}
          description={`${m.materialsSettings.deadlineHint} ${event.timeZone}`} onChange={(e) => setForm({ ...form, deadline: e.currentTarget.value })} />
        <Text size="sm">
          {current.uploadDeadline
            ? <>{m.materialsSettings.deadlineNow} <EventTime at={current.uploadDeadline} zone={event.timeZone} /></>
            : m.materialsSettings.noDeadline}
        </Text>
        <Checkbox label={m.materialsSettings.packPublic} checked={form.packPublic} error={errors.fields.packPublic}
          onChange={(e) => setForm({ ...form, packPublic: e.currentTarget.checked })} />
        <ErrorSummary errors={errors.general} />
        {saved.data && !saved.error && <Text role="status" c="green">{m.materialsSettings.saved}</Text>}
        <Group><Button type="submit" loading={saved.fetching}>{m.materialsSettings.save}</Button></Group>
      </Stack>
    </Card>
  );
}

/** The ZIP of public materials; it needs the sign-in token, so it is fetched rather than linked. */
function Pack({ event, settings }: { event: EventBasics; settings: Settings }) {
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  return (
    <Card withBorder component="section" aria-labelledby="pack">
      <Stack gap="xs">
        <Title order={2} size="h4" id="pack">{m.materialsSettings.packTitle}</Title>
        <Text size="sm">{m.materialsSettings.packIntro}</Text>
        <Text size="sm">{settings.packPublic ? m.materialsSettings.packIsPublic : m.materialsSettings.packIsPrivate}</Text>
        {state === 'failed' && <ErrorSummary errors={[m.materialsSettings.downloadFailed]} />}
        <Group>
          <Button variant="light" loading={state === 'loading'} onClick={() => {
            setState('loading');
            void downloadFile(settings.packUrl, `${event.slug}-materials.zip`).then((ok) => setState(ok ? 'idle' : 'failed'), () => setState('failed'));
          }}>
            {m.materialsSettings.download}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Sessions whose speakers have uploaded nothing yet, so the organisers can chase them. */
function Missing({ event }: { event: EventBasics }) {
  const [{ data, error }] = useQuery({ query: MissingQuery, variables: { eventId: event.id } });
  return (
    <section aria-labelledby="missing">
      <Title order={2} size="h3" id="missing" mb={4}>{m.materialsSettings.missingTitle}</Title>
      {!data && (error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />)}
      {data && !data.sessionsMissingMaterials.length && <Text>{m.materialsSettings.missingNone}</Text>}
      {data && data.sessionsMissingMaterials.length > 0 && (
        <Stack gap="sm">
          <Text size="sm">{m.materialsSettings.missingIntro}</Text>
          {data.sessionsMissingMaterials.map(({ session, speakers, overdue }) => (
            <Card key={session.id} withBorder component="article" aria-labelledby={`missing-${session.id}`} padding="sm">
              <Stack gap={4}>
                <Group gap="xs" wrap="wrap">
                  <Title order={3} size="h5" id={`missing-${session.id}`}>{session.title}</Title>
                  {session.status !== 'PUBLISHED' && <Badge variant="light" color="yellow">{m.builder.status[session.status]}</Badge>}
                  {overdue && <Badge variant="light" color="red">{m.materialsSettings.overdue}</Badge>}
                </Group>
                <Text size="sm">
                  <EventTime at={session.startsAt} zone={event.timeZone} />
                  {session.room ? ` · ${fmt(m.materialsSettings.room, { name: session.room.name })}` : ''}
                </Text>
                <Text size="sm" fw={600}>{m.materialsSettings.speakers}</Text>
                <ul className="reasons">
                  {speakers.map((p) => (
                    <li key={p.accountId}><Text size="sm" span>{p.name}{p.organisationName ? ` (${p.organisationName})` : ''}</Text></li>
                  ))}
                </ul>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}
