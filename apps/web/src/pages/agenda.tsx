import { Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../auth.js';
import { ErrorSummary, toErrors, useEventZoneInErrors } from '../components/api-error.js';
import { EventTimeRange, ZoneNote } from '../components/event-zone.js';
import { PageLoader } from '../components/layout.js';
import { rateable, SessionRating, useMySessionFeedback } from '../components/session-feedback.js';
import { TableMates, tableMatesEstimate } from '../components/table-mates.js';
import { graphql } from '../gql/index.js';
import type { SessionType } from '../gql/graphql.js';
import { fmt, locale, m } from '../i18n/index.js';
import { dateRangeLabel } from '../lib/time-display.js';

const AgendaEventQuery = graphql(`
  query AgendaEvent($slug: String!) {
    event(slug: $slug) { id slug name timeZone startsOn endsOn myParticipation { id status } }
  }
`);

const AgendaQuery = graphql(`
  query Agenda($eventId: ID!, $filter: AgendaFilterInput) {
    agenda(eventId: $eventId, filter: $filter) {
      timeZone
      rooms { id name }
      tracks { id name }
      days {
        date
        sessions {
          id title type startsAt endsAt timeZone capacity seated waiting status
          room { id name }
          track { id name }
          people { name }
          roundTables { id topic seats seated waiting hostName }
        }
      }
    }
  }
`);

const MyAgendaQuery = graphql(`
  query MyAgendaMarks($eventId: ID!) {
    myAgenda(eventId: $eventId) { reasons seatStatus waitingPosition roundTableId overlaps session { id } }
  }
`);

const BookmarkMutation = graphql(`
  mutation BookmarkSession($sessionId: ID!) { bookmarkSession(sessionId: $sessionId) }
`);
const RemoveBookmarkMutation = graphql(`
  mutation RemoveBookmark($sessionId: ID!) { removeBookmark(sessionId: $sessionId) }
`);
const TakeSeatMutation = graphql(`
  mutation TakeSeat($sessionId: ID!, $roundTableId: ID) {
    takeSeat(sessionId: $sessionId, roundTableId: $roundTableId) { id status waitingPosition roundTableId sessionId }
  }
`);
const MoveSeatMutation = graphql(`
  mutation MoveSeat($sessionId: ID!, $roundTableId: ID!) {
    moveSeat(sessionId: $sessionId, roundTableId: $roundTableId) { id status waitingPosition roundTableId sessionId }
  }
`);
const LeaveSeatMutation = graphql(`
  mutation LeaveSeat($sessionId: ID!) { leaveSeat(sessionId: $sessionId) }
`);

const TYPES: SessionType[] = ['OPENING', 'KEYNOTE', 'PLENARY', 'PANEL', 'ROUND_TABLE', 'WORKSHOP', 'MATCHMAKING', 'NETWORKING', 'SOCIAL', 'BREAK'];

export function AgendaPage() {
  const { slug = '' } = useParams();
  const { me } = useMe();
  const [{ data: eventData, error: eventError }] = useQuery({ query: AgendaEventQuery, variables: { slug } });
  const event = eventData?.event;
  useEventZoneInErrors(event?.timeZone);
  const [filter, setFilter] = useState({ day: '', trackId: '', roomId: '', type: '', text: '' });
  const [{ data, error, fetching }, refreshAgenda] = useQuery({
    query: AgendaQuery,
    pause: !event,
    variables: {
      eventId: event?.id ?? '',
      filter: {
        day: filter.day || null,
        trackId: filter.trackId || null,
        roomId: filter.roomId || null,
        type: (filter.type || null) as SessionType | null,
        text: filter.text.trim() || null,
      },
    },
  });
  const member = !!me && event?.myParticipation?.status === 'APPROVED';
  const [{ data: mine }, refreshMine] = useQuery({ query: MyAgendaQuery, variables: { eventId: event?.id ?? '' }, pause: !event || !member });
  const myRatings = useMySessionFeedback(event?.id, member);
  const [bookmarkResult, bookmark] = useMutation(BookmarkMutation);
  const [removeResult, removeBookmark] = useMutation(RemoveBookmarkMutation);
  const [seatResult, takeSeat] = useMutation(TakeSeatMutation);
  const [moveResult, moveSeat] = useMutation(MoveSeatMutation);
  const [leaveResult, leaveSeat] = useMutation(LeaveSeatMutation);
  // Seat counts live in the agenda, the person's own seat in my agenda: both change.
  const after = () => {
    refreshMine({ requestPolicy: 'network-only' });
    refreshAgenda({ requestPolicy: 'network-only' });
  };
  if (!event) return eventError ? <ErrorSummary errors={toErrors(eventError).general} /> : <PageLoader />;
  const marks = new Map((mine?.myAgenda ?? []).map((item) => [item.session.id, item]));
  const actionErrors = toErrors(bookmarkResult.error ?? removeResult.error ?? seatResult.error ?? moveResult.error ?? leaveResult.error);
  const agenda = data?.agenda;
  const days = eventDays(event.startsOn, event.endsOn);
  const set = (key: keyof typeof filter) => (value: string | null) => setFilter({ ...filter, [key]: value ?? '' });

  return (
    <Stack>
      <Group gap="xs">
        <Button component={Link} to={`/events/${event.slug}`} variant="subtle" size="compact-sm">
          ← {event.name}
        </Button>
        {member && (
          <Button component={Link} to={`/events/${event.slug}/me`} variant="light" size="compact-sm">
            {m.myAgenda.open}
          </Button>
        )}
        <Button component="a" href={`/events/${event.slug}/agenda.html`} target="_blank" variant="subtle" size="compact-sm">{m.printouts.agenda}</Button>
        <Button component="a" href={`/events/${event.slug}/schedule.xml`} target="_blank" variant="subtle" size="compact-sm">{m.printouts.frabXml}</Button>
        <Button component="a" href={`/events/${event.slug}/schedule.json`} target="_blank" variant="subtle" size="compact-sm">{m.printouts.frabJson}</Button>
      </Group>
      <Title order={1}>{m.agenda.title}</Title>
      <ZoneNote zone={event.timeZone} day={event.startsOn} />
      <div className="filter-grid">
        <Select label={m.agenda.day} value={filter.day} onChange={set('day')} allowDeselect={false}
          data={[{ value: '', label: m.agenda.allDays }, ...days.map((d) => ({ value: d, label: dateRangeLabel(d, d, locale) }))]} />
        <Select label={m.agenda.track} value={filter.trackId} onChange={set('trackId')} allowDeselect={false}
          data={[{ value: '', label: m.organiser.all }, ...(agenda?.tracks ?? []).map((t) => ({ value: t.id, label: t.name }))]} />
        <Select label={m.agenda.type} value={filter.type} onChange={set('type')} allowDeselect={false}
          data={[{ value: '', label: m.organiser.all }, ...TYPES.map((t) => ({ value: t, label: m.agenda.types[t] }))]} />
        <Select label={m.agenda.room} value={filter.roomId} onChange={set('roomId')} allowDeselect={false}
          data={[{ value: '', label: m.organiser.all }, ...(agenda?.rooms ?? []).map((r) => ({ value: r.id, label: r.name }))]} />
        <TextInput label={m.common.search} value={filter.text} onChange={(e) => set('text')(e.currentTarget.value)} />
      </div>
      <ErrorSummary errors={[...toErrors(error).general, ...actionErrors.general]} />
      {fetching && !agenda && <PageLoader />}
      {agenda && !agenda.days.some((d) => d.sessions.length) && <Text>{m.agenda.empty}</Text>}
      {agenda?.days.filter((d) => d.sessions.length).map((day) => (
        <section key={day.date} aria-labelledby={`day-${day.date}`}>
          <Title order={2} size="h3" id={`day-${day.date}`} mb="xs">
            {dateRangeLabel(day.date, day.date, locale)}
          </Title>
          <Stack gap="sm">
            {day.sessions.map((s) => {
              const mark = marks.get(s.id);
              const bookmarked = !!mark?.reasons.includes('BOOKMARKED');
              return (
                <Card key={s.id} withBorder padding="sm" component="article" aria-label={s.title}>
                  <Stack gap={4}>
                    <Text size="sm">
                      <EventTimeRange start={s.startsAt} end={s.endsAt} zone={s.timeZone} withDate={false} />
                    </Text>
                    <Title order={3} size="h5">{s.title}</Title>
                    <Group gap="xs">
                      <Badge variant="light">{m.agenda.types[s.type]}</Badge>
                      {s.track && <Badge variant="light" color="gray">{s.track.name}</Badge>}
                      {s.room && <Text size="sm">{s.room.name}</Text>}
                      {s.status === 'CANCELLED' && <Badge color="red" variant="light">{m.agenda.cancelled}</Badge>}
                      {mark?.overlaps && <Badge color="orange" variant="light">{m.agenda.overlap}</Badge>}
                    </Group>
                    {s.people.length > 0 && <Text size="sm" c="dimmed">{s.people.map((p) => p.name).join(', ')}</Text>}
                    {s.roundTables.map((table) => (
                      <Group key={table.id} justify="space-between" wrap="wrap">
                        <Text size="sm">
                          {table.topic} · {fmt(m.agenda.seats, { seated: table.seated, seats: table.seats })}
                          {table.waiting ? ` · ${fmt(m.agenda.waiting, { count: table.waiting })}` : ''}
                        </Text>
                        {member && !mark?.roundTableId && (
                          <Button size="xs" variant="light" onClick={() => void takeSeat({ sessionId: s.id, roundTableId: table.id }).then(after)}
                            aria-label={`${table.seated >= table.seats ? m.agenda.joinWaitingList : m.agenda.takeSeat}: ${table.topic}`}>
                            {table.seated >= table.seats ? m.agenda.joinWaitingList : m.agenda.takeSeat}
                          </Button>
                        )}
                        {/* At another table of this session already: move in one step, only to a table with a free seat. */}
                        {member && mark?.roundTableId && mark.roundTableId !== table.id && table.seated < table.seats && (
                          <Button size="xs" variant="light" onClick={() => void moveSeat({ sessionId: s.id, roundTableId: table.id }).then(after)}
                            aria-label={`${m.agenda.moveHere}: ${table.topic}`}>
                            {m.agenda.moveHere}
                          </Button>
                        )}
                      </Group>
                    ))}
                    {mark?.seatStatus && (
                      <Group gap="xs">
                        <Text size="sm" role="status" fw={600}>
                          {mark.seatStatus === 'SEATED' ? m.agenda.youAreSeated : fmt(m.agenda.yourPosition, { position: mark.waitingPosition ?? '?' })}
                        </Text>
                        <Button size="xs" variant="subtle" onClick={() => void leaveSeat({ sessionId: s.id }).then(after)}>{m.agenda.leave}</Button>
                      </Group>
                    )}
                    {(() => {
                      // Seated at (or hosting) one of the tables: who else is there, asked when opened.
                      const table = s.roundTables.find((t) => t.id === mark?.roundTableId);
                      const host = !!mark?.reasons.includes('TABLE_HOST');
                      return table && (mark?.seatStatus === 'SEATED' || host) ? (
                        <TableMates sessionId={s.id} estimate={tableMatesEstimate(table, host && mark?.seatStatus !== 'SEATED')} />
                      ) : null;
                    })()}
                    {member && (
                      <Group>
                        <Button size="xs" variant={bookmarked ? 'filled' : 'default'} aria-pressed={bookmarked}
                          onClick={() => void (bookmarked ? removeBookmark({ sessionId: s.id }) : bookmark({ sessionId: s.id })).then(after)}>
                          {bookmarked ? m.agenda.bookmarked : m.agenda.bookmark}
                        </Button>
                      </Group>
                    )}
                    {member && rateable(s) && (
                      <SessionRating sessionId={s.id} title={s.title} mine={myRatings.ratings.get(s.id)} onChange={myRatings.reload} />
                    )}
                  </Stack>
                </Card>
              );
            })}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}

function eventDays(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${startsOn}T12:00:00Z`); d <= new Date(`${endsOn}T12:00:00Z`) && days.length < 31; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}
