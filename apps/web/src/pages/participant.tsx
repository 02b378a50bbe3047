import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../auth.js';
import { ErrorSummary, toErrors, useEventZoneInErrors } from '../components/api-error.js';
import { EventTime, ZoneNote } from '../components/event-zone.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import type { EventStatus, ParticipationStatus } from '../gql/graphql.js';
import { fmt, locale, m } from '../i18n/index.js';
import { dateRangeLabel } from '../lib/time-display.js';
import { usePrintoutOpener } from '../components/printout-link.js';

const EventsQuery = graphql(`
  query Events($after: String) {
    events(first: 20, after: $after) {
      nodes { id slug name venue startsOn endsOn timeZone status }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const MyEventsQuery = graphql(`
  query MyEvents {
    myEvents { id slug name venue startsOn endsOn timeZone status myParticipation { id role status } }
  }
`);

const EventQuery = graphql(`
  query EventHome($slug: String!) {
    event(slug: $slug) {
      id slug name description venue address startsOn endsOn timeZone status requiresApproval
      myParticipation { id role status }
    }
  }
`);

/** Version of the consent wordings in i18n (libs/consent/consent-wordings.ts on the API). */
export const CONSENT_VERSION = '2026-11';

const RegisterForEventMutation = graphql(`
  mutation RegisterForEvent($eventId: ID!, $consentVersion: String) {
    registerForEvent(eventId: $eventId, consentVersion: $consentVersion) { id role status event { id myParticipation { id role status } } }
  }
`);

const CancelRegistrationMutation = graphql(`
  mutation CancelMyRegistration($eventId: ID!) {
    cancelMyRegistration(eventId: $eventId) { id status event { id myParticipation { id role status } } }
  }
`);

const CheckInMutation = graphql(`
  mutation CheckInToEvent($eventId: ID!) { checkInToEvent(eventId: $eventId) { eventId accountId checkedInAt } }
`);

const statusColour: Record<ParticipationStatus, string> = { APPROVED: 'green', PENDING: 'yellow', DECLINED: 'red', CANCELLED: 'gray' };
const eventStatusColour: Record<EventStatus, string> = { PUBLISHED: 'green', DRAFT: 'yellow', ARCHIVED: 'gray' };

interface EventCardData {
  slug: string;
  name: string;
  venue?: string | null;
  startsOn: string;
  endsOn: string;
  status: EventStatus;
  myParticipation?: { role: keyof typeof m.participation.role; status: ParticipationStatus } | null;
}

function EventCard({ event }: { event: EventCardData }) {
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Title order={2} size="h4">
          <Anchor component={Link} to={`/events/${event.slug}`}>
            {event.name}
          </Anchor>
        </Title>
        <Text size="sm">{dateRangeLabel(event.startsOn, event.endsOn, locale)}</Text>
        {event.venue && (
          <Text size="sm" c="dimmed">
            {event.venue}
          </Text>
        )}
        <Group gap="xs">
          {event.status !== 'PUBLISHED' && <Badge color={eventStatusColour[event.status]} variant="light">{m.events.status[event.status]}</Badge>}
          {event.myParticipation && (
            <>
              <Badge variant="light">{m.participation.role[event.myParticipation.role]}</Badge>
              <Badge color={statusColour[event.myParticipation.status]} variant="light">
                {m.participation.status[event.myParticipation.status]}
              </Badge>
            </>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

export function EventsPage() {
  const [after, setAfter] = useState<string[]>([]);
  return (
    <Stack>
      <Title order={1}>{m.events.title}</Title>
      <EventsPageChunk after={null} />
      {after.map((cursor) => (
        <EventsPageChunk key={cursor} after={cursor} />
      ))}
      <EventsMore pages={after} onMore={(cursor) => setAfter([...after, cursor])} />
    </Stack>
  );
}

function EventsPageChunk({ after }: { after: string | null }) {
  const [{ data, error, fetching }] = useQuery({ query: EventsQuery, variables: { after } });
  if (fetching && !data) return <PageLoader />;
  if (error && !data) return <ErrorSummary errors={toErrors(error).general} />;
  const nodes = data?.events.nodes ?? [];
  if (!nodes.length && !after) return <Text>{m.events.empty}</Text>;
  return (
    <Stack gap="md">
      {nodes.map((event) => (
        <EventCard key={event.id} event={event} />
      ))}
    </Stack>
  );
}

function EventsMore({ pages, onMore }: { pages: string[]; onMore: (cursor: string) => void }) {
  const last = pages[pages.length - 1] ?? null;
  const [{ data }] = useQuery({ query: EventsQuery, variables: { after: last } });
  const info = data?.events.pageInfo;
  if (!info?.hasNextPage || !info.endCursor) return null;
  return (
    <Button variant="light" onClick={() => onMore(info.endCursor!)}>
      {m.events.loadMore}
    </Button>
  );
}

export function MyEventsPage() {
  const [{ data, error, fetching }] = useQuery({ query: MyEventsQuery });
  // Arriving from the link that set a new password (pages/passwords.tsx).
  const passwordSet = !!(useLocation().state as { passwordSet?: boolean } | null)?.passwordSet;
  return (
    <Stack>
      <Title order={1}>{m.events.myTitle}</Title>
      {passwordSet && (
        <Alert color="green" variant="light" role="status">
          {m.passwords.resetDone}
        </Alert>
      )}
      {fetching && !data && <PageLoader />}
      <ErrorSummary errors={toErrors(error).general} />
      {data && !data.myEvents.length && (
        <Text>
          {m.events.myEmpty}{' '}
          <Anchor component={Link} to="/">
            {m.events.browse}
          </Anchor>
        </Text>
      )}
      {data?.myEvents.map((event) => <EventCard key={event.id} event={event} />)}
    </Stack>
  );
}

export function EventHomePage() {
  const { slug = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: EventQuery, variables: { slug } });
  const event = data?.event;
  useEventZoneInErrors(event?.timeZone);
  if (fetching && !event) return <PageLoader />;
  if (!event) return <ErrorSummary errors={toErrors(error).general} />;
  const mine = event.myParticipation;
  const organiser = mine?.role === 'ORGANISER' && mine.status === 'APPROVED';

  return (
    <Stack>
      <div>
        <Title order={1}>{event.name}</Title>
        <Group gap="xs" mt={4}>
          {event.status !== 'PUBLISHED' && <Badge color={eventStatusColour[event.status]} variant="light">{m.events.status[event.status]}</Badge>}
        </Group>
      </div>
      <Card withBorder>
        <Stack gap="xs">
          <Text>
            <Text span fw={600}>
              {m.events.dates}:{' '}
            </Text>
            {dateRangeLabel(event.startsOn, event.endsOn, locale)}
          </Text>
          {event.venue && (
            <Text>
              <Text span fw={600}>
                {m.events.venue}:{' '}
              </Text>
              {event.venue}
              {event.address ? `, ${event.address}` : ''}
            </Text>
          )}
          <ZoneNote zone={event.timeZone} day={event.startsOn} />
        </Stack>
      </Card>
      {event.description && <Text style={{ whiteSpace: 'pre-line' }}>{event.description}</Text>}
      <EventSections eventId={event.id} slug={event.slug} organiser={organiser} approved={mine?.status === 'APPROVED'} speaker={mine?.role === 'SPEAKER'} />
      {mine?.status === 'APPROVED' && event.status === 'PUBLISHED' && <CheckInCard eventId={event.id} zone={event.timeZone} />}
      <RegistrationCard eventId={event.id} requiresApproval={event.requiresApproval} participation={mine ?? null} open={event.status === 'PUBLISHED'} />
    </Stack>
  );
}

/** Self check-in at the venue; checking in again is harmless and shows the first time. */
function CheckInCard({ eventId, zone }: { eventId: string; zone: string }) {
  const [result, checkIn] = useMutation(CheckInMutation);
  const at = result.data?.checkInToEvent.checkedInAt;
  return (
    <Card withBorder>
      <Stack gap="xs">
        {at ? (
          <Text role="status" fw={600}>{m.checkIn.done} <EventTime at={at} zone={zone} /></Text>
        ) : (
          <>
            <Text size="sm">{m.checkIn.hint}</Text>
            <Group><Button loading={result.fetching} onClick={() => void checkIn({ eventId })}>{m.checkIn.button}</Button></Group>
          </>
        )}
        <ErrorSummary errors={toErrors(result.error).general} />
      </Stack>
    </Card>
  );
}

/** Links to the areas of an event; areas appear as the API offers them. */
function EventSections({ eventId, slug, organiser, approved, speaker }: { eventId: string; slug: string; organiser: boolean; approved: boolean; speaker?: boolean }) {
  const openPrintout = usePrintoutOpener();
  return (
    <>
      <Group gap="xs">
        <Button component={Link} to={`/events/${slug}/agenda`} variant="light">
          {m.agenda.open}
        </Button>
        {approved && (
          <>
            <Button component={Link} to={`/events/${slug}/me`} variant="light">{m.myAgenda.open}</Button>
            <Button component={Link} to={`/events/${slug}/matchmaking`} variant="light">{m.matchmaking.title}</Button>
            <Button component={Link} to={`/events/${slug}/meetings`} variant="light">{m.matchmaking.meetings}</Button>
            <Button component={Link} to={`/events/${slug}/availability`} variant="light">{m.availability.open}</Button>
            <Button variant="default" onClick={() => void openPrintout(eventId, 'MY_MEETINGS')}>{m.printouts.myPlan}</Button>
            {(speaker || organiser) && <Button component={Link} to={`/events/${slug}/speaker`} variant="light">{m.speaker.open}</Button>}
          </>
        )}
      </Group>
      {organiser && <OrganiserLinks eventId={eventId} slug={slug} />}
    </>
  );
}

function OrganiserLinks({ eventId, slug }: { eventId: string; slug: string }) {
  const openPrintout = usePrintoutOpener();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {m.organiser.console}
      </Title>
      <Group gap="xs">
        <Button component={Link} to={`/organise/${slug}/settings`} variant="light" size="sm">
          {m.organiser.settings}
        </Button>
        <Button component={Link} to={`/organise/${slug}/participants`} variant="light" size="sm">
          {m.organiser.participants}
        </Button>
        <Button component={Link} to={`/organise/${slug}/import`} variant="light" size="sm">
          {m.organiser.import}
        </Button>
        <Button component={Link} to={`/organise/${slug}/agenda`} variant="light" size="sm">{m.builder.open}</Button>
        <Button component={Link} to={`/organise/${slug}/matchmaking`} variant="light" size="sm">{m.mmSettings.open}</Button>
        <Button component={Link} to={`/organise/${slug}/messages`} variant="light" size="sm">{m.messages.open}</Button>
        <Button component={Link} to={`/organise/${slug}/notifications`} variant="light" size="sm">{m.notificationSettings.open}</Button>
        <Button component={Link} to={`/organise/${slug}/materials`} variant="light" size="sm">{m.materialsSettings.open}</Button>
        <Button component={Link} to={`/organise/${slug}/scheduler`} variant="light" size="sm">{m.scheduler.open}</Button>
        <Button component={Link} to={`/organise/${slug}/reports`} variant="light" size="sm">{m.reports.open}</Button>
        <Button component={Link} to={`/organise/${slug}/meetings`} variant="light" size="sm">{m.meetingsOverview.open}</Button>
        <Button component={Link} to={`/organise/${slug}/check-in`} variant="light" size="sm">{m.checkInDesk.open}</Button>
        <Button component={Link} to={`/organise/${slug}/audit`} variant="light" size="sm">{m.audit.open}</Button>
        <Button component="a" href={`/events/${slug}/agenda.html`} target="_blank" variant="default" size="sm">{m.printouts.agenda}</Button>
        <Button component="a" href={`/events/${slug}/schedule.xml`} target="_blank" variant="default" size="sm">{m.printouts.frabXml}</Button>
        <Button component="a" href={`/events/${slug}/schedule.json`} target="_blank" variant="default" size="sm">{m.printouts.frabJson}</Button>
        <Button variant="default" size="sm" onClick={() => void openPrintout(eventId, 'BOOKLET')}>{m.printouts.booklet}</Button>
        <Button variant="default" size="sm" onClick={() => void openPrintout(eventId, 'TABLE_PLANS')}>{m.printouts.tablePlans}</Button>
        <Button variant="default" size="sm" onClick={() => void openPrintout(eventId, 'BADGES')}>{m.printouts.badges}</Button>
      </Group>
    </Card>
  );
}

function RegistrationCard({
  eventId,
  requiresApproval,
  participation,
  open,
}: {
  eventId: string;
  requiresApproval: boolean;
  participation: { role: keyof typeof m.participation.role; status: ParticipationStatus } | null;
  open: boolean;
}) {
  const { me } = useMe();
  const location = useLocation();
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [registerResult, register] = useMutation(RegisterForEventMutation);
  const [cancelResult, cancel] = useMutation(CancelRegistrationMutation);
  const errors = toErrors(registerResult.error ?? cancelResult.error);
  const active = participation && (participation.status === 'APPROVED' || participation.status === 'PENDING');

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {m.participation.registerTitle}
      </Title>
      {participation && (
        <Group gap="xs" mb="sm">
          <Text role="status">{fmt(m.participation.registered, { status: m.participation.status[participation.status] })}</Text>
          <Badge variant="light">{m.participation.role[participation.role]}</Badge>
        </Group>
      )}
      {!me ? (
        open && (
          <Button component={Link} to="/sign-in" state={{ from: location.pathname }}>
            {m.participation.signInToRegister}
          </Button>
        )
      ) : active ? (
        confirmCancel ? (
          <Group>
            <Button color="red" loading={cancelResult.fetching} onClick={() => cancel({ eventId }).then(() => setConfirmCancel(false))}>
              {m.participation.cancelConfirm}
            </Button>
            <Button variant="default" onClick={() => setConfirmCancel(false)}>
              {m.common.cancel}
            </Button>
          </Group>
        ) : (
          <Button variant="default" onClick={() => setConfirmCancel(true)}>
            {m.participation.cancel}
          </Button>
        )
      ) : (
        open && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!consent) return setConsentError(true);
              // The version of the wording shown (m.participation.consent); the API records it.
              void register({ eventId, consentVersion: CONSENT_VERSION });
            }}
          >
            <Stack>
              {requiresApproval && <Text size="sm">{m.events.requiresApproval}</Text>}
              <Checkbox
                label={m.participation.consent}
                checked={consent}
                onChange={(e) => {
                  setConsent(e.currentTarget.checked);
                  setConsentError(false);
                }}
                error={consentError ? m.participation.consentRequired : undefined}
              />
              <Group>
                <Button type="submit" loading={registerResult.fetching}>
                  {m.participation.register}
                </Button>
              </Group>
            </Stack>
          </form>
        )
      )}
      <ErrorSummary errors={errors.general} />
      {!open && !participation && <Alert variant="light">{m.events.status.DRAFT}</Alert>}
    </Card>
  );
}
