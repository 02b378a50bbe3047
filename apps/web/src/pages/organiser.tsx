import {
  Alert, Anchor, Badge, Button, Card, Checkbox, FileInput, Group, NumberInput, Radio, Select, Stack, Table, Text, Textarea, TextInput, Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { EventTime } from '../components/event-zone.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import type { EventStatus, ImportMode, ParticipantRole, ParticipationStatus } from '../gql/graphql.js';
import { fmt, locale, m } from '../i18n/index.js';
import { browserZone, dayKey } from '../lib/time-display.js';

const OrganiserEventQuery = graphql(`
  query OrganiserEvent($slug: String!) {
    event(slug: $slug) {
      id slug name description venue address startsOn endsOn timeZone status requiresApproval
      myParticipation { id role status }
    }
  }
`);

const CreateEventMutation = graphql(`
  mutation CreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) { id slug name status }
  }
`);

const OrganisedEventsQuery = graphql(`
  query OrganisedEvents {
    myEvents { id slug name description venue address timeZone startsOn requiresApproval myParticipation { id role status } }
  }
`);

const CreateEventFromEarlierMutation = graphql(`
  mutation CreateEventFromEarlier($sourceEventId: ID!, $input: CreateEventInput!, $copyProgramme: Boolean) {
    createEventFromEarlier(sourceEventId: $sourceEventId, input: $input, copyProgramme: $copyProgramme) {
      event { id slug name status }
      rooms tracks sessions skippedSessions cancelledSessions meetingSlots templates reminderRules
    }
  }
`);

/** What the settings page shows after an event was created from an earlier one (router state). */
type CopyReport = {
  sourceName: string;
  rooms: number; tracks: number; sessions: number; skippedSessions: number; cancelledSessions: number; meetingSlots: number; templates: number; reminderRules: number;
};

const UpdateEventMutation = graphql(`
  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) {
    updateEvent(id: $id, input: $input) { id slug name description venue address startsOn endsOn timeZone requiresApproval status }
  }
`);

const SetEventStatusMutation = graphql(`
  mutation SetEventStatus($id: ID!, $status: EventStatus!) {
    setEventStatus(id: $id, status: $status) { id status }
  }
`);

const ParticipantsQuery = graphql(`
  query Participants($eventId: ID!, $role: ParticipantRole, $status: ParticipationStatus) {
    participants(eventId: $eventId, role: $role, status: $status) {
      id role status createdAt canSignIn
      account { id name email jobTitle organisation { id name } }
    }
  }
`);

const DecideRegistrationMutation = graphql(`
  mutation DecideRegistration($participationId: ID!, $approve: Boolean!) {
    decideRegistration(participationId: $participationId, approve: $approve) { id status }
  }
`);

const SetParticipantRoleMutation = graphql(`
  mutation SetParticipantRole($participationId: ID!, $role: ParticipantRole!) {
    setParticipantRole(participationId: $participationId, role: $role) { id role }
  }
`);

const InviteWithoutPasswordMutation = graphql(`
  mutation InviteParticipantsWithoutPassword($eventId: ID!) { inviteParticipantsWithoutPassword(eventId: $eventId) }
`);

/** Imported people have no password: one click sends each a week-long link to set one. */
function InviteImported({ eventId }: { eventId: string }) {
  const [result, invite] = useMutation(InviteWithoutPasswordMutation);
  const sent = result.data?.inviteParticipantsWithoutPassword;
  return (
    <Card withBorder maw={640}>
      <Stack gap="xs">
        <Title order={2} size="h4">{m.organiser.inviteTitle}</Title>
        <Text size="sm">{m.organiser.inviteIntro}</Text>
        <Group>
          <Button variant="light" loading={result.fetching} onClick={() => void invite({ eventId })}>{m.organiser.inviteButton}</Button>
        </Group>
        {sent !== undefined && (
          <Text size="sm" role="status">{sent ? fmt(m.organiser.invitesSent, { count: sent }) : m.organiser.nobodyToInvite}</Text>
        )}
        <ErrorSummary errors={toErrors(result.error).general} />
      </Stack>
    </Card>
  );
}

const ImportParticipantsMutation = graphql(`
  mutation ImportParticipants($eventId: ID!, $csv: String!, $mode: ImportMode!, $dryRun: Boolean!) {
    importParticipants(eventId: $eventId, csv: $csv, mode: $mode, dryRun: $dryRun) {
      applied dryRun mode
      counts { ADDED CREATED REJECTED UNCHANGED UPDATED }
      rows { line email outcome reasons }
    }
  }
`);

const RetentionQuery = graphql(`
  query EventRetention($eventId: ID!) {
    eventRetention(eventId: $eventId) { eventId retentionDays anonymiseAfter anonymisedAt }
  }
`);

const SetRetentionMutation = graphql(`
  mutation SetEventRetention($eventId: ID!, $days: Int) {
    setEventRetention(eventId: $eventId, days: $days) { eventId retentionDays anonymiseAfter anonymisedAt }
  }
`);

const EVENT_FIELDS = ['name', 'slug', 'description', 'venue', 'address', 'startsOn', 'endsOn', 'timeZone', 'requiresApproval'] as const;
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

function OrganiserNav({ slug }: { slug: string }) {
  return (
    <Group gap="xs" component="nav" aria-label={m.organiser.console}>
      <Anchor component={Link} to={`/events/${slug}`}>
        ← {slug}
      </Anchor>
      <Anchor component={Link} to={`/organise/${slug}/settings`}>
        {m.organiser.settings}
      </Anchor>
      <Anchor component={Link} to={`/organise/${slug}/participants`}>
        {m.organiser.participants}
      </Anchor>
      <Anchor component={Link} to={`/organise/${slug}/import`}>
        {m.organiser.import}
      </Anchor>
      <Anchor component={Link} to={`/organise/${slug}/check-in`}>
        {m.checkInDesk.title}
      </Anchor>
      <Anchor component={Link} to={`/organise/${slug}/audit`}>
        {m.audit.title}
      </Anchor>
    </Group>
  );
}

function useOrganiserEvent() {
  const { slug = '' } = useParams();
  const [result] = useQuery({ query: OrganiserEventQuery, variables: { slug } });
  return { slug, ...result };
}

type EventForm = { name: string; slug: string; description: string; venue: string; address: string; startsOn: string; endsOn: string; timeZone: string; requiresApproval: boolean };

function EventFormFields({ form, setForm, errors }: { form: EventForm; setForm: (f: EventForm) => void; errors: Record<string, string> }) {
  const text = (key: keyof EventForm) => ({
    value: form[key] as string,
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value }),
    error: errors[key],
  });
  return (
    <>
      <TextInput label={m.organiser.name} required {...text('name')} />
      <TextInput label={m.organiser.slug} description={m.organiser.slugHint} required {...text('slug')} />
      <Textarea label={m.organiser.description} autosize minRows={3} {...text('description')} />
      <TextInput label={m.organiser.venue} {...text('venue')} />
      <TextInput label={m.organiser.address} {...text('address')} />
      <Group grow align="flex-start">
        <TextInput label={m.organiser.startsOn} type="date" required {...text('startsOn')} />
        <TextInput label={m.organiser.endsOn} type="date" required {...text('endsOn')} />
      </Group>
      <Select
        label={m.organiser.timeZone}
        description={m.organiser.timeZoneHint}
        searchable
        required
        data={ZONES.length ? ZONES : [form.timeZone]}
        value={form.timeZone}
        onChange={(value) => setForm({ ...form, timeZone: value ?? '' })}
        error={errors.timeZone}
        limit={50}
      />
      <Checkbox
        label={m.organiser.requiresApproval}
        checked={form.requiresApproval}
        onChange={(e) => setForm({ ...form, requiresApproval: e.currentTarget.checked })}
        error={errors.requiresApproval}
      />
    </>
  );
}

