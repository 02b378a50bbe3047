import { Badge, Button, Card, Group, NumberInput, Select, Stack, Table, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { EventPage, type EventBasics } from '../components/event-page.js';
import { EventTime, EventTimeRange } from '../components/event-zone.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import type { DeliveryStatus, MatchmakingMode, ParticipantRole } from '../gql/graphql.js';
import { fmt, m } from '../i18n/index.js';
import { labelOf } from '../lib/code-labels.js';

const SettingsQuery = graphql(`
  query OrganiserMatchmakingSettings($eventId: ID!) {
    matchmakingSettings(eventId: $eventId) {
      eventId mode meetingMinutes tableCount maxMeetingsPerParticipant sectors themes
      windows { startsAt endsAt }
      slots { id }
    }
  }
`);
const UpdateSettingsMutation = graphql(`
  mutation UpdateMatchmakingSettings($eventId: ID!, $input: MatchmakingSettingsInput!) {
    updateMatchmakingSettings(eventId: $eventId, input: $input) { eventId mode meetingMinutes tableCount maxMeetingsPerParticipant sectors themes windows { startsAt endsAt } slots { id } }
  }
`);
const UseAgendaWindowsMutation = graphql(`
  mutation UseAgendaMatchmakingWindows($eventId: ID!) {
    useAgendaMatchmakingWindows(eventId: $eventId) { eventId windows { startsAt endsAt } slots { id } }
  }
`);
const DeliveriesQuery = graphql(`
  query NotificationDeliveries($eventId: ID!, $status: DeliveryStatus) {
    notificationDeliveries(eventId: $eventId, status: $status, first: 100) { id kind status subject recipientEmail createdAt sentAt attempts lastError }
  }
`);
const AnnounceMutation = graphql(`
  mutation SendAnnouncement($eventId: ID!, $input: AnnouncementInput!, $role: ParticipantRole) { sendAnnouncement(eventId: $eventId, input: $input, role: $role) }
`);
const ResendMutation = graphql(`
  mutation ResendNotification($deliveryId: ID!) { resendNotification(deliveryId: $deliveryId) { id status attempts } }
`);

const MODES: MatchmakingMode[] = ['PARTICIPANTS_PICK_SLOT', 'ORGANISER_SCHEDULES'];
const STATUSES: DeliveryStatus[] = ['PENDING', 'SENDING', 'SENT', 'RETRYING', 'FAILED', 'SKIPPED'];
const ROLES: ParticipantRole[] = ['PARTICIPANT', 'SPEAKER', 'ORGANISER'];

export function MatchmakingSettingsPage() {
  return <EventPage title={m.mmSettings.title}>{(event) => <Settings event={event} />}</EventPage>;
}

function Settings({ event }: { event: EventBasics }) {
  const [{ data, error }] = useQuery({ query: SettingsQuery, variables: { eventId: event.id } });
  const s = data?.matchmakingSettings;
  if (!s) return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  return <SettingsForm key={s.eventId} event={event} settings={s} />;
}

function SettingsForm({ event, settings }: {
  event: EventBasics;
  settings: { mode: MatchmakingMode; meetingMinutes: number; tableCount: number; maxMeetingsPerParticipant: number; sectors: string[]; themes: string[]; windows: { startsAt: string; endsAt: string }[]; slots: { id: string }[] };
}) {
  const [form, setForm] = useState({ mode: settings.mode, meetingMinutes: settings.meetingMinutes as number | string, tableCount: settings.tableCount as number | string, maxMeetingsPerParticipant: settings.maxMeetingsPerParticipant as number | string, sectors: settings.sectors, themes: settings.themes });
  const [saved, save] = useMutation(UpdateSettingsMutation);
  const [windowsResult, applyWindows] = useMutation(UseAgendaWindowsMutation);
  const errors = toErrors(saved.error, ['mode', 'meetingMinutes', 'tableCount', 'maxMeetingsPerParticipant', 'sectors', 'themes']);
  const current = windowsResult.data?.useAgendaMatchmakingWindows ?? saved.data?.updateMatchmakingSettings ?? settings;
  return (
    <>
      <Card withBorder component="form" onSubmit={(e) => {
        e.preventDefault();
        void save({ eventId: event.id, input: { mode: form.mode, meetingMinutes: Number(form.meetingMinutes), tableCount: Number(form.tableCount), maxMeetingsPerParticipant: Number(form.maxMeetingsPerParticipant), sectors: form.sectors, themes: form.themes } });
      }}>
        <Stack gap="sm">
          <Select label={m.mmSettings.mode} value={form.mode} allowDeselect={false} onChange={(v) => setForm({ ...form, mode: (v ?? form.mode) as MatchmakingMode })}
            data={MODES.map((mode) => ({ value: mode, label: m.mmSettings.modes[mode] }))} error={errors.fields.mode} />
          <Group grow wrap="wrap">
            <NumberInput label={m.mmSettings.meetingMinutes} min={5} value={form.meetingMinutes} onChange={(v) => setForm({ ...form, meetingMinutes: v })} error={errors.fields.meetingMinutes} />
            <NumberInput label={m.mmSettings.tableCount} min={1} value={form.tableCount} onChange={(v) => setForm({ ...form, tableCount: v })} error={errors.fields.tableCount} />
            <NumberInput label={m.mmSettings.maxMeetings} min={1} value={form.maxMeetingsPerParticipant} onChange={(v) => setForm({ ...form, maxMeetingsPerParticipant: v })} error={errors.fields.maxMeetingsPerParticipant} />
          </Group>
          <TagsInput label={m.mmSettings.sectors} value={form.sectors} onChange={(v) => setForm({ ...form, sectors: v })} error={errors.fields.sectors} />
          <TagsInput label={m.mmSettings.themes} value={form.themes} onChange={(v) => setForm({ ...form, themes: v })} error={errors.fields.themes} />
          <ErrorSummary errors={errors.general} />
          {saved.data && !saved.error && <Text role="status" c="green">{m.mmSettings.saved}</Text>}
          <Group><Button type="submit" loading={saved.fetching}>{m.mmSettings.save}</Button></Group>
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="windows">
        <Stack gap="xs">
          <Title order={2} size="h4" id="windows">{m.mmSettings.windows}</Title>
          {!current.windows.length && <Text size="sm">{m.mmSettings.noWindows}</Text>}
          <ul className="plain-list">
            {current.windows.map((w) => (
              <li key={w.startsAt}><Text size="sm"><EventTimeRange start={w.startsAt} end={w.endsAt} zone={event.timeZone} /></Text></li>
            ))}
          </ul>
          <Text size="sm">{fmt(m.mmSettings.slots, { count: current.slots.length })}</Text>
          <ErrorSummary errors={toErrors(windowsResult.error).general} />
          <Group><Button variant="light" loading={windowsResult.fetching} onClick={() => void applyWindows({ eventId: event.id })}>{m.mmSettings.useAgenda}</Button></Group>
        </Stack>
      </Card>
    </>
  );
}

export function MessagesPage() {
  return <EventPage title={m.messages.title}>{(event) => <Messages event={event} />}</EventPage>;
}

function Messages({ event }: { event: EventBasics }) {
  const [status, setStatus] = useState('');
  const [{ data, error }, refresh] = useQuery({ query: DeliveriesQuery, variables: { eventId: event.id, status: (status || null) as DeliveryStatus | null } });
  const [form, setForm] = useState({ subject: '', body: '', role: '' });
  const [sent, send] = useMutation(AnnounceMutation);
  const [resent, resend] = useMutation(ResendMutation);
  const errors = toErrors(sent.error, ['subject', 'body']);
  const reload = () => refresh({ requestPolicy: 'network-only' });
  return (
    <>
      <Card withBorder component="form" aria-labelledby="announce" onSubmit={(e) => {
        e.preventDefault();
        void send({ eventId: event.id, input: { subject: form.subject, body: form.body }, role: (form.role || null) as ParticipantRole | null })
          .then((r) => { if (!r.error) { setForm({ subject: '', body: '', role: form.role }); reload(); } });
      }}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="announce">{m.messages.announce}</Title>
          <Select label={m.messages.role} value={form.role} allowDeselect={false} onChange={(v) => setForm({ ...form, role: v ?? '' })}
            data={[{ value: '', label: m.messages.everyone }, ...ROLES.map((r) => ({ value: r, label: m.messages.roles[r] }))]} />
          <TextInput label={m.messages.subject} value={form.subject} onChange={(e) => setForm({ ...form, subject: e.currentTarget.value })} error={errors.fields.subject} />
          <Textarea label={m.messages.body} value={form.body} onChange={(e) => setForm({ ...form, body: e.currentTarget.value })} error={errors.fields.body} autosize minRows={4} />
          <ErrorSummary errors={errors.general} />
          {sent.data && !sent.error && <Text role="status" c="green">{fmt(m.messages.sentTo, { count: sent.data.sendAnnouncement })}</Text>}
          <Group><Button type="submit" loading={sent.fetching}>{m.messages.send}</Button></Group>
        </Stack>
      </Card>
      <section aria-labelledby="log">
        <Title order={2} size="h3" id="log" mb="xs">{m.messages.log}</Title>
        <Select label={m.messages.status} w={200} value={status} allowDeselect={false} onChange={(v) => setStatus(v ?? '')} mb="sm"
          data={[{ value: '', label: m.messages.all }, ...STATUSES.map((s) => ({ value: s, label: m.messages.statuses[s] }))]} />
        <ErrorSummary errors={[...toErrors(error).general, ...toErrors(resent.error).general]} />
        {data && !data.notificationDeliveries.length && <Text>{m.messages.noDeliveries}</Text>}
        {data && data.notificationDeliveries.length > 0 && (
          <div className="table-scroll">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{m.messages.when}</Table.Th>
                  <Table.Th>{m.messages.recipient}</Table.Th>
                  <Table.Th>{m.messages.kind}</Table.Th>
                  <Table.Th>{m.messages.subject}</Table.Th>
                  <Table.Th>{m.messages.status}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.notificationDeliveries.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td><EventTime at={d.createdAt} zone={event.timeZone} /></Table.Td>
                    <Table.Td>{d.recipientEmail ?? '—'}</Table.Td>
                    <Table.Td>{labelOf(m.messages.kinds, d.kind)}</Table.Td>
                    <Table.Td>{d.subject ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={d.status === 'SENT' ? 'green' : d.status === 'FAILED' ? 'red' : 'gray'}>{m.messages.statuses[d.status]}</Badge>
                      {d.lastError && <Text size="xs">{d.lastError}</Text>}
                      {d.status === 'FAILED' && <Button size="compact-xs" variant="subtle" onClick={() => void resend({ deliveryId: d.id }).then(reload)}>{m.messages.resend}</Button>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
