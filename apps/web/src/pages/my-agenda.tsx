import { Anchor, Badge, Button, Card, CopyButton, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../auth.js';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { EventTime } from '../components/event-zone.js';
import { EventPage, type EventBasics } from '../components/event-page.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import { locale, m } from '../i18n/index.js';
import { dateRangeLabel, dayKey } from '../lib/time-display.js';
import { buildTimeline, type TimelineEntry } from '../lib/timeline.js';

const MyAgendaQuery = graphql(`
  query MyAgenda($eventId: ID!) {
    myAgenda(eventId: $eventId) {
      reasons seatStatus waitingPosition roundTableId overlaps overlapsWith
      session { id title type startsAt endsAt status room { id name } roundTables { id topic } }
    }
  }
`);

export const MyMeetingsQuery = graphql(`
  query MyMeetings($eventId: ID!) {
    myMeetings(eventId: $eventId) {
      id status tableNumber locked rescheduleProposedBy
      slot { id startsAt endsAt }
      rescheduleSlot { id startsAt endsAt }
      requester { accountId name organisation { name } }
      recipient { accountId name organisation { name } }
    }
  }
`);

const CalendarFeedQuery = graphql(`
  query MyCalendarFeed($eventId: ID!) { myCalendarFeed(eventId: $eventId) { url webcalUrl createdAt } }
`);
const RotateFeedMutation = graphql(`
  mutation RotateMyCalendarFeed($eventId: ID!) { rotateMyCalendarFeed(eventId: $eventId) { url webcalUrl createdAt } }
`);

export function MyAgendaPage() {
  return <EventPage title={m.myAgenda.title}>{(event) => <MyAgenda event={event} />}</EventPage>;
}

function MyAgenda({ event }: { event: EventBasics }) {
  const { me } = useMe();
  const [agenda] = useQuery({ query: MyAgendaQuery, variables: { eventId: event.id }, requestPolicy: 'cache-and-network' });
  const [meetings] = useQuery({ query: MyMeetingsQuery, variables: { eventId: event.id }, requestPolicy: 'cache-and-network' });
  const items = agenda.data?.myAgenda;
  const mine = meetings.data?.myMeetings;
  const entries = items && mine ? buildTimeline(items, mine, me?.id ?? '') : null;
  const days = new Map<string, TimelineEntry[]>();
  for (const entry of entries ?? []) {
    const day = entry.startsAt ? dayKey(entry.startsAt, event.timeZone) : '';
    days.set(day, [...(days.get(day) ?? []), entry]);
  }
  return (
    <>
      <Group gap="xs">
        <Button component={Link} to={`/events/${event.slug}/agenda`} variant="light" size="compact-sm">{m.agenda.open}</Button>
        <Button component={Link} to={`/events/${event.slug}/meetings`} variant="light" size="compact-sm">{m.matchmaking.meetings}</Button>
      </Group>
      <ErrorSummary errors={[...toErrors(agenda.error).general, ...toErrors(meetings.error).general]} />
      {!entries && (agenda.fetching || meetings.fetching) && <PageLoader />}
      {entries && entries.length === 0 && <Text>{m.myAgenda.empty}</Text>}
      {[...days].map(([day, list]) => (
        <section key={day || 'later'} aria-labelledby={`my-day-${day || 'later'}`}>
          <Title order={2} size="h3" id={`my-day-${day || 'later'}`} mb="xs">
            {day ? dateRangeLabel(day, day, locale) : m.myAgenda.unscheduled}
          </Title>
          <Stack gap="sm" component="ol" className="plain-list">
            {list.map((entry) => (
              <Card key={entry.key} component="li" withBorder padding="sm" aria-label={entry.title}
                className={entry.overlaps ? 'overlapping' : undefined}>
                <Stack gap={4}>
                  {entry.startsAt && entry.endsAt && (
                    <Text size="sm">
                      <EventTime at={entry.startsAt} zone={event.timeZone} withDate={false} /> – <EventTime at={entry.endsAt} zone={event.timeZone} withDate={false} />
                    </Text>
                  )}
                  <Title order={3} size="h5">{entry.title}</Title>
                  <Group gap="xs">
                    {entry.badges.map((b) => <Badge key={b} variant="light" color="gray">{b}</Badge>)}
                    {entry.place && <Text size="sm">{entry.place}</Text>}
                    {entry.overlaps && <Badge color="orange" variant="light">{m.myAgenda.overlap}</Badge>}
                  </Group>
                </Stack>
              </Card>
            ))}
          </Stack>
        </section>
      ))}
      <CalendarCard eventId={event.id} />
    </>
  );
}

/** Webcal link, copy button and QR code of the personal feed; the feed is issued on first ask. */
function CalendarCard({ eventId }: { eventId: string }) {
  const [shown, setShown] = useState(false);
  const [{ data, error }] = useQuery({ query: CalendarFeedQuery, variables: { eventId }, pause: !shown });
  const [rotated, rotate] = useMutation(RotateFeedMutation);
  const feed = rotated.data?.rotateMyCalendarFeed ?? data?.myCalendarFeed;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (!feed) return;
    let live = true;
    void import('qrcode').then((QR) => QR.toDataURL(feed.webcalUrl, { margin: 1, width: 200 })).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [feed?.webcalUrl]);
  return (
    <Card withBorder component="section" aria-labelledby="calendar-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="calendar-title">{m.calendar.title}</Title>
        <Text size="sm">{m.calendar.intro}</Text>
        {!shown && <Group><Button variant="light" onClick={() => setShown(true)}>{m.calendar.show}</Button></Group>}
        <ErrorSummary errors={[...toErrors(error).general, ...toErrors(rotated.error).general]} />
        {feed && (
          <>
            <Group><Button component="a" href={feed.webcalUrl}>{m.calendar.open}</Button></Group>
            <TextInput label={m.calendar.link} value={feed.webcalUrl} readOnly onFocus={(e) => e.currentTarget.select()} />
            <Group>
              <CopyButton value={feed.webcalUrl}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy} aria-live="polite">{copied ? m.calendar.copied : m.calendar.copy}</Button>
                )}
              </CopyButton>
              <Button variant="subtle" color="red" onClick={() => void rotate({ eventId })} loading={rotated.fetching}>{m.calendar.rotate}</Button>
            </Group>
            {qr && <Image src={qr} alt={m.calendar.qr} w={200} h={200} />}
            <Anchor href={feed.url} size="sm">{feed.url}</Anchor>
          </>
        )}
      </Stack>
    </Card>
  );
}