export function CreateEventPage() {
  const navigate = useNavigate();
  const [form, setForm] = useState<EventForm>({
    name: '', slug: '', description: '', venue: '', address: '', startsOn: '', endsOn: '', timeZone: browserZone('Europe/Brussels'), requiresApproval: true,
  });
  const [result, create] = useMutation(CreateEventMutation);
  const [copyResult, copy] = useMutation(CreateEventFromEarlierMutation);
  const [{ data: mine }] = useQuery({ query: OrganisedEventsQuery });
  const organised = (mine?.myEvents ?? []).filter((e) => e.myParticipation?.role === 'ORGANISER' && e.myParticipation.status === 'APPROVED');
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [copyProgramme, setCopyProgramme] = useState(false);
  const source = organised.find((e) => e.id === sourceId) ?? null;
  const errors = toErrors(sourceId ? copyResult.error : result.error, EVENT_FIELDS);
  const chooseSource = (id: string | null) => {
    setSourceId(id);
    const chosen = organised.find((e) => e.id === id);
    // What the copy takes from the earlier event is shown, so the organiser sees and may change it.
    if (chosen) {
      setForm({
        ...form, description: chosen.description ?? '', venue: chosen.venue ?? '', address: chosen.address ?? '',
        timeZone: chosen.timeZone, requiresApproval: chosen.requiresApproval,
      });
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (source) {
      // Empty strings, not nulls: a null would mean "take the earlier event's value".
      const res = await copy({ sourceEventId: source.id, input: form, copyProgramme });
      const report = res.data?.createEventFromEarlier;
      if (report) {
        const { event: created, ...counts } = report;
        const state: { copyReport: CopyReport } = { copyReport: { sourceName: source.name, ...counts } };
        navigate(`/organise/${created.slug}/settings`, { state });
      }
      return;
    }
    const res = await create({
      input: { ...form, description: form.description || null, venue: form.venue || null, address: form.address || null },
    });
    if (res.data) navigate(`/organise/${res.data.createEvent.slug}/settings`);
  };
  return (
    <Stack maw={640}>
      <Title order={1}>{m.organiser.createTitle}</Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          {organised.length > 0 && (
            <Card withBorder>
              <Stack gap="xs">
                <Select
                  label={m.organiser.copyFrom}
                  description={m.organiser.copyFromHint}
                  placeholder={m.organiser.copyNone}
                  clearable
                  data={organised.map((e) => ({ value: e.id, label: `${e.name} (${e.startsOn})` }))}
                  value={sourceId}
                  onChange={chooseSource}
                />
                {source && (
                  <Checkbox
                    label={m.organiser.copyProgramme}
                    description={m.organiser.copyProgrammeHint}
                    checked={copyProgramme}
                    onChange={(e) => setCopyProgramme(e.currentTarget.checked)}
                  />
                )}
              </Stack>
            </Card>
          )}
          <EventFormFields form={form} setForm={setForm} errors={errors.fields} />
          <ErrorSummary errors={errors.general} />
          <Group>
            <Button type="submit" loading={result.fetching || copyResult.fetching}>
              {m.organiser.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

export function EventSettingsPage() {
  const navigate = useNavigate();
  const copyReport = (useLocation().state as { copyReport?: CopyReport } | null)?.copyReport;
  const { slug, data, error, fetching } = useOrganiserEvent();
  const event = data?.event;
  const [form, setForm] = useState<EventForm | null>(null);
  const [saved, setSaved] = useState(false);
  const [updateResult, update] = useMutation(UpdateEventMutation);
  const [statusResult, setStatus] = useMutation(SetEventStatusMutation);
  useEffect(() => {
    if (event && !form)
      setForm({
        name: event.name, slug: event.slug, description: event.description ?? '', venue: event.venue ?? '', address: event.address ?? '',
        startsOn: event.startsOn, endsOn: event.endsOn, timeZone: event.timeZone, requiresApproval: event.requiresApproval,
      });
  }, [event, form]);
  if (fetching && !event) return <PageLoader />;
  if (!event || !form) return <ErrorSummary errors={toErrors(error).general} />;
  const errors = toErrors(updateResult.error, EVENT_FIELDS);
  const statusErrors = toErrors(statusResult.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const res = await update({
      id: event.id,
      input: { ...form, description: form.description || null, venue: form.venue || null, address: form.address || null },
    });
    if (res.data) {
      setSaved(true);
      if (res.data.updateEvent.slug !== slug) navigate(`/organise/${res.data.updateEvent.slug}/settings`, { replace: true });
    }
  };
  const changeStatus = (status: EventStatus) => void setStatus({ id: event.id, status });

  return (
    <Stack maw={640}>
      <OrganiserNav slug={event.slug} />
      <Title order={1}>{m.organiser.editTitle}</Title>
      {copyReport && <CopyReportAlert report={copyReport} />}
      <Card withBorder>
        <Group justify="space-between">
          <Text role="status">
            {fmt(m.organiser.statusNow, { status: m.events.status[event.status] })}
          </Text>
          <Group gap="xs">
            {event.status !== 'PUBLISHED' && (
              <Button onClick={() => changeStatus('PUBLISHED')} loading={statusResult.fetching}>
                {m.organiser.publish}
              </Button>
            )}
            {event.status === 'PUBLISHED' && (
              <Button variant="default" onClick={() => changeStatus('DRAFT')} loading={statusResult.fetching}>
                {m.organiser.unpublish}
              </Button>
            )}
            {event.status !== 'ARCHIVED' && (
              <Button variant="subtle" color="gray" onClick={() => changeStatus('ARCHIVED')} loading={statusResult.fetching}>
                {m.organiser.archive}
              </Button>
            )}
          </Group>
        </Group>
        <ErrorSummary errors={statusErrors.general} />
      </Card>
      <form onSubmit={submit} noValidate>
        <Stack>
          <EventFormFields form={form} setForm={setForm} errors={errors.fields} />
          <ErrorSummary errors={errors.general} />
          <Group>
            <Button type="submit" loading={updateResult.fetching}>
              {m.organiser.save}
            </Button>
            {saved && <Text role="status">{m.organiser.saved}</Text>}
          </Group>
        </Stack>
      </form>
      <RetentionCard eventId={event.id} endsOn={event.endsOn} zone={event.timeZone} />
    </Stack>
  );
}

/** What createEventFromEarlier copied, and what it left out. */
function CopyReportAlert({ report }: { report: CopyReport }) {
  const { sourceName, ...counts } = report;
  return (
    <Alert variant="light" color="green" role="status" title={fmt(m.organiser.copyReportTitle, { name: sourceName })}>
      <Stack gap={4}>
        <Text size="sm">{fmt(m.organiser.copyReport, counts)}</Text>
        {report.skippedSessions > 0 && <Text size="sm">{fmt(m.organiser.copySkipped, { count: report.skippedSessions })}</Text>}
        {report.cancelledSessions > 0 && <Text size="sm">{fmt(m.organiser.copyCancelled, { count: report.cancelledSessions })}</Text>}
      </Stack>
    </Alert>
  );
}

/** How long the event's personal data is kept after its last day, and when it is anonymised. */
function RetentionCard({ eventId, endsOn, zone }: { eventId: string; endsOn: string; zone: string }) {
  const [{ data, error }] = useQuery({ query: RetentionQuery, variables: { eventId } });
  const [result, setRetention] = useMutation(SetRetentionMutation);
  const [days, setDays] = useState<number | string>('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<'saved' | 'cleared' | null>(null);
  const retention = result.data?.setEventRetention ?? data?.eventRetention;
  useEffect(() => {
    if (data?.eventRetention.retentionDays != null) setDays((d) => (d === '' ? data.eventRetention.retentionDays! : d));
  }, [data]);
  const errors = toErrors(result.error, ['days']);
  // After the last day, a short period may already have run out: anonymisation would follow within the hour.
  const over = endsOn < dayKey(new Date(), zone);
  const save = async (value: number | null) => {
    setDone(null);
    setConfirming(false);
    const res = await setRetention({ eventId, days: value });
    if (!res.error) setDone(value === null ? 'cleared' : 'saved');
    if (value === null && !res.error) setDays('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (days === '' || days === null) return setMissing(true);
    setMissing(false);
    if (over && !confirming) return setConfirming(true);
    void save(Number(days));
  };
  return (
    <Card withBorder component="section" aria-labelledby="retention">
      <Stack gap="xs">
        <Title order={2} size="h4" id="retention">{m.retention.title}</Title>
        <Text size="sm">{m.retention.intro}</Text>
        <Text size="sm">{m.retention.stays}</Text>
        <ErrorSummary errors={toErrors(error).general} />
        {!retention && !error && <PageLoader />}
        {retention && (
          <Alert variant="light" color={retention.anonymisedAt ? 'gray' : 'blue'} role="status">
            {retention.anonymisedAt ? (
              <>
                <Text size="sm">{m.retention.anonymisedAt} <EventTime at={retention.anonymisedAt} zone={zone} /></Text>
                <Text size="sm">{m.retention.final}</Text>
              </>
            ) : retention.retentionDays == null ? (
              <Text size="sm">{m.retention.none}</Text>
            ) : (
              <>
                <Text size="sm">{fmt(m.retention.current, { days: retention.retentionDays })}</Text>
                {retention.anonymiseAfter && <Text size="sm">{m.retention.dueAt} <EventTime at={retention.anonymiseAfter} zone={zone} /></Text>}
              </>
            )}
          </Alert>
        )}
        {retention && !retention.anonymisedAt && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <NumberInput label={m.retention.days} description={m.retention.daysHint} min={1} max={3650} clampBehavior="none" allowDecimal={false} w={260} maw="100%"
                value={days} onChange={(v) => { setDays(v); setConfirming(false); }} error={errors.fields.days ?? (missing ? m.retention.daysRequired : undefined)} />
              {over && <Text size="sm" c="orange.9">{m.retention.pastEvent}</Text>}
              <ErrorSummary errors={errors.general} />
              <Group gap="xs">
                <Button type="submit" loading={result.fetching} color={confirming ? 'red' : undefined}>
                  {confirming ? m.retention.confirm : m.retention.save}
                </Button>
                {confirming && <Button variant="default" onClick={() => setConfirming(false)}>{m.common.cancel}</Button>}
                {retention.retentionDays != null && !confirming && (
                  <Button variant="default" loading={result.fetching} onClick={() => void save(null)}>{m.retention.clear}</Button>
                )}
              </Group>
              {done && !result.error && <Text size="sm" role="status" c="green">{done === 'saved' ? m.retention.saved : m.retention.cleared}</Text>}
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

const ROLES: ParticipantRole[] = ['PARTICIPANT', 'SPEAKER', 'ORGANISER'];
const STATUSES: ParticipationStatus[] = ['PENDING', 'APPROVED', 'DECLINED', 'CANCELLED'];

export function ParticipantsPage() {
  const { data: eventData, error: eventError, fetching: eventFetching } = useOrganiserEvent();
  const event = eventData?.event;
  const [status, setStatusFilter] = useState<string | null>(null);
  const [role, setRoleFilter] = useState<string | null>(null);
  const [{ data, error }] = useQuery({
    query: ParticipantsQuery,
    variables: { eventId: event?.id ?? '', status: status as ParticipationStatus | null, role: role as ParticipantRole | null },
    pause: !event,
  });
  const [decideResult, decide] = useMutation(DecideRegistrationMutation);
  const [roleResult, changeRole] = useMutation(SetParticipantRoleMutation);
  if (eventFetching && !event) return <PageLoader />;
  if (!event) return <ErrorSummary errors={toErrors(eventError).general} />;
  const actionErrors = toErrors(decideResult.error ?? roleResult.error);
  const people = data?.participants ?? [];

  return (
    <Stack>
      <OrganiserNav slug={event.slug} />
      <Title order={1}>{m.organiser.participants}</Title>
      <Group align="flex-end">
        <Select
          label={m.organiser.filterStatus}
          data={[{ value: '', label: m.organiser.all }, ...STATUSES.map((s) => ({ value: s, label: m.participation.status[s] }))]}
          value={status ?? ''}
          onChange={(v) => setStatusFilter(v || null)}
          allowDeselect={false}
          w={200}
        />
        <Select
          label={m.organiser.filterRole}
          data={[{ value: '', label: m.organiser.all }, ...ROLES.map((r) => ({ value: r, label: m.participation.role[r] }))]}
          value={role ?? ''}
          onChange={(v) => setRoleFilter(v || null)}
          allowDeselect={false}
          w={200}
        />
      </Group>
      <ErrorSummary errors={[...toErrors(error).general, ...actionErrors.general]} />
      <Text size="sm" c="dimmed" role="status">
        {fmt(m.organiser.count, { count: people.length })}
      </Text>
      {data && !people.length && <Text>{m.organiser.noParticipants}</Text>}
      <Stack gap="sm">
        {people.map((p) => (
          <Card key={p.id} withBorder padding="sm" component="article" aria-label={p.account.name}>
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={2}>
                <Text fw={600}>{p.account.name}</Text>
                <Text size="sm">{p.account.email}</Text>
                {(p.account.jobTitle || p.account.organisation) && (
                  <Text size="sm" c="dimmed">
                    {[p.account.jobTitle, p.account.organisation?.name].filter(Boolean).join(', ')}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {m.organiser.registeredAt}: {new Date(p.createdAt).toLocaleDateString(locale, { timeZone: event.timeZone })}
                </Text>
                {p.canSignIn === false && <Text size="xs" c="orange.9">{m.organiser.noPasswordYet}</Text>}
              </Stack>
              <Stack gap="xs" align="flex-end">
                <Badge color={p.status === 'APPROVED' ? 'green' : p.status === 'PENDING' ? 'yellow' : 'gray'} variant="light">
                  {m.participation.status[p.status]}
                </Badge>
                <Select
                  aria-label={fmt(m.organiser.roleOf, { name: p.account.name })}
                  data={ROLES.map((r) => ({ value: r, label: m.participation.role[r] }))}
                  value={p.role}
                  onChange={(v) => v && v !== p.role && void changeRole({ participationId: p.id, role: v as ParticipantRole })}
                  allowDeselect={false}
                  size="xs"
                  w={150}
                />
                {(p.status === 'PENDING' || p.status === 'DECLINED' || p.status === 'APPROVED') && (
                  <Group gap="xs">
                    {p.status !== 'APPROVED' && (
                      <Button size="xs" color="green" onClick={() => void decide({ participationId: p.id, approve: true })} aria-label={`${m.organiser.approve}: ${p.account.name}`}>
                        {m.organiser.approve}
                      </Button>
                    )}
                    {p.status !== 'DECLINED' && (
                      <Button size="xs" variant="default" onClick={() => void decide({ participationId: p.id, approve: false })} aria-label={`${m.organiser.decline}: ${p.account.name}`}>
                        {m.organiser.decline}
                      </Button>
                    )}
                  </Group>
                )}
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

export function ImportPage() {
  const { data: eventData, error: eventError, fetching: eventFetching } = useOrganiserEvent();
  const event = eventData?.event;
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState('');
  const [mode, setMode] = useState<ImportMode>('ALL_OR_NOTHING');
  const [dryRun, setDryRun] = useState(false);
  const [missing, setMissing] = useState(false);
  const [result, runImport] = useMutation(ImportParticipantsMutation);
  if (eventFetching && !event) return <PageLoader />;
  if (!event) return <ErrorSummary errors={toErrors(eventError).general} />;
  const errors = toErrors(result.error, ['csv']);
  const report = result.data?.importParticipants;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = file ? await file.text() : csv;
    if (!text.trim()) return setMissing(true);
    setMissing(false);
    await runImport({ eventId: event.id, csv: text, mode, dryRun });
  };

  return (
    <Stack>
      <OrganiserNav slug={event.slug} />
      <Title order={1}>{m.organiser.import}</Title>
      <Text>{m.organiser.importIntro}</Text>
      <form onSubmit={submit} noValidate>
        <Stack maw={640}>
          <FileInput label={m.organiser.csvFile} accept=".csv,text/csv" value={file} onChange={setFile} clearable />
          <Textarea
            label={m.organiser.csvText}
            autosize
            minRows={4}
            maxRows={12}
            value={csv}
            onChange={(e) => setCsv(e.currentTarget.value)}
            error={errors.fields.csv ?? (missing ? m.organiser.csvRequired : undefined)}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Radio.Group label={m.organiser.mode} value={mode} onChange={(v) => setMode(v as ImportMode)}>
            <Stack gap="xs" mt="xs">
              <Radio value="ALL_OR_NOTHING" label={m.organiser.modeAll} />
              <Radio value="PARTIAL" label={m.organiser.modePartial} />
            </Stack>
          </Radio.Group>
          <Checkbox label={m.organiser.dryRun} checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
          <ErrorSummary errors={errors.general} />
          <Group>
            <Button type="submit" loading={result.fetching}>
              {m.organiser.runImport}
            </Button>
          </Group>
        </Stack>
      </form>
      {report && (
        <section aria-labelledby="import-report">
          <Title order={2} size="h3" id="import-report">
            {m.organiser.report}
          </Title>
          <Alert color={report.applied ? 'green' : 'yellow'} variant="light" role="status" my="sm">
            {report.applied ? m.organiser.applied : m.organiser.notApplied}
          </Alert>
          <Group gap="xs" mb="sm">
            {(Object.keys(m.organiser.outcomes) as (keyof typeof m.organiser.outcomes)[]).map((k) => (
              <Badge key={k} variant="light" color={k === 'REJECTED' ? 'red' : 'blue'}>
                {m.organiser.outcomes[k]}: {report.counts[k]}
              </Badge>
            ))}
          </Group>
          <div className="table-scroll">
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{m.organiser.line}</Table.Th>
                  <Table.Th scope="col">{m.organiser.email}</Table.Th>
                  <Table.Th scope="col">{m.organiser.outcome}</Table.Th>
                  <Table.Th scope="col">{m.organiser.reasons}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((row) => (
                  <Table.Tr key={row.line}>
                    <Table.Td>{row.line}</Table.Td>
                    <Table.Td>{row.email ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={row.outcome === 'REJECTED' ? 'red' : 'green'}>
                        {m.organiser.outcomes[row.outcome]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{row.reasons.join('; ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </section>
      )}
      <InviteImported eventId={event.id} />
    </Stack>
  );
}
