import { Anchor, Badge, Button, Card, CopyButton, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type CombinedError, useClient, useMutation, useQuery } from 'urql';
import { useMe } from '../auth.js';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { EventTimeRange } from '../components/event-zone.js';
import { EventPage, type EventBasics } from '../components/event-page.js';
import { PageLoader } from '../components/layout.js';
import { rateable, SessionRating, useMySessionFeedback } from '../components/session-feedback.js';
import { TableMates, tableMatesEstimate } from '../components/table-mates.js';
import { graphql } from '../gql/index.js';
import { locale, m } from '../i18n/index.js';
import { dateRangeLabel, dayKey } from '../lib/time-display.js';
import { buildTimeline, type TimelineEntry } from '../lib/timeline.js';

const MyAgendaQuery = graphql(`
  query MyAgenda($eventId: ID!) {
    myAgenda(eventId: $eventId) {
      reasons seatStatus waitingPosition roundTableId overlaps overlapsWith
      session { id title type startsAt endsAt status room { id name } roundTables { id topic seated hostName } }
    }
  }
`);

export const MyMeetingsQuery = graphql(`
  query MyMeetings($eventId: ID!) {
    myMeetings(eventId: $eventId) {
      id status tableNumber locked rescheduleProposedBy onlineUrl
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
const RevokeFeedMutation = graphql(`
  mutation RevokeMyCalendarFeed($eventId: ID!) { revokeMyCalendarFeed(eventId: $eventId) }
`);

export function MyAgendaPage() {
  return <EventPage title={m.myAgenda.title}>{(event) => <MyAgenda event={event} />}</EventPage>;
}

function MyAgenda({ event }: { event: EventBasics }) {
  const { me } = useMe();
  const [agenda] = useQuery({ query: MyAgendaQuery, variables: { eventId: event.id }, requestPolicy: 'cache-and-network' });
  const [meetings] = useQuery({ query: MyMeetingsQuery, variables: { eventId: event.id }, requestPolicy: 'cache-and-network' });
  const items = agenda.data?.myAgenda;
  const myRatings = useMySessionFeedback(event.id, true);
  const sessions = new Map((items ?? []).map((item) => [`s:${item.session.id}`, item.session]));
  const itemsByKey = new Map((items ?? []).map((item) => [`s:${item.session.id}`, item]));
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
                      <EventTimeRange start={entry.startsAt} end={entry.endsAt} zone={event.timeZone} withDate={false} />
                    </Text>
                  )}
                  <Title order={3} size="h5">{entry.title}</Title>
                  <Group gap="xs">
                    {entry.badges.map((b) => <Badge key={b} variant="light" color="gray">{b}</Badge>)}
                    {entry.place && <Text size="sm">{entry.place}</Text>}
                    {entry.online && (
                      <Anchor href={entry.online.url} target="_blank" rel="noopener noreferrer" size="sm" aria-label={entry.online.label}>
                        {m.matchmaking.joinOnline}
                      </Anchor>
                    )}
                    {entry.overlaps && <Badge color="orange" variant="light">{m.myAgenda.overlap}</Badge>}
                  </Group>
                  {(() => {
                    // A seat at (or hosting) a round table: who else is there, asked when opened.
                    const item = itemsByKey.get(entry.key);
                    const table = item?.session.roundTables.find((t) => t.id === item.roundTableId);
                    const host = !!item?.reasons.includes('TABLE_HOST');
                    return item && table && (item.seatStatus === 'SEATED' || host) ? (
                      <TableMates sessionId={item.session.id} estimate={tableMatesEstimate(table, host && item.seatStatus !== 'SEATED')} />
                    ) : null;
                  })()}
                  {(() => {
                    const session = sessions.get(entry.key);
                    return session && rateable(session) ? (
                      <SessionRating sessionId={session.id} title={session.title} mine={myRatings.ratings.get(session.id)} onChange={myRatings.reload} />
                    ) : null;
                  })()}
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

/**
 * Webcal link, copy button and QR code of the personal feed; the feed is issued on first ask.
 * Resetting issues a new link at once (the old one stops working); turning it off leaves none
 * until the person asks again.
 */
function CalendarCard({ eventId }: { eventId: string }) {
  const client = useClient();
  const [feed, setFeed] = useState<{ url: string; webcalUrl: string } | null>(null);
  const [loading, setLoading] = useState<{ fetching: boolean; error?: CombinedError }>({ fetching: false });
  const [rotated, rotate] = useMutation(RotateFeedMutation);
  const [revoked, revoke] = useMutation(RevokeFeedMutation);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<'reset' | 'off' | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (!feed) return;
    let live = true;
    void import('qrcode').then((QR) => QR.toDataURL(feed.webcalUrl, { margin: 1, width: 200 })).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [feed?.webcalUrl]);
  // Asked afresh each time, never from the cache: after a reset or turning off, that would be a dead link.
  const show = async () => {
    setNotice(null);
    setLoading({ fetching: true });
    const r = await client.query(CalendarFeedQuery, { eventId }, { requestPolicy: 'network-only' }).toPromise();
    setLoading({ fetching: false, error: r.error });
    if (r.data) setFeed(r.data.myCalendarFeed);
  };
  const reset = () => void rotate({ eventId }).then((r) => {
    if (!r.data) return;
    setFeed(r.data.rotateMyCalendarFeed);
    setConfirming(false);
    setNotice('reset');
  });
  const turnOff = () => void revoke({ eventId }).then((r) => {
    if (r.error) return;
    setFeed(null);
    setQr(null);
    setConfirming(false);
    setNotice('off');
  });
  return (
    <Card withBorder component="section" aria-labelledby="calendar-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="calendar-title">{m.calendar.title}</Title>
        <Text size="sm">{m.calendar.intro}</Text>
        {notice === 'off' && <Text size="sm" role="status">{m.calendarLink.turnedOff}</Text>}
        {!feed && <Group><Button variant="light" loading={loading.fetching} onClick={() => void show()}>{m.calendar.show}</Button></Group>}
        <ErrorSummary errors={[...toErrors(loading.error).general, ...toErrors(rotated.error).general, ...toErrors(revoked.error).general]} />
        {feed && (
          <>
            {notice === 'reset' && <Text size="sm" role="status" c="green">{m.calendarLink.resetDone}</Text>}
            <Group><Button component="a" href={feed.webcalUrl}>{m.calendar.open}</Button></Group>
            <TextInput label={m.calendar.link} value={feed.webcalUrl} readOnly onFocus={(e) => e.currentTarget.select()} />
            <Group>
              <CopyButton value={feed.webcalUrl}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy} aria-live="polite">{copied ? m.calendar.copied : m.calendar.copy}</Button>
                )}
              </CopyButton>
            </Group>
            {qr && <Image src={qr} alt={m.calendar.qr} w={200} h={200} />}
            <Anchor href={feed.url} size="sm" style={{ overflowWrap: 'anywhere' }}>{feed.url}</Anchor>
            {confirming ? (
              <Stack gap="xs">
                <Text size="sm" fw={600}>{m.calendarLink.resetConfirm}</Text>
                <Group gap="xs">
                  <Button color="red" loading={rotated.fetching} onClick={reset}>{m.calendarLink.resetYes}</Button>
                  <Button variant="default" autoFocus onClick={() => setConfirming(false)}>{m.calendarLink.keep}</Button>
                </Group>
              </Stack>
            ) : (
              <Group gap="xs">
                <Button variant="light" color="red" onClick={() => { setNotice(null); setConfirming(true); }}>{m.calendarLink.reset}</Button>
                <Button variant="subtle" color="red" loading={revoked.fetching} onClick={turnOff}>{m.calendarLink.turnOff}</Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
