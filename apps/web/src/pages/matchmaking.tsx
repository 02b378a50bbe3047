import { Anchor, Badge, Button, Card, Group, MultiSelect, Radio, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../auth.js';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { AreaNav, EventPage, type EventBasics } from '../components/event-page.js';
import { EventTime } from '../components/event-zone.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import type { ExpectedOutcome, FollowUpResult, MarketplaceDirection, MarketplaceKind, OrganisationType, UpdateMeetingRequestInput } from '../gql/graphql.js';
import { fmt, locale, m } from '../i18n/index.js';
import { type MappedErrors } from '../lib/api-errors.js';
import { browserZone, timeLabel } from '../lib/time-display.js';
import { MyMeetingsQuery } from './my-agenda.js';
import { EditorActions, useReturnFocus } from './organiser-agenda/confirm-step.js';

const SettingsQuery = graphql(`
  query MatchmakingSettingsForParticipant($eventId: ID!) {
    matchmakingSettings(eventId: $eventId) { eventId mode requestsOpen sectors themes tables { number name } }
  }
`);

const ProfileQuery = graphql(`
  query MyMatchmakingProfile($eventId: ID!) {
    matchmakingProfile(eventId: $eventId) {
      accountId name pitch phone sectors themes takingPart
      offers { id kind direction title description tags }
      seeks { id kind direction title description tags }
    }
  }
`);
const UpdateProfileMutation = graphql(`
  mutation UpdateMyMatchmakingProfile($eventId: ID!, $input: MatchmakingProfileInput!) {
    updateMatchmakingProfile(eventId: $eventId, input: $input) { accountId pitch phone sectors themes takingPart }
  }
`);
const AddEntryMutation = graphql(`
  mutation AddMarketplaceEntry($eventId: ID!, $input: MarketplaceEntryInput!) {
    addMarketplaceEntry(eventId: $eventId, input: $input) { id }
  }
`);
const RemoveEntryMutation = graphql(`
  mutation RemoveMarketplaceEntry($id: ID!) { removeMarketplaceEntry(id: $id) }
`);

const DirectoryQuery = graphql(`
  query MatchmakingDirectory($eventId: ID!, $filter: DirectoryFilterInput, $after: String) {
    matchmakingDirectory(eventId: $eventId, filter: $filter, after: $after, first: 20) {
      nodes { accountId name jobTitle pitch organisation { name } offers { id title kind } seeks { id title kind } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
const RecommendationsQuery = graphql(`
  query MatchmakingRecommendations($eventId: ID!) {
    matchmakingRecommendations(eventId: $eventId, first: 10) {
      score
      reasons { kind text points }
      participant { accountId name jobTitle organisation { name } }
    }
  }
`);
const FindSlotsQuery = graphql(`
  query FindMeetingSlots($eventId: ID!, $withAccountId: ID!) {
    findMeetingSlots(eventId: $eventId, withAccountId: $withAccountId, first: 8) { tableNumber slot { id startsAt endsAt } }
  }
`);
const SendRequestMutation = graphql(`
  mutation SendMeetingRequest($eventId: ID!, $input: SendMeetingRequestInput!) {
    sendMeetingRequest(eventId: $eventId, input: $input) { id status }
  }
`);

const RequestsQuery = graphql(`
  query MyMeetingRequests($eventId: ID!) {
    meetingRequests(eventId: $eventId) {
      id status message priority createdAt editedAt expiresAt declineReason
      proposedSlot { id startsAt endsAt }
      requester { accountId name organisation { name } }
      recipient { accountId name organisation { name } }
    }
  }
`);
const UpdateRequestMutation = graphql(`
  mutation UpdateMeetingRequest($id: ID!, $input: UpdateMeetingRequestInput!) {
    updateMeetingRequest(id: $id, input: $input) { id message priority editedAt proposedSlot { id startsAt endsAt } }
  }
`);
const AcceptMutation = graphql(`
  mutation AcceptMeetingRequest($id: ID!, $slotId: ID) { acceptMeetingRequest(id: $id, slotId: $slotId) { id tableNumber slot { id startsAt } } }
`);
const DeclineMutation = graphql(`
  mutation DeclineMeetingRequest($id: ID!, $reason: String) { declineMeetingRequest(id: $id, reason: $reason) { id status } }
`);
const CancelRequestMutation = graphql(`
  mutation CancelMeetingRequest($id: ID!) { cancelMeetingRequest(id: $id) { id status } }
`);
const BookMutation = graphql(`
  mutation BookMeeting($id: ID!, $slotId: ID!) { bookMeeting(id: $id, slotId: $slotId) { id tableNumber slot { id startsAt endsAt } } }
`);
const RescheduleMutation = graphql(`
  mutation ProposeMeetingReschedule($id: ID!, $slotId: ID!) { proposeMeetingReschedule(id: $id, slotId: $slotId) { id rescheduleProposedBy rescheduleSlot { id startsAt endsAt } } }
`);
const RespondRescheduleMutation = graphql(`
  mutation RespondToMeetingReschedule($id: ID!, $accept: Boolean!) { respondToMeetingReschedule(id: $id, accept: $accept) { id tableNumber rescheduleProposedBy slot { id startsAt endsAt } rescheduleSlot { id } } }
`);
const CancelMeetingMutation = graphql(`
  mutation CancelMeeting($id: ID!) { cancelMeeting(id: $id) { id status } }
`);
const SetOnlineLinkMutation = graphql(`
  mutation SetMeetingOnlineLink($meetingId: ID!, $url: String) { setMeetingOnlineLink(meetingId: $meetingId, url: $url) { id onlineUrl } }
`);

const OutcomesQuery = graphql(`
  query MyMeetingOutcomes($eventId: ID!) {
    myMeetingOutcomes(eventId: $eventId) { meetingId myAttendance verdict feedback { rating expectedOutcome note } followUps { roundId result comment } }
  }
`);
export const FollowUpRoundsQuery = graphql(`
  query FollowUpRounds($eventId: ID!) { followUpRounds(eventId: $eventId) { id number opensAt closesAt message } }
`);
const AnswerFollowUpMutation = graphql(`
  mutation AnswerFollowUp($roundId: ID!, $meetingId: ID!, $result: FollowUpResult!, $comment: String) {
    answerFollowUp(roundId: $roundId, meetingId: $meetingId, result: $result, comment: $comment) { roundId roundNumber result comment }
  }
`);
const FeedbackMutation = graphql(`
  mutation GiveMeetingFeedback($meetingId: ID!, $input: MeetingFeedbackInput!) { giveMeetingFeedback(meetingId: $meetingId, input: $input) { meetingId rating expectedOutcome note } }
`);
const AttendanceMutation = graphql(`
  mutation MarkMeetingAttendance($meetingId: ID!, $status: AttendanceStatus!) { markMeetingAttendance(meetingId: $meetingId, status: $status) { meetingId verdict } }
`);
const OUTCOMES: ExpectedOutcome[] = ['NONE', 'INFORMATION_EXCHANGE', 'FOLLOW_UP_PLANNED', 'PROJECT_IDEA', 'PARTNERSHIP_LIKELY', 'INVESTMENT_INTEREST'];

const KINDS: MarketplaceKind[] = ['EXPERTISE', 'INVESTMENT', 'POLICY_COOPERATION', 'PRODUCT', 'PROJECT_PARTNERSHIP', 'SERVICE'];
const ORG_TYPES: OrganisationType[] = ['CLUSTER', 'SME', 'LARGE_COMPANY', 'RESEARCH', 'PUBLIC_AUTHORITY', 'INVESTOR', 'OTHER'];
const network = { requestPolicy: 'network-only' } as const;

export function MatchmakingNav({ slug }: { slug: string }) {
  const base = `/events/${slug}`;
  return (
    <AreaNav label={m.matchmaking.nav} links={[
      { to: `${base}/matchmaking`, label: m.matchmaking.people },
      { to: `${base}/matchmaking/profile`, label: m.matchmaking.profile },
      { to: `${base}/matchmaking/requests`, label: m.matchmaking.requests },
      { to: `${base}/meetings`, label: m.matchmaking.meetings },
      { to: `${base}/availability`, label: m.availability.open },
    ]} />
  );
}

function Frame({ title, body }: { title: string; body: (event: EventBasics) => React.ReactNode }) {
  return (
    <EventPage title={title}>
      {(event) => (
        <>
          <MatchmakingNav slug={event.slug} />
          {body(event)}
        </>
      )}
    </EventPage>
  );
}

function useSettings(eventId: string) {
  const [{ data }] = useQuery({ query: SettingsQuery, variables: { eventId } });
  return data?.matchmakingSettings;
}

/** A slot as one line of text (options of a select): event time and zone, the viewer's beside it. */
function slotLabel(at: string, zone: string) {
  const label = timeLabel(at, zone, browserZone(zone), { locale });
  return `${label.eventTime} ${label.eventZone}${label.viewerTime ? ` · ${label.viewerTime} ${label.viewerZone}` : ''}`;
}

/**
 * Free common slots with someone, as options of a Select (labelled in the event zone). `current`
 * (a slot already proposed) stays among them even when it is not one of the next free ones.
 */
function SlotPicker({ eventId, zone, withAccountId, value, onChange, label, allowAny, anyLabel = m.matchmaking.anySlot, current, error }: {
  eventId: string; zone: string; withAccountId: string; value: string; onChange: (v: string) => void; label: string;
  allowAny?: boolean; anyLabel?: string; current?: { id: string; startsAt: string } | null; error?: string;
}) {
  const [{ data, fetching }] = useQuery({ query: FindSlotsQuery, variables: { eventId, withAccountId }, requestPolicy: 'network-only' });
  const free = (data?.findMeetingSlots ?? []).map((p) => ({ id: p.slot.id, startsAt: p.slot.startsAt, label: `${slotLabel(p.slot.startsAt, zone)} · ${fmt(m.matchmaking.table, { number: p.tableNumber })}` }));
  const slots = current && !free.some((s) => s.id === current.id)
    ? [...free, { id: current.id, startsAt: current.startsAt, label: slotLabel(current.startsAt, zone) }].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    : free;
  if (!fetching && !slots.length && !allowAny) return <Text size="sm">{m.matchmaking.noSlots}</Text>;
  return (
    <Select label={label} description={zone} value={value} onChange={(v) => onChange(v ?? '')} allowDeselect={false} error={error}
      data={[...(allowAny ? [{ value: '', label: anyLabel }] : []), ...slots.map((s) => ({ value: s.id, label: s.label }))]} />
  );
}

/** What a request says, as typed: the same fields send a request and change a pending one. */
interface RequestDraft { message: string; slotId: string; priority: string }
/** The fields a request form shows, so an error about one not shown lands in the summary. */
const requestFields = (pick: boolean) => (pick ? ['message', 'proposedSlotId', 'priority'] : ['message', 'priority']);
const PRIORITIES = [1, 2, 3] as const;

/** Message, a proposed time (only where participants pick slots) and the request's priority. */
function RequestFields({ eventId, zone, withAccountId, pick, draft, onChange, errors, noSlotLabel, currentSlot }: {
  eventId: string; zone: string; withAccountId: string; pick: boolean; draft: RequestDraft; onChange: (patch: Partial<RequestDraft>) => void;
  errors: MappedErrors['fields']; noSlotLabel?: string; currentSlot?: { id: string; startsAt: string } | null;
}) {
  return (
    <>
      <Textarea label={m.matchmaking.message} value={draft.message} onChange={(e) => onChange({ message: e.currentTarget.value })} error={errors.message} autosize minRows={2} />
      {pick && (
        <SlotPicker eventId={eventId} zone={zone} withAccountId={withAccountId} value={draft.slotId} onChange={(slotId) => onChange({ slotId })} label={m.matchmaking.slot}
          allowAny anyLabel={noSlotLabel} current={currentSlot} error={errors.proposedSlotId} />
      )}
      <Radio.Group label={m.matchmaking.priority} value={draft.priority} onChange={(priority) => onChange({ priority })} error={errors.priority}>
        <Group gap="md" mt={4}>
          {PRIORITIES.map((p) => <Radio key={p} value={String(p)} label={m.matchmaking.priorities[p]} />)}
        </Group>
      </Radio.Group>
    </>
  );
}

// ---------------------------------------------------------------- people: recommendations + directory

export function PeoplePage() {
  return <Frame title={m.matchmaking.title} body={(event) => <People event={event} />} />;
}

function People({ event }: { event: EventBasics }) {
  const settings = useSettings(event.id);
  const [recs] = useQuery({ query: RecommendationsQuery, variables: { eventId: event.id } });
  const [filter, setFilter] = useState({ text: '', kind: '', direction: '', orgType: '', country: '', region: '', sector: '', theme: '' });
  const change = (patch: Partial<typeof filter>) => { setAfter(null); setFilter({ ...filter, ...patch }); };
  const one = (value: string) => (value.trim() ? [value.trim()] : null);
  const [after, setAfter] = useState<string | null>(null);
  const [dir] = useQuery({
    query: DirectoryQuery,
    variables: {
      eventId: event.id,
      after,
      filter: {
        text: filter.text.trim() || null,
        entryKinds: filter.kind ? [filter.kind as MarketplaceKind] : null,
        entryDirection: (filter.direction || null) as MarketplaceDirection | null,
        organisationTypes: filter.orgType ? [filter.orgType as OrganisationType] : null,
        // The API stores ISO codes upper-case; people type "fi".
        countries: one(filter.country.toUpperCase()),
        regions: one(filter.region),
        sectors: one(filter.sector),
        themes: one(filter.theme),
      },
    },
  });
  const pick = settings?.mode === 'PARTICIPANTS_PICK_SLOT';
  return (
    <>
      <section aria-labelledby="recs">
        <Title order={2} size="h3" id="recs" mb="xs">{m.matchmaking.recommendations}</Title>
        <ErrorSummary errors={toErrors(recs.error).general} />
        {recs.data && !recs.data.matchmakingRecommendations.length && <Text>{m.matchmaking.noRecommendations}</Text>}
        <Stack gap="sm">
          {recs.data?.matchmakingRecommendations.map((r) => (
            <Card key={r.participant.accountId} withBorder padding="sm" component="article" aria-label={r.participant.name}>
              <Stack gap={4}>
                <Group justify="space-between">
                  <Title order={3} size="h5">{r.participant.name}</Title>
                  <Badge variant="light">{fmt(m.matchmaking.score, { score: Math.round(r.score) })}</Badge>
                </Group>
                <Text size="sm" c="dimmed">{[r.participant.jobTitle, r.participant.organisation?.name].filter(Boolean).join(', ')}</Text>
                <ul className="reasons">
                  {r.reasons.map((reason, i) => <li key={i}><Text size="sm">{reason.text}</Text></li>)}
                </ul>
                <RequestForm eventId={event.id} zone={event.timeZone} person={r.participant} pick={pick} />
              </Stack>
            </Card>
          ))}
        </Stack>
      </section>
      <section aria-labelledby="directory">
        <Title order={2} size="h3" id="directory" mb="xs">{m.matchmaking.directory}</Title>
        <Group align="flex-end" gap="sm" mb="sm">
          <TextInput label={m.matchmaking.search} w={240} value={filter.text} onChange={(e) => { setAfter(null); setFilter({ ...filter, text: e.currentTarget.value }); }} />
          <Select label={m.matchmaking.kind} w={200} value={filter.kind} allowDeselect={false} onChange={(v) => { setAfter(null); setFilter({ ...filter, kind: v ?? '' }); }}
            data={[{ value: '', label: m.matchmaking.any }, ...KINDS.map((k) => ({ value: k, label: m.matchmaking.kinds[k] }))]} />
          <Select label={m.matchmaking.direction} w={170} value={filter.direction} allowDeselect={false} onChange={(v) => { setAfter(null); setFilter({ ...filter, direction: v ?? '' }); }}
            data={[{ value: '', label: m.matchmaking.any }, { value: 'OFFER', label: m.matchmaking.directions.OFFER }, { value: 'SEEK', label: m.matchmaking.directions.SEEK }]} />
          <Select label={m.auth.organisationType} w={200} value={filter.orgType} allowDeselect={false} onChange={(v) => change({ orgType: v ?? '' })}
            data={[{ value: '', label: m.matchmaking.any }, ...ORG_TYPES.map((t) => ({ value: t, label: m.organisationType[t] }))]} />
          <TextInput label={m.matchmaking.filterCountry} w={150} maxLength={2} value={filter.country} onChange={(e) => change({ country: e.currentTarget.value })} />
          <TextInput label={m.auth.region} w={170} value={filter.region} onChange={(e) => change({ region: e.currentTarget.value })} />
          <Select label={m.matchmaking.sector} w={200} value={filter.sector} allowDeselect={false} onChange={(v) => change({ sector: v ?? '' })}
            data={[{ value: '', label: m.matchmaking.any }, ...(settings?.sectors ?? []).map((x) => ({ value: x, label: x }))]} />
          <Select label={m.matchmaking.theme} w={200} value={filter.theme} allowDeselect={false} onChange={(v) => change({ theme: v ?? '' })}
            data={[{ value: '', label: m.matchmaking.any }, ...(settings?.themes ?? []).map((x) => ({ value: x, label: x }))]} />
        </Group>
        <ErrorSummary errors={toErrors(dir.error).general} />
        {dir.fetching && !dir.data && <PageLoader />}
        {dir.data && !dir.data.matchmakingDirectory.nodes.length && <Text>{m.matchmaking.noPeople}</Text>}
        <Stack gap="sm">
          {dir.data?.matchmakingDirectory.nodes.map((p) => (
            <Card key={p.accountId} withBorder padding="sm" component="article" aria-label={p.name}>
              <Stack gap={4}>
                <Title order={3} size="h5">{p.name}</Title>
                <Text size="sm" c="dimmed">{[p.jobTitle, p.organisation?.name].filter(Boolean).join(', ')}</Text>
                {p.pitch && <Text size="sm">{p.pitch}</Text>}
                {p.offers.length > 0 && <Text size="sm"><b>{m.matchmaking.offers}:</b> {p.offers.map((o) => o.title).join('; ')}</Text>}
                {p.seeks.length > 0 && <Text size="sm"><b>{m.matchmaking.seeks}:</b> {p.seeks.map((o) => o.title).join('; ')}</Text>}
                <RequestForm eventId={event.id} zone={event.timeZone} person={p} pick={pick} />
              </Stack>
            </Card>
          ))}
        </Stack>
        {dir.data?.matchmakingDirectory.pageInfo.hasNextPage && (
          <Group mt="sm"><Button variant="light" onClick={() => setAfter(dir.data!.matchmakingDirectory.pageInfo.endCursor ?? null)}>{m.matchmaking.more}</Button></Group>
        )}
      </section>
    </>
  );
}

function RequestForm({ eventId, zone, person, pick }: { eventId: string; zone: string; person: { accountId: string; name: string }; pick: boolean }) {
  const { me } = useMe();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<RequestDraft>({ message: '', slotId: '', priority: '2' });
  const [result, send] = useMutation(SendRequestMutation);
  if (me?.id === person.accountId) return null;
  if (result.data) return <Text size="sm" role="status" fw={600}>{fmt(m.matchmaking.sent, { name: person.name })}</Text>;
  if (!open) return <Group><Button size="xs" variant="light" onClick={() => setOpen(true)} aria-label={fmt(m.matchmaking.requestWith, { name: person.name })}>{m.matchmaking.request}</Button></Group>;
  const errors = toErrors(result.error, requestFields(pick));
  const input = { recipientId: person.accountId, message: draft.message.trim() || null, proposedSlotId: draft.slotId || null, priority: Number(draft.priority) };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void send({ eventId, input }); }}>
      <Stack gap="xs">
        <RequestFields eventId={eventId} zone={zone} withAccountId={person.accountId} pick={pick} draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={errors.fields} />
        <ErrorSummary errors={errors.general} />
        <Group><Button type="submit" size="xs" loading={result.fetching}>{m.matchmaking.send}</Button></Group>
      </Stack>
    </form>
  );
}

// ---------------------------------------------------------------- my profile

export function ProfilePage() {
  return <Frame title={m.matchmaking.profile} body={(event) => <Profile event={event} />} />;
}

function Profile({ event }: { event: EventBasics }) {
  const settings = useSettings(event.id);
  const [{ data, error }, refresh] = useQuery({ query: ProfileQuery, variables: { eventId: event.id } });
  const profile = data?.matchmakingProfile;
  if (!profile) return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  return (
    <>
      <ProfileForm key={profile.accountId} eventId={event.id} profile={profile} sectors={settings?.sectors ?? []} themes={settings?.themes ?? []} />
      <Entries eventId={event.id} entries={[...profile.offers, ...profile.seeks]} refresh={() => refresh(network)} />
    </>
  );
}

function ProfileForm({ eventId, profile, sectors, themes }: {
  eventId: string; sectors: string[]; themes: string[];
  profile: { pitch?: string | null; phone?: string | null; sectors: string[]; themes: string[]; takingPart: boolean };
}) {
  const [form, setForm] = useState({ pitch: profile.pitch ?? '', phone: profile.phone ?? '', sectors: profile.sectors, themes: profile.themes, takingPart: profile.takingPart });
  const [result, save] = useMutation(UpdateProfileMutation);
  const errors = toErrors(result.error, ['pitch', 'phone', 'sectors', 'themes']);
  const options = (all: string[], chosen: string[]) => [...new Set([...all, ...chosen])];
  return (
    <Card withBorder component="form" onSubmit={(e) => { e.preventDefault(); void save({ eventId, input: { ...form, pitch: form.pitch.trim() || null, phone: form.phone.trim() || null } }); }}>
      <Stack gap="sm">
        <Switch label={m.matchmaking.takingPart} checked={form.takingPart} onChange={(e) => setForm({ ...form, takingPart: e.currentTarget.checked })} />
        <Textarea label={m.matchmaking.pitch} value={form.pitch} onChange={(e) => setForm({ ...form, pitch: e.currentTarget.value })} error={errors.fields.pitch} autosize minRows={3} />
        <TextInput label={m.matchmaking.phone} type="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })} error={errors.fields.phone} />
        <MultiSelect label={m.matchmaking.sectors} data={options(sectors, form.sectors)} value={form.sectors} onChange={(v) => setForm({ ...form, sectors: v })} error={errors.fields.sectors} searchable />
        <MultiSelect label={m.matchmaking.themes} data={options(themes, form.themes)} value={form.themes} onChange={(v) => setForm({ ...form, themes: v })} error={errors.fields.themes} searchable />
        <ErrorSummary errors={errors.general} />
        {result.data && !result.error && <Text role="status" c="green">{m.matchmaking.saved}</Text>}
        <Group><Button type="submit" loading={result.fetching}>{m.matchmaking.save}</Button></Group>
      </Stack>
    </Card>
  );
}

function Entries({ eventId, entries, refresh }: { eventId: string; entries: { id: string; kind: MarketplaceKind; direction: MarketplaceDirection; title: string; description?: string | null; tags: string[] }[]; refresh: () => void }) {
  const empty = { direction: 'OFFER' as MarketplaceDirection, kind: 'EXPERTISE' as MarketplaceKind, title: '', description: '', tags: [] as string[] };
  const [form, setForm] = useState(empty);
  const [added, add] = useMutation(AddEntryMutation);
  const [removed, remove] = useMutation(RemoveEntryMutation);
  const errors = toErrors(added.error, ['title', 'description', 'tags', 'kind', 'direction']);
  return (
    <Card withBorder component="section" aria-labelledby="entries">
      <Stack gap="sm">
        <Title order={2} size="h4" id="entries">{m.matchmaking.entries}</Title>
        {entries.map((e) => (
          <Group key={e.id} justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={600}>{e.title}</Text>
              <Text size="sm" c="dimmed">{m.matchmaking.directions[e.direction]} · {m.matchmaking.kinds[e.kind]}{e.tags.length ? ` · ${e.tags.join(', ')}` : ''}</Text>
              {e.description && <Text size="sm">{e.description}</Text>}
            </div>
            <Button size="xs" variant="subtle" color="red" aria-label={fmt(m.matchmaking.removeEntry, { title: e.title })} onClick={() => void remove({ id: e.id }).then(refresh)}>{m.matchmaking.remove}</Button>
          </Group>
        ))}
        <ErrorSummary errors={toErrors(removed.error).general} />
        <form onSubmit={(ev) => {
          ev.preventDefault();
          void add({ eventId, input: { ...form, description: form.description.trim() || null } }).then((r) => { if (!r.error) { setForm(empty); refresh(); } });
        }}>
          <Stack gap="xs">
            <Group grow wrap="wrap">
              <Select label={m.matchmaking.direction} value={form.direction} allowDeselect={false} onChange={(v) => setForm({ ...form, direction: (v ?? 'OFFER') as MarketplaceDirection })}
                data={[{ value: 'OFFER', label: m.matchmaking.directions.OFFER }, { value: 'SEEK', label: m.matchmaking.directions.SEEK }]} />
              <Select label={m.matchmaking.kind} value={form.kind} allowDeselect={false} onChange={(v) => setForm({ ...form, kind: (v ?? 'EXPERTISE') as MarketplaceKind })}
                data={KINDS.map((k) => ({ value: k, label: m.matchmaking.kinds[k] }))} />
            </Group>
            <TextInput label={m.matchmaking.entryTitle} value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} error={errors.fields.title} required />
            <Textarea label={m.matchmaking.entryDescription} value={form.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} error={errors.fields.description} autosize minRows={2} />
            <TagsInput label={m.matchmaking.tags} value={form.tags} onChange={(v) => setForm({ ...form, tags: v })} error={errors.fields.tags} />
            <ErrorSummary errors={errors.general} />
            <Group><Button type="submit" variant="light" loading={added.fetching}>{m.matchmaking.addEntry}</Button></Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

// ---------------------------------------------------------------- requests

export function RequestsPage() {
  return <Frame title={m.matchmaking.requests} body={(event) => <Requests event={event} />} />;
}

function Requests({ event }: { event: EventBasics }) {
  const { me } = useMe();
  const settings = useSettings(event.id);
  const [{ data, error }, refresh] = useQuery({ query: RequestsQuery, variables: { eventId: event.id } });
  const list = data?.meetingRequests;
  if (!list) return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  const incoming = list.filter((r) => r.recipient?.accountId === me?.id);
  const outgoing = list.filter((r) => r.recipient?.accountId !== me?.id);
  const section = (id: string, title: string, items: typeof list, mineSent: boolean) => (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">{title}</Title>
      {!items.length && <Text>{m.matchmaking.noRequests}</Text>}
      <Stack gap="sm">
        {items.map((r) => {
          const other = mineSent ? r.recipient : r.requester;
          return (
            <Card key={r.id} withBorder padding="sm" component="article" aria-label={other?.name ?? r.id}>
              <Stack gap={4}>
                <Group justify="space-between">
                  <Title order={3} size="h5">{fmt(mineSent ? m.matchmaking.to : m.matchmaking.from, { name: other?.name ?? '—' })}</Title>
                  <Badge variant="light" color={r.status === 'PENDING' ? 'yellow' : r.status === 'ACCEPTED' ? 'green' : 'gray'}>{m.matchmaking.requestStatus[r.status]}</Badge>
                </Group>
                {other?.organisation && <Text size="sm" c="dimmed">{other.organisation.name}</Text>}
                {r.message && <Text size="sm">“{r.message}”</Text>}
                {r.proposedSlot && <Text size="sm"><EventTime at={r.proposedSlot.startsAt} zone={event.timeZone} /></Text>}
                {r.editedAt && <Text size="sm" c="dimmed">{m.matchmaking.changed} <EventTime at={r.editedAt} zone={event.timeZone} /></Text>}
                {r.declineReason && <Text size="sm">{r.declineReason}</Text>}
                {r.status === 'PENDING' && (mineSent
                  ? <SentRequestActions eventId={event.id} zone={event.timeZone} request={r} pick={settings?.mode === 'PARTICIPANTS_PICK_SLOT'} onDone={() => refresh(network)} />
                  : <Respond eventId={event.id} zone={event.timeZone} request={r} pick={settings?.mode === 'PARTICIPANTS_PICK_SLOT'} onDone={() => refresh(network)} />)}
              </Stack>
            </Card>
          );
        })}
      </Stack>
    </section>
  );
  return (
    <>
      {section('incoming', m.matchmaking.incoming, incoming, false)}
      {section('outgoing', m.matchmaking.outgoing, outgoing, true)}
    </>
  );
}

interface SentRequest {
  id: string; message?: string | null; priority: number;
  proposedSlot?: { id: string; startsAt: string } | null;
  recipient?: { accountId: string; name: string } | null;
}

/** A pending request one sent: change it in place, or withdraw it. */
function SentRequestActions({ eventId, zone, pick, request, onDone }: { eventId: string; zone: string; pick: boolean; request: SentRequest; onDone: () => void }) {
  const [editing, setEditing] = useState(false);
  const changeButton = useReturnFocus(editing);
  const [cancelled, cancel] = useMutation(CancelRequestMutation);
  if (editing) return <RequestEditor eventId={eventId} zone={zone} pick={pick} request={request} onClose={() => setEditing(false)} onDone={onDone} />;
  return (
    <>
      <Group gap="xs">
        <Button ref={changeButton} size="xs" variant="light" aria-label={fmt(m.matchmaking.changeRequest, { name: request.recipient?.name ?? '—' })}
          onClick={() => setEditing(true)}>{m.matchmaking.change}</Button>
        <Button size="xs" variant="default" loading={cancelled.fetching} onClick={() => void cancel({ id: request.id }).then(onDone)}>{m.matchmaking.cancel}</Button>
      </Group>
      <ErrorSummary errors={toErrors(cancelled.error).general} />
    </>
  );
}

/**
 * Changes a pending request, prefilled with what it says now. Only what differs is sent (a field
 * left out stays as it is); a refusal shows at its field and keeps what was typed.
 */
function RequestEditor({ eventId, zone, pick, request, onClose, onDone }: {
  eventId: string; zone: string; pick: boolean; request: SentRequest; onClose: () => void; onDone: () => void;
}) {
  const [draft, setDraft] = useState<RequestDraft>({ message: request.message ?? '', slotId: request.proposedSlot?.id ?? '', priority: String(request.priority) });
  const [result, update] = useMutation(UpdateRequestMutation);
  // Without a picker (organisers place meetings) a proposal left from before stays as it is.
  const picking = pick && !!request.recipient;
  const errors = toErrors(result.error, requestFields(picking));
  const title = fmt(m.matchmaking.changeRequest, { name: request.recipient?.name ?? '—' });
  const submit = () => {
    const input: UpdateMeetingRequestInput = {};
    const message = draft.message.trim() || null;
    if (message !== (request.message ?? null)) input.message = message;
    const slotId = draft.slotId || null;
    if (picking && slotId !== (request.proposedSlot?.id ?? null)) input.proposedSlotId = slotId;
    if (Number(draft.priority) !== request.priority) input.priority = Number(draft.priority);
    if (!Object.keys(input).length) return onClose();
    void update({ id: request.id, input }).then((r) => { if (!r.error) { onClose(); onDone(); } });
  };
  return (
    <form aria-label={title} onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>{title}</Text>
        <RequestFields eventId={eventId} zone={zone} withAccountId={request.recipient?.accountId ?? ''} pick={picking} draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={errors.fields} noSlotLabel={m.matchmaking.noProposedTime} currentSlot={request.proposedSlot} />
        <EditorActions errors={errors.general} saving={result.fetching} onClose={onClose} />
      </Stack>
    </form>
  );
}

function Respond({ eventId, zone, request, pick, onDone }: {
  eventId: string; zone: string; pick: boolean; onDone: () => void;
  request: { id: string; requester?: { accountId: string; name: string } | null; proposedSlot?: { id: string } | null };
}) {
  const [slotId, setSlotId] = useState(request.proposedSlot?.id ?? '');
  const [reason, setReason] = useState('');
  const [declining, setDeclining] = useState(false);
  const [accepted, accept] = useMutation(AcceptMutation);
  const [declined, decline] = useMutation(DeclineMutation);
  const errors = toErrors(accepted.error ?? declined.error, ['slotId', 'reason']);
  const name = request.requester?.name ?? '';
  return (
    <Stack gap="xs">
      {pick && !request.proposedSlot && request.requester && (
        <SlotPicker eventId={eventId} zone={zone} withAccountId={request.requester.accountId} value={slotId} onChange={setSlotId} label={m.matchmaking.pickSlot} allowAny />
      )}
      {errors.fields.slotId && <Text c="red" size="sm">{errors.fields.slotId}</Text>}
      {declining && <TextInput label={m.matchmaking.declineReason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.fields.reason} />}
      <Group gap="xs">
        {!declining && (
          <Button size="xs" loading={accepted.fetching} aria-label={`${m.matchmaking.accept}: ${name}`}
            onClick={() => void accept({ id: request.id, slotId: slotId || null }).then((r) => !r.error && onDone())}>{m.matchmaking.accept}</Button>
        )}
        <Button size="xs" variant="default" color="red" loading={declined.fetching} aria-label={`${m.matchmaking.decline}: ${name}`}
          onClick={() => (declining ? void decline({ id: request.id, reason: reason.trim() || null }).then((r) => !r.error && onDone()) : setDeclining(true))}>{m.matchmaking.decline}</Button>
      </Group>
      <ErrorSummary errors={errors.general} />
    </Stack>
  );
}

// ---------------------------------------------------------------- my meetings

export function MeetingsPage() {
  return <Frame title={m.matchmaking.meetings} body={(event) => <Meetings event={event} />} />;
}

function Meetings({ event }: { event: EventBasics }) {
  const { me } = useMe();
  const settings = useSettings(event.id);
  const [{ data, error, fetching }, refresh] = useQuery({ query: MyMeetingsQuery, variables: { eventId: event.id } });
  const list = data?.myMeetings;
  if (!list) return error ? <ErrorSummary errors={toErrors(error).general} /> : fetching ? <PageLoader /> : null;
  const tableName = (n: number) => settings?.tables.find((t) => t.number === n)?.name;
  const now = Date.now();
  return (
    <Stack gap="sm">
      {!list.length && <Text>{m.matchmaking.noMeetings}</Text>}
      <ErrorSummary errors={toErrors(error).general} />
      {list.map((meeting) => {
        const other = meeting.requester?.accountId === me?.id ? meeting.recipient : meeting.requester;
        const name = tableName(meeting.tableNumber ?? -1);
        // Once a meeting has started it is for feedback and follow-ups, no longer for moving or cancelling.
        const started = meeting.status === 'CONFIRMED' && !!meeting.slot && Date.parse(meeting.slot.startsAt) <= now;
        return (
          <Card key={meeting.id} withBorder padding="sm" component="article" aria-label={other?.name ?? meeting.id}>
            <Stack gap={4}>
              <Title order={2} size="h5">{fmt(m.matchmaking.withName, { name: other?.name ?? '—' })}</Title>
              {other?.organisation && <Text size="sm" c="dimmed">{other.organisation.name}</Text>}
              {meeting.slot ? (
                <Text size="sm"><EventTime at={meeting.slot.startsAt} zone={event.timeZone} /></Text>
              ) : (
                <Text size="sm">{m.matchmaking.unscheduled}</Text>
              )}
              {meeting.tableNumber != null && (
                <Text fw={700}>{name && name !== fmt(m.matchmaking.table, { number: meeting.tableNumber }) ? fmt(m.matchmaking.tableNamed, { number: meeting.tableNumber, name }) : fmt(m.matchmaking.table, { number: meeting.tableNumber })}</Text>
              )}
              {meeting.status === 'CANCELLED' && <Badge color="red" variant="light">{m.matchmaking.cancelled}</Badge>}
              {meeting.status === 'CONFIRMED' && meeting.onlineUrl && (
                <Text size="sm">
                  <Anchor href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer" aria-label={fmt(m.matchmaking.joinOnlineWith, { name: other?.name ?? '—' })}>
                    {m.matchmaking.joinOnline}
                  </Anchor>
                </Text>
              )}
              {started && (
                <>
                  <Text size="sm" c="dimmed">{m.meetingOutcome.pastNote}</Text>
                  <FeedbackForm eventId={event.id} meetingId={meeting.id} partner={other?.name ?? '—'} />
                  <FollowUps eventId={event.id} zone={event.timeZone} meetingId={meeting.id} />
                </>
              )}
              {meeting.status === 'CONFIRMED' && !started && other && (
                <MeetingActions eventId={event.id} zone={event.timeZone} meeting={meeting} otherId={other.accountId} myId={me?.id ?? ''}
                  pick={settings?.mode === 'PARTICIPANTS_PICK_SLOT'} onDone={() => refresh(network)} />
              )}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

function MeetingActions({ eventId, zone, meeting, otherId, myId, pick, onDone }: {
  eventId: string; zone: string; otherId: string; myId: string; pick: boolean; onDone: () => void;
  meeting: { id: string; onlineUrl?: string | null; slot?: { id: string } | null; rescheduleSlot?: { id: string; startsAt: string } | null; rescheduleProposedBy?: string | null };
}) {
  const [linking, setLinking] = useState(false);
  const linkButton = useReturnFocus(linking);
  const [slotId, setSlotId] = useState('');
  const [picking, setPicking] = useState(false);
  const [booked, book] = useMutation(BookMutation);
  const [proposed, propose] = useMutation(RescheduleMutation);
  const [responded, respond] = useMutation(RespondRescheduleMutation);
  const [cancelled, cancel] = useMutation(CancelMeetingMutation);
  const errors = toErrors(booked.error ?? proposed.error ?? responded.error ?? cancelled.error, ['slotId']);
  const done = (r: { error?: unknown }) => { if (!r.error) { setPicking(false); onDone(); } };
  return (
    <Stack gap="xs">
      {meeting.rescheduleSlot && (
        <Text size="sm" role="status">
          {fmt(m.matchmaking.rescheduleProposed, { time: slotLabel(meeting.rescheduleSlot.startsAt, zone) })}
          {meeting.rescheduleProposedBy === myId ? ` ${m.matchmaking.rescheduleWaiting}` : ''}
        </Text>
      )}
      {meeting.rescheduleSlot && meeting.rescheduleProposedBy !== myId && (
        <Group gap="xs">
          <Button size="xs" onClick={() => void respond({ id: meeting.id, accept: true }).then(done)}>{m.matchmaking.acceptNewTime}</Button>
          <Button size="xs" variant="default" onClick={() => void respond({ id: meeting.id, accept: false }).then(done)}>{m.matchmaking.declineNewTime}</Button>
        </Group>
      )}
      {picking && (
        <>
          <SlotPicker eventId={eventId} zone={zone} withAccountId={otherId} value={slotId} onChange={setSlotId} label={m.matchmaking.pickSlot} />
          {errors.fields.slotId && <Text c="red" size="sm">{errors.fields.slotId}</Text>}
          <Group gap="xs">
            {!meeting.slot && pick
              ? <Button size="xs" disabled={!slotId} loading={booked.fetching} onClick={() => void book({ id: meeting.id, slotId }).then(done)}>{m.matchmaking.book}</Button>
              : <Button size="xs" disabled={!slotId} loading={proposed.fetching} onClick={() => void propose({ id: meeting.id, slotId }).then(done)}>{m.matchmaking.propose}</Button>}
          </Group>
        </>
      )}
      {linking && <OnlineLinkForm meeting={meeting} onClose={() => setLinking(false)} onDone={onDone} />}
      <Group gap="xs">
        {!picking && (meeting.slot || pick) && (
          <Button size="xs" variant="light" onClick={() => setPicking(true)}>{meeting.slot ? m.matchmaking.reschedule : m.matchmaking.pickSlot}</Button>
        )}
        {!linking && (
          <Button ref={linkButton} size="xs" variant="light" onClick={() => setLinking(true)}>
            {meeting.onlineUrl ? m.matchmaking.changeOnlineLink : m.matchmaking.addOnlineLink}
          </Button>
        )}
        <Button size="xs" variant="subtle" color="red" loading={cancelled.fetching} onClick={() => void cancel({ id: meeting.id }).then(done)}>{m.matchmaking.cancelMeeting}</Button>
      </Group>
      <ErrorSummary errors={errors.general} />
    </Stack>
  );
}

/**
 * The meeting's video link, for a partner joining remotely: set, change or remove it. The server
 * checks the link (its words show at the field), so the browser's own URL check is off; what was
 * typed stays on a refusal.
 */
function OnlineLinkForm({ meeting, onClose, onDone }: { meeting: { id: string; onlineUrl?: string | null }; onClose: () => void; onDone: () => void }) {
  const [url, setUrl] = useState(meeting.onlineUrl ?? '');
  const [result, save] = useMutation(SetOnlineLinkMutation);
  const errors = toErrors(result.error, ['url']);
  const submit = (value: string | null) => void save({ meetingId: meeting.id, url: value }).then((r) => { if (!r.error) { onClose(); onDone(); } });
  return (
    <form noValidate aria-label={m.matchmaking.onlineLinkTitle} onSubmit={(e) => { e.preventDefault(); submit(url.trim() || null); }}>
      <Stack gap="xs">
        <TextInput type="url" inputMode="url" autoComplete="url" label={m.matchmaking.onlineLink} description={m.matchmaking.onlineLinkHint}
          value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.fields.url} />
        <ErrorSummary errors={errors.general} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={result.fetching}>{m.matchmaking.saveOnlineLink}</Button>
          {meeting.onlineUrl && (
            <Button size="xs" variant="default" color="red" disabled={result.fetching} onClick={() => submit(null)}>{m.matchmaking.removeOnlineLink}</Button>
          )}
          <Button size="xs" variant="default" onClick={onClose}>{m.common.cancel}</Button>
        </Group>
      </Stack>
    </form>
  );
}

const RESULTS: FollowUpResult[] = ['NOTHING', 'NEGOTIATION_STARTED', 'JOINT_PROJECT_PROPOSAL', 'AGREEMENT_SIGNED'];

/** Follow-up rounds open now (organisers open them, e.g. months later): what came of this meeting. */
function FollowUps({ eventId, zone, meetingId }: { eventId: string; zone: string; meetingId: string }) {
  const [rounds] = useQuery({ query: FollowUpRoundsQuery, variables: { eventId } });
  const [outcomes] = useQuery({ query: OutcomesQuery, variables: { eventId } });
  if (!rounds.data || !outcomes.data) return null;
  const now = Date.now();
  const open = rounds.data.followUpRounds.filter((r) => Date.parse(r.opensAt) <= now && now < Date.parse(r.closesAt));
  const answers = outcomes.data.myMeetingOutcomes.find((o) => o.meetingId === meetingId)?.followUps ?? [];
  return (
    <>
      {open.map((round) => {
        const answer = answers.find((a) => a.roundId === round.id) ?? null;
        // Mounted once both answers are loaded; a later refetch must not reset what is being typed.
        return <FollowUpForm key={round.id} meetingId={meetingId} zone={zone} round={round} answer={answer} />;
      })}
    </>
  );
}

function FollowUpForm({ meetingId, zone, round, answer }: {
  meetingId: string; zone: string;
  round: { id: string; number: number; closesAt: string; message?: string | null };
  answer: { result: FollowUpResult; comment?: string | null } | null;
}) {
  const [form, setForm] = useState({ result: answer?.result ?? '', comment: answer?.comment ?? '' });
  const [saved, save] = useMutation(AnswerFollowUpMutation);
  const errors = toErrors(saved.error, ['result', 'comment']);
  const heading = `fu-${round.id}-${meetingId}`;
  return (
    <form aria-labelledby={heading} onSubmit={(e) => { e.preventDefault(); if (form.result) void save({ roundId: round.id, meetingId, result: form.result as FollowUpResult, comment: form.comment.trim() || null }); }}>
      <Stack gap="xs">
        <Text fw={600} size="sm" id={heading}>{fmt(m.followUp.round, { number: round.number })}: {m.followUp.title}</Text>
        <Text size="xs" c="dimmed">{m.followUp.openUntil} <EventTime at={round.closesAt} zone={zone} /></Text>
        {round.message && <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{round.message}</Text>}
        {/* Four choices as radios: one tap on a phone, no list to open at the foot of the page. */}
        <Radio.Group label={m.followUp.result} value={form.result} onChange={(v) => setForm({ ...form, result: v })} error={errors.fields.result}>
          <Stack gap={6} mt={4}>
            {RESULTS.map((r) => <Radio key={r} value={r} label={m.followUp.results[r]} />)}
          </Stack>
        </Radio.Group>
        <Textarea label={m.followUp.comment} value={form.comment} onChange={(e) => setForm({ ...form, comment: e.currentTarget.value })} error={errors.fields.comment} autosize minRows={2} />
        <ErrorSummary errors={errors.general} />
        {saved.data && !saved.error && !saved.fetching && <Text size="sm" role="status" c="green">{m.followUp.saved}</Text>}
        <Group><Button type="submit" size="xs" disabled={!form.result} loading={saved.fetching}>{m.followUp.save}</Button></Group>
      </Stack>
    </form>
  );
}

/** After a meeting has started: was it held, and how was it (the note stays private). */
function FeedbackForm({ eventId, meetingId, partner }: { eventId: string; meetingId: string; partner: string }) {
  const [{ data, error }] = useQuery({ query: OutcomesQuery, variables: { eventId } });
  const mine = data?.myMeetingOutcomes.find((o) => o.meetingId === meetingId);
  if (!data) return <ErrorSummary errors={toErrors(error).general} />;
  // Mounted once the saved feedback is loaded; a later refetch must not reset what is being typed.
  return <FeedbackFields meetingId={meetingId} partner={partner} feedback={mine?.feedback ?? null} attendance={mine?.myAttendance ?? null} />;
}

function FeedbackFields({ meetingId, partner, feedback, attendance }: {
  meetingId: string; partner: string; attendance: string | null;
  feedback: { rating: number; expectedOutcome: ExpectedOutcome; note?: string | null } | null;
}) {
  const [form, setForm] = useState({ rating: String(feedback?.rating ?? ''), expectedOutcome: feedback?.expectedOutcome ?? '', note: feedback?.note ?? '' });
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [saved, save] = useMutation(FeedbackMutation);
  const [marked, markAttendance] = useMutation(AttendanceMutation);
  const [att, setAtt] = useState(attendance);
  const mark = (v: { meetingId: string; status: 'HELD' | 'NO_SHOW' }) => markAttendance(v).then((r) => { if (!r.error) setAtt(v.status); });
  const errors = toErrors(saved.error ?? marked.error, ['rating', 'expectedOutcome', 'note']);
  const submit = () => {
    // Both are required by the API; an empty choice would not even reach it as a valid request.
    const empty: Record<string, string> = {};
    if (!form.rating) empty.rating = m.errors.required;
    if (!form.expectedOutcome) empty.expectedOutcome = m.errors.required;
    setMissing(empty);
    if (Object.keys(empty).length) return;
    void save({ meetingId, input: { rating: Number(form.rating), expectedOutcome: form.expectedOutcome as ExpectedOutcome, note: form.note.trim() || null } });
  };
  return (
    <form noValidate aria-label={fmt(m.meetingOutcome.yourFeedback, { name: partner })} onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Stack gap="xs">
        <Text fw={600} size="sm">{m.feedback.title}</Text>
        <Group gap="xs">
          <Button size="xs" variant={att === 'HELD' ? 'filled' : 'default'} aria-pressed={att === 'HELD'} onClick={() => void mark({ meetingId, status: 'HELD' })}>{m.feedback.held}</Button>
          <Button size="xs" variant={att === 'NO_SHOW' ? 'filled' : 'default'} aria-pressed={att === 'NO_SHOW'} onClick={() => void mark({ meetingId, status: 'NO_SHOW' })}>{m.feedback.noShow}</Button>
        </Group>
        <Group wrap="wrap" align="flex-start">
          <Select label={m.feedback.rating} w={140} required value={form.rating} onChange={(v) => setForm({ ...form, rating: v ?? '' })} data={['1', '2', '3', '4', '5']} error={missing.rating ?? errors.fields.rating} />
          <Select label={m.feedback.outcome} w={240} required value={form.expectedOutcome} onChange={(v) => setForm({ ...form, expectedOutcome: v ?? '' })} error={missing.expectedOutcome ?? errors.fields.expectedOutcome}
            data={OUTCOMES.map((o) => ({ value: o, label: m.feedback.outcomes[o] }))} />
        </Group>
        <Textarea label={m.feedback.note} value={form.note} onChange={(e) => setForm({ ...form, note: e.currentTarget.value })} error={errors.fields.note} autosize minRows={2} />
        <ErrorSummary errors={errors.general} />
        {saved.data && !saved.error && !saved.fetching && <Text size="sm" role="status" c="green">{m.feedback.saved}</Text>}
        <Group><Button type="submit" size="xs" loading={saved.fetching}>{m.feedback.save}</Button></Group>
      </Stack>
    </form>
  );
}
