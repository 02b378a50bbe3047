import { Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { PrintoutLinkButton, usePrintoutOpener } from '../components/printout-link.js';
import { AreaNav, EventPage, type EventBasics } from '../components/event-page.js';
import { EventTime } from '../components/event-zone.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import type { ExpectedOutcome, MeetingRequestStatus } from '../gql/graphql.js';
import { fmt, locale, m } from '../i18n/index.js';
import { humanise, labelOf } from '../lib/code-labels.js';

const ConsoleMeetingsQuery = graphql(`
  query ConsoleMeetings($eventId: ID!, $scheduled: Boolean, $includeCancelled: Boolean!) {
    eventMeetings(eventId: $eventId, scheduled: $scheduled, includeCancelled: $includeCancelled) {
      id status locked tableNumber cancelReason onlineUrl
      slot { id startsAt }
      requester { accountId name email organisation { id name } }
      recipient { accountId name email organisation { id name } }
    }
  }
`);
const ConsoleRequestsQuery = graphql(`
  query ConsoleMeetingRequests($eventId: ID!, $status: MeetingRequestStatus) {
    eventMeetingRequests(eventId: $eventId, status: $status) {
      id status createdAt expiresAt declineReason
      requester { accountId name email organisation { id name } }
      recipient { accountId name email organisation { id name } }
    }
  }
`);
const ConsoleMatchmakingQuery = graphql(`
  query ConsoleMatchmakingSettings($eventId: ID!) {
    matchmakingSettings(eventId: $eventId) { eventId expireAfterHours tables { number name } }
  }
`);
const ConsoleFeedbackQuery = graphql(`
  query ConsoleMeetingFeedback($eventId: ID!) {
    eventMeetingFeedback(eventId: $eventId) { meetingId accountId rating expectedOutcome }
  }
`);
const ConsoleLockMutation = graphql(`
  mutation ConsoleSetMeetingLocked($id: ID!, $locked: Boolean!) { setMeetingLocked(id: $id, locked: $locked) { id locked } }
`);
const ConsoleExpireMutation = graphql(`
  mutation ConsoleExpireMeetingRequests($eventId: ID!) { expireMeetingRequests(eventId: $eventId) }
`);
const ConsoleCheckInQuery = graphql(`
  query ConsoleCheckIns($eventId: ID!) {
    participants(eventId: $eventId, status: APPROVED) { id role account { id name email organisation { id name } } }
    eventCheckIns(eventId: $eventId) { accountId checkedInAt checkedInBy }
  }
`);
const ConsoleCheckInMutation = graphql(`
  mutation ConsoleCheckIn($eventId: ID!, $accountId: ID!) { checkInToEvent(eventId: $eventId, accountId: $accountId) { accountId checkedInAt checkedInBy } }
`);
const ConsoleAuditQuery = graphql(`
  query ConsoleAuditLog($eventId: ID!, $filter: AuditFilterInput, $after: String) {
    auditLog(eventId: $eventId, filter: $filter, first: 25, after: $after) {
      nodes { id action at details actor { id name } }
      pageInfo { endCursor hasNextPage }
    }
  }
`);
const ConsoleAuditPeopleQuery = graphql(`
  query ConsoleAuditPeople($eventId: ID!) {
    participants(eventId: $eventId) { id account { id name } }
  }
`);

const PAGE = 50;
const network = { requestPolicy: 'network-only' } as const;

type Person = { accountId: string; name: string; email?: string | null; organisation?: { name: string } | null } | null | undefined;

/** Whether someone's name, e-mail or organisation contains the typed text (any case). */
function matches(text: string, ...people: Person[]): boolean {
  const needle = text.trim().toLocaleLowerCase(locale);
  if (!needle) return true;
  return people.some((p) => !!p && [p.name, p.email, p.organisation?.name].some((v) => v?.toLocaleLowerCase(locale).includes(needle)));
}

function personLabel(p: Person): string {
  if (!p) return '—';
  return p.organisation ? `${p.name} (${p.organisation.name})` : p.name;
}

/** The console pages for running the event, linked to each other. */
function ConsoleNav({ slug }: { slug: string }) {
  return (
    <AreaNav
      label={m.meetingsOverview.console}
      links={[
        { to: `/organise/${slug}/meetings`, label: m.meetingsOverview.title },
        { to: `/organise/${slug}/check-in`, label: m.checkInDesk.title },
        { to: `/organise/${slug}/audit`, label: m.audit.title },
      ]}
    />
  );
}

/** Shows the first items of a long list and a button for the next ones. */
function useShown<T>(items: T[], reset: unknown) {
  const [shown, setShown] = useState({ count: PAGE, reset });
  const count = shown.reset === reset ? shown.count : PAGE;
  return {
    visible: items.slice(0, count),
    rest: Math.max(0, items.length - count),
    more: () => setShown({ count: count + PAGE, reset }),
  };
}

// ---------------------------------------------------------------------------------------------
// Meetings overview

export function MeetingsOverviewPage() {
  return <EventPage title={m.meetingsOverview.title}>{(event) => <MeetingsOverview event={event} />}</EventPage>;
}

type MeetingView = keyof typeof m.meetingsOverview.meetingStatus;
const MEETING_VIEWS: MeetingView[] = ['ACTIVE', 'SCHEDULED', 'UNSCHEDULED', 'CANCELLED', 'ALL'];
const REQUEST_STATUSES: MeetingRequestStatus[] = ['PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CANCELLED'];

function MeetingsOverview({ event }: { event: EventBasics }) {
  const [person, setPerson] = useState('');
  const [{ data: settings }] = useQuery({ query: ConsoleMatchmakingQuery, variables: { eventId: event.id } });
  const [{ data: feedback }] = useQuery({ query: ConsoleFeedbackQuery, variables: { eventId: event.id } });
  const [failed, setFailed] = useState(false);
  const openPrintout = usePrintoutOpener();
  const tables = settings?.matchmakingSettings.tables ?? [];
  const ratings = feedback?.eventMeetingFeedback ?? [];
  return (
    <>
      <ConsoleNav slug={event.slug} />
      <Card withBorder>
        <Group align="flex-end" justify="space-between" wrap="wrap">
          <TextInput label={m.meetingsOverview.person} description={m.meetingsOverview.personHint} type="search" w={320} maw="100%"
            value={person} onChange={(e) => setPerson(e.currentTarget.value)} />
          <Button variant="default" onClick={() => void openPrintout(event.id, 'TABLE_PLANS').then((ok) => setFailed(!ok))}>
            {m.meetingsOverview.tablePlans}
          </Button>
        </Group>
        {failed && <Text c="red" size="sm" role="alert" mt="xs">{m.meetingsOverview.downloadFailed}</Text>}
        <PrintoutLinkButton eventId={event.id} printout="TABLE_PLANS" zone={event.timeZone} label={m.meetingsOverview.tablePlans} />
      </Card>
      <MeetingsSection event={event} person={person} tables={tables} ratings={ratings} />
      <FeedbackSummary ratings={ratings} />
      <RequestsSection event={event} person={person} expireAfterHours={settings?.matchmakingSettings.expireAfterHours ?? null} />
    </>
  );
}

type Rating = { meetingId: string; accountId: string; rating: number; expectedOutcome: ExpectedOutcome };

function MeetingsSection({ event, person, tables, ratings }: { event: EventBasics; person: string; tables: { number: number; name: string }[]; ratings: Rating[] }) {
  const [view, setView] = useState<MeetingView>('ACTIVE');
  const variables = {
    eventId: event.id,
    scheduled: view === 'SCHEDULED' ? true : view === 'UNSCHEDULED' ? false : null,
    includeCancelled: view === 'CANCELLED' || view === 'ALL',
  };
  const [{ data, error }, refresh] = useQuery({ query: ConsoleMeetingsQuery, variables });
  const [locked, lock] = useMutation(ConsoleLockMutation);
  const list = (data?.eventMeetings ?? []).filter((x) => (view !== 'CANCELLED' || x.status === 'CANCELLED') && matches(person, x.requester, x.recipient));
  const { visible, rest, more } = useShown(list, `${view}|${person}`);
  const tableLabel = (n: number) => {
    const name = tables.find((t) => t.number === n)?.name;
    const plain = fmt(m.matchmaking.table, { number: n });
    return name && name !== plain ? fmt(m.matchmaking.tableNamed, { number: n, name }) : plain;
  };
  const byMeeting = new Map<string, Rating[]>();
  for (const r of ratings) byMeeting.set(r.meetingId, [...(byMeeting.get(r.meetingId) ?? []), r]);
  return (
    <section aria-labelledby="meetings">
      <Stack gap="xs">
        <Title order={2} size="h3" id="meetings">{m.meetingsOverview.meetings}</Title>
        <Text size="sm">{m.meetingsOverview.lockHint}</Text>
        <Select label={m.meetingsOverview.status} w={260} maw="100%" value={view} allowDeselect={false} onChange={(v) => setView((v ?? 'ACTIVE') as MeetingView)}
          data={MEETING_VIEWS.map((v) => ({ value: v, label: m.meetingsOverview.meetingStatus[v] }))} />
        <ErrorSummary errors={[...toErrors(error).general, ...toErrors(locked.error).general]} />
        {!data && !error && <PageLoader />}
        {data && (
          <Text size="sm" c="dimmed" role="status">{fmt(m.meetingsOverview.shown, { shown: visible.length, total: list.length })}</Text>
        )}
        {data && !list.length && <Text>{m.meetingsOverview.noMeetings}</Text>}
        {visible.length > 0 && (
          <div className="table-scroll">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{m.meetingsOverview.when}</Table.Th>
                  <Table.Th scope="col">{m.meetingsOverview.table}</Table.Th>
                  <Table.Th scope="col">{m.meetingsOverview.who}</Table.Th>
                  <Table.Th scope="col">{m.meetingsOverview.feedback}</Table.Th>
                  <Table.Th scope="col">{m.meetingsOverview.status}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visible.map((x) => {
                  const who = [x.requester?.name ?? '—', x.recipient?.name ?? '—'].join(' & ');
                  const names = new Map([x.requester, x.recipient].filter(Boolean).map((p) => [p!.accountId, p!.name]));
                  return (
                    <Table.Tr key={x.id}>
                      <Table.Td>{x.slot ? <EventTime at={x.slot.startsAt} zone={event.timeZone} /> : m.meetingsOverview.notScheduled}</Table.Td>
                      <Table.Td>
                        {x.tableNumber != null ? tableLabel(x.tableNumber) : '—'}
                        {x.status === 'CONFIRMED' && x.onlineUrl && (
                          <div>
                            <Anchor href={x.onlineUrl} target="_blank" rel="noopener noreferrer" size="sm" aria-label={fmt(m.meetingsOverview.onlineWho, { who })}>
                              {m.meetingsOverview.online}
                            </Anchor>
                          </div>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <div>{personLabel(x.requester)}</div>
                        <div>{personLabel(x.recipient)}</div>
                      </Table.Td>
                      <Table.Td>
                        {(byMeeting.get(x.id) ?? []).map((r) => (
                          <Text key={r.accountId} size="sm">
                            {fmt(m.meetingsOverview.ratingBy, { name: names.get(r.accountId) ?? '—', rating: r.rating, outcome: labelOf(m.feedback.outcomes, r.expectedOutcome) })}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {x.status === 'CANCELLED' && <Badge color="red" variant="light">{m.meetingsOverview.cancelled}</Badge>}
                          {x.locked && <Badge variant="light">{m.meetingsOverview.locked}</Badge>}
                          {x.status === 'CONFIRMED' && (
                            <Button size="compact-xs" variant="subtle" aria-label={fmt(x.locked ? m.meetingsOverview.unlockWho : m.meetingsOverview.lockWho, { who })}
                              onClick={() => void lock({ id: x.id, locked: !x.locked }).then((r) => { if (!r.error) refresh(network); })}>
                              {x.locked ? m.meetingsOverview.unlock : m.meetingsOverview.lock}
                            </Button>
                          )}
                        </Group>
                        {x.cancelReason && <Text size="xs">{x.cancelReason}</Text>}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        )}
        {rest > 0 && <Group><Button variant="light" onClick={more}>{fmt(m.meetingsOverview.showMore, { count: Math.min(rest, PAGE) })}</Button></Group>}
      </Stack>
    </section>
  );
}

/** Ratings and expected outcomes, counted (organisers never see the private notes). */
function FeedbackSummary({ ratings }: { ratings: Rating[] }) {
  const outcomes = new Map<string, number>();
  for (const r of ratings) outcomes.set(r.expectedOutcome, (outcomes.get(r.expectedOutcome) ?? 0) + 1);
  const average = ratings.length ? ratings.reduce((sum, r) => sum + r.rating, 0) / ratings.length : 0;
  return (
    <Card withBorder component="section" aria-labelledby="feedback">
      <Stack gap="xs">
        <Title order={2} size="h4" id="feedback">{m.meetingsOverview.feedbackTitle}</Title>
        {!ratings.length ? (
          <Text size="sm">{m.meetingsOverview.feedbackNone}</Text>
        ) : (
          <>
            <Text size="sm">
              {fmt(m.meetingsOverview.feedbackSummary, {
                count: ratings.length,
                meetings: new Set(ratings.map((r) => r.meetingId)).size,
                average: average.toLocaleString(locale, { maximumFractionDigits: 1 }),
              })}
            </Text>
            <Group gap="xs">
              {[...outcomes].sort((a, b) => b[1] - a[1]).map(([code, count]) => (
                <Badge key={code} variant="light">{labelOf(m.feedback.outcomes, code)}: {count}</Badge>
              ))}
            </Group>
          </>
        )}
        <Text size="xs" c="dimmed">{m.meetingsOverview.feedbackPrivacy}</Text>
      </Stack>
    </Card>
  );
}

function RequestsSection({ event, person, expireAfterHours }: { event: EventBasics; person: string; expireAfterHours: number | null }) {
  const [status, setStatus] = useState('');
  const [{ data, error }, refresh] = useQuery({ query: ConsoleRequestsQuery, variables: { eventId: event.id, status: (status || null) as MeetingRequestStatus | null } });
  const list = (data?.eventMeetingRequests ?? []).filter((r) => matches(person, r.requester, r.recipient));
  const { visible, rest, more } = useShown(list, `${status}|${person}`);
  const now = Date.now();
  const isOverdue = (r: { status: string; expiresAt?: string | null }) => r.status === 'PENDING' && !!r.expiresAt && Date.parse(r.expiresAt) <= now;
  return (
    <section aria-labelledby="requests">
      <Stack gap="xs">
        <Title order={2} size="h3" id="requests">{m.meetingsOverview.requests}</Title>
        <ExpireCard eventId={event.id} expireAfterHours={expireAfterHours} overdue={(data?.eventMeetingRequests ?? []).filter(isOverdue).length}
          checked={status === '' || status === 'PENDING'} onDone={() => refresh(network)} />
        <Select label={m.meetingsOverview.status} w={260} maw="100%" value={status} allowDeselect={false} onChange={(v) => setStatus(v ?? '')}
          data={[{ value: '', label: m.organiser.all }, ...REQUEST_STATUSES.map((s) => ({ value: s, label: m.matchmaking.requestStatus[s] }))]} />
        <ErrorSummary errors={toErrors(error).general} />
        {!data && !error && <PageLoader />}
        {data && <Text size="sm" c="dimmed" role="status">{fmt(m.meetingsOverview.shown, { shown: visible.length, total: list.length })}</Text>}
        {data && !list.length && <Text>{m.meetingsOverview.noRequests}</Text>}
        {visible.length > 0 && (
          <div className="table-scroll">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{m.meetingsOverview.sent}</Table.Th>
                  <Table.Th scope="col">{m.meetingsOverview.from}</Table.Th>
                  <Table.Th scope="col">{m.meetingsOverview.to}</Table.Th>
                  <Table.Th scope="col">{m.meetingsOverview.status}</Table.Th>
                  <Table.Th scope="col">{m.meetingsOverview.answerBy}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visible.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td><EventTime at={r.createdAt} zone={event.timeZone} /></Table.Td>
                    <Table.Td>{personLabel(r.requester)}</Table.Td>
                    <Table.Td>{personLabel(r.recipient)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant="light" color={r.status === 'ACCEPTED' ? 'green' : r.status === 'PENDING' ? 'yellow' : 'gray'}>{m.matchmaking.requestStatus[r.status]}</Badge>
                        {isOverdue(r) && <Badge variant="light" color="orange">{m.meetingsOverview.overdue}</Badge>}
                      </Group>
                      {r.declineReason && <Text size="xs">{r.declineReason}</Text>}
                    </Table.Td>
                    <Table.Td>{r.expiresAt ? <EventTime at={r.expiresAt} zone={event.timeZone} /> : m.meetingsOverview.noDeadline}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        {rest > 0 && <Group><Button variant="light" onClick={more}>{fmt(m.meetingsOverview.showMore, { count: Math.min(rest, PAGE) })}</Button></Group>}
      </Stack>
    </section>
  );
}

/** Closing overdue requests now (the job does it every minute), after a confirmation. */
function ExpireCard({ eventId, expireAfterHours, overdue, checked, onDone }: {
  eventId: string; expireAfterHours: number | null; overdue: number; checked: boolean; onDone: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [result, expire] = useMutation(ConsoleExpireMutation);
  return (
    <Card withBorder aria-labelledby="expire" component="section">
      <Stack gap="xs">
        <Title order={3} size="h5" id="expire">{m.meetingsOverview.expireTitle}</Title>
        <Text size="sm">{expireAfterHours ? fmt(m.meetingsOverview.expireAfter, { hours: expireAfterHours }) : m.meetingsOverview.noExpiry}</Text>
        {checked && overdue > 0 && <Text size="sm" fw={600}>{fmt(m.meetingsOverview.overdueCount, { count: overdue })}</Text>}
        <Text size="sm">{m.meetingsOverview.expireHint}</Text>
        {confirming ? (
          <Alert color="yellow" variant="light">
            <Stack gap="xs">
              <Text size="sm">{m.meetingsOverview.expireConfirm}</Text>
              <Group gap="xs">
                <Button color="red" loading={result.fetching}
                  onClick={() => void expire({ eventId }).then((r) => { setConfirming(false); if (!r.error) onDone(); })}>
                  {m.meetingsOverview.expireYes}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>{m.common.cancel}</Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Group><Button variant="light" onClick={() => setConfirming(true)}>{m.meetingsOverview.expire}</Button></Group>
        )}
        {result.data && !result.error && !confirming && (
          <Text size="sm" role="status" c="green">{fmt(m.meetingsOverview.expired, { count: result.data.expireMeetingRequests })}</Text>
        )}
        <ErrorSummary errors={toErrors(result.error).general} />
      </Stack>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// Check-in desk (phone first: the organiser walks the entrance with it)

export function CheckInDeskPage() {
  return <EventPage title={m.checkInDesk.title}>{(event) => <CheckInDesk event={event} />}</EventPage>;
}

type DeskView = keyof typeof m.checkInDesk.views;

/** The participation a name badge's code points at: `#p=<participation id>` (badges.html). */
const BADGE_HASH = /^#p=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function CheckInDesk({ event }: { event: EventBasics }) {
  const [{ data, error }, refresh] = useQuery({ query: ConsoleCheckInQuery, variables: { eventId: event.id } });
  const [search, setSearch] = useState('');
  const [view, setView] = useState<DeskView>('WAITING');
  const [result, checkIn] = useMutation(ConsoleCheckInMutation);
  const [done, setDone] = useState<string | null>(null);
  const { hash } = useLocation();
  const navigate = useNavigate();
  const badgeId = BADGE_HASH.exec(hash)?.[1].toLowerCase() ?? null;
  const checkIns = useMemo(() => new Map((data?.eventCheckIns ?? []).map((c) => [c.accountId, c])), [data]);
  if (!data) return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  const people = data.participants.map((p) => ({ ...p.account, accountId: p.account.id, participationId: p.id }));
  const checkInPerson = (p: { accountId: string; name: string }) =>
    void checkIn({ eventId: event.id, accountId: p.accountId }).then((r) => {
      if (!r.error) { setDone(p.name); refresh(network); }
    });
  const scanned = badgeId ? (people.find((p) => p.participationId === badgeId) ?? null) : null;
  const scannedAt = scanned && checkIns.get(scanned.accountId);
  const names = new Map(people.map((p) => [p.accountId, p.name]));
  const here = people.filter((p) => checkIns.has(p.accountId)).length;
  const list = people
    .filter((p) => (view === 'ALL' ? true : view === 'HERE' ? checkIns.has(p.accountId) : !checkIns.has(p.accountId)))
    .filter((p) => matches(search, p))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const visible = list.slice(0, PAGE);
  return (
    <>
      <ConsoleNav slug={event.slug} />
      {badgeId && (
        // Opened from a badge's code: that person first, one tap from checked in.
        <Card withBorder padding="lg" component="section" aria-labelledby="badge-person">
          <Stack gap="sm">
            <Text size="sm" c="dimmed" id={scanned ? undefined : 'badge-person'}>{m.checkInDesk.badge}</Text>
            {scanned ? (
              <>
                <Stack gap={0}>
                  <Title order={2} id="badge-person" style={{ overflowWrap: 'anywhere' }}>{scanned.name}</Title>
                  {scanned.organisation && <Text size="lg">{scanned.organisation.name}</Text>}
                </Stack>
                {scannedAt ? (
                  <Group gap="xs">
                    <Badge color="green" variant="light" size="lg">{m.checkInDesk.checkedIn}</Badge>
                    <Text fw={600}>
                      {done === scanned.name ? `${m.checkInDesk.checkedIn}:` : m.checkInDesk.alreadyIn}{' '}
                      <EventTime at={scannedAt.checkedInAt} zone={event.timeZone} withDate={false} />
                    </Text>
                  </Group>
                ) : (
                  <Button size="xl" fullWidth loading={result.fetching && result.operation?.variables.accountId === scanned.accountId}
                    onClick={() => checkInPerson(scanned)}>
                    {m.checkInDesk.checkIn}
                  </Button>
                )}
              </>
            ) : (
              <Alert color="yellow" variant="light" role="alert">{m.checkInDesk.notOnList}</Alert>
            )}
            <Group>
              <Button variant="subtle" onClick={() => void navigate({ hash: '' }, { replace: true })}>{m.checkInDesk.wholeList}</Button>
            </Group>
          </Stack>
        </Card>
      )}
      <Text fw={600} role="status">{fmt(m.checkInDesk.progress, { here, total: people.length })}</Text>
      <TextInput label={m.checkInDesk.search} description={m.checkInDesk.searchHint} type="search" size="md" autoComplete="off"
        value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="desk-view">{m.checkInDesk.show}</Text>
        <SegmentedControl aria-labelledby="desk-view" fullWidth value={view} onChange={(v) => setView(v as DeskView)}
          data={(Object.keys(m.checkInDesk.views) as DeskView[]).map((v) => ({ value: v, label: m.checkInDesk.views[v] }))} />
      </Stack>
      {done && <Alert color="green" variant="light" role="status">{fmt(m.checkInDesk.done, { name: done })}</Alert>}
      <ErrorSummary errors={toErrors(result.error).general} />
      {!list.length && <Text>{m.checkInDesk.noMatch}</Text>}
      {list.length > visible.length && <Text size="sm" c="dimmed">{fmt(m.checkInDesk.more, { shown: visible.length, total: list.length })}</Text>}
      <Stack gap="xs" component="ul" className="plain-list">
        {visible.map((p) => {
          const c = checkIns.get(p.accountId);
          return (
            <li key={p.accountId}>
              <Card withBorder padding="sm" component="article" aria-label={p.name}>
                <Group justify="space-between" wrap="nowrap" align="center">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text fw={600} truncate>{p.name}</Text>
                    {p.organisation && <Text size="sm" truncate>{p.organisation.name}</Text>}
                    <Text size="sm" c="dimmed" truncate>{p.email}</Text>
                    {c && (
                      <Text size="sm">
                        {m.checkInDesk.checkedIn}: <EventTime at={c.checkedInAt} zone={event.timeZone} withDate={false} />{' '}
                        {c.checkedInBy && c.checkedInBy !== p.accountId ? fmt(m.checkInDesk.byOrganiser, { name: names.get(c.checkedInBy) ?? '—' }) : m.checkInDesk.self}
                      </Text>
                    )}
                  </Stack>
                  {c ? (
                    <Badge color="green" variant="light" style={{ flexShrink: 0 }}>{m.checkInDesk.checkedIn}</Badge>
                  ) : (
                    <Button size="md" style={{ flexShrink: 0 }} aria-label={fmt(m.checkInDesk.checkInWho, { name: p.name })}
                      loading={result.fetching && result.operation?.variables.accountId === p.accountId}
                      onClick={() => checkInPerson(p)}>
                      {m.checkInDesk.checkIn}
                    </Button>
                  )}
                </Group>
              </Card>
            </li>
          );
        })}
      </Stack>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Audit log

export function AuditLogPage() {
  return <EventPage title={m.audit.title}>{(event) => <AuditLog event={event} />}</EventPage>;
}

type AuditKind = keyof typeof m.audit.kinds;
const AUDIT_PREFIX: Record<AuditKind, string | null> = { ALL: null, EVENT: 'event.', REGISTRATIONS: 'registration.', ROLES: 'participation.', IMPORTS: 'participants.' };

function AuditLog({ event }: { event: EventBasics }) {
  const [kind, setKind] = useState<AuditKind>('ALL');
  // One cursor per loaded page; each page is its own query, so older pages stay as they are.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data: people }] = useQuery({ query: ConsoleAuditPeopleQuery, variables: { eventId: event.id } });
  const names = new Map((people?.participants ?? []).map((p) => [p.account.id, p.account.name]));
  const prefix = AUDIT_PREFIX[kind];
  return (
    <>
      <ConsoleNav slug={event.slug} />
      <Text>{m.audit.intro}</Text>
      <Select label={m.audit.what} w={300} maw="100%" value={kind} allowDeselect={false}
        onChange={(v) => { setKind((v ?? 'ALL') as AuditKind); setCursors([null]); }}
        data={(Object.keys(m.audit.kinds) as AuditKind[]).map((k) => ({ value: k, label: m.audit.kinds[k] }))} />
      <div className="table-scroll">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{m.audit.when}</Table.Th>
              <Table.Th scope="col">{m.audit.who}</Table.Th>
              <Table.Th scope="col">{m.audit.action}</Table.Th>
              <Table.Th scope="col">{m.audit.details}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cursors.map((after, i) => (
              <AuditRows key={`${kind}-${after ?? 'first'}`} event={event} filter={prefix ? { action: prefix } : null} after={after} names={names}
                first={i === 0} last={i === cursors.length - 1} onMore={(cursor) => setCursors([...cursors, cursor])} />
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}

function AuditRows({ event, filter, after, names, first, last, onMore }: {
  event: EventBasics; filter: { action: string } | null; after: string | null; names: Map<string, string>;
  first: boolean; last: boolean; onMore: (cursor: string) => void;
}) {
  const [{ data, error }] = useQuery({ query: ConsoleAuditQuery, variables: { eventId: event.id, filter, after }, requestPolicy: first ? 'cache-and-network' : 'cache-first' });
  const page = data?.auditLog;
  const cell = (content: ReactNode) => <Table.Tr><Table.Td colSpan={4}>{content}</Table.Td></Table.Tr>;
  if (!page) return cell(error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />);
  return (
    <>
      {first && !page.nodes.length && cell(<Text>{m.audit.empty}</Text>)}
      {page.nodes.map((entry) => (
        <Table.Tr key={entry.id}>
          <Table.Td><EventTime at={entry.at} zone={event.timeZone} /></Table.Td>
          <Table.Td>{entry.actor ? entry.actor.name : m.audit.system}</Table.Td>
          <Table.Td>{labelOf(m.audit.actions, entry.action)}</Table.Td>
          <Table.Td>{describeDetails(entry.action, entry.details, names)}</Table.Td>
        </Table.Tr>
      ))}
      {last && page.pageInfo.hasNextPage && page.pageInfo.endCursor &&
        cell(<Button variant="light" size="xs" onClick={() => onMore(page.pageInfo.endCursor!)}>{m.audit.more}</Button>)}
    </>
  );
}

const STATUS_WORDS: Record<string, string> = { ...m.participation.status, ...m.events.status };
const EVENT_FIELDS: Record<string, string> = {
  name: m.organiser.name, slug: m.organiser.slug, description: m.organiser.description, venue: m.organiser.venue, address: m.organiser.address,
  startsOn: m.organiser.startsOn, endsOn: m.organiser.endsOn, timeZone: m.organiser.timeZone, requiresApproval: m.organiser.requiresApproval,
};

/** The details of an entry in words; unknown shapes fall back to "key: value" pairs. */
function describeDetails(action: string, json: string, names: Map<string, string>): string {
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const word = (v: unknown) => (typeof v === 'string' ? labelOf({ ...STATUS_WORDS, ...m.participation.role }, v) : String(v));
  const fromTo = () => fmt(m.audit.fromTo, { from: word(details.from), to: word(details.to) });
  switch (action) {
    case 'event.retention_set':
      return typeof details.retentionDays === 'number' ? fmt(m.audit.keptDays, { days: details.retentionDays }) : m.audit.keptForever;
    case 'event.updated':
      return Array.isArray(details.changed) ? fmt(m.audit.changed, { fields: details.changed.map((f) => labelOf(EVENT_FIELDS, String(f))).join(', ') }) : '';
    case 'event.status_changed':
      return fromTo();
    case 'meeting.attendance_decided':
      return fmt(m.audit.fromTo, { from: labelOf(m.audit.verdicts, String(details.verdictBefore)), to: labelOf(m.audit.verdicts, String(details.verdictAfter)) });
    case 'registration.decided':
    case 'participation.role_changed':
      return fmt(m.audit.ofPerson, { name: names.get(String(details.accountId)) ?? m.audit.someone, change: fromTo() });
    case 'event.created':
      return [details.name, details.slug].filter(Boolean).join(' · ');
    case 'participants.imported': {
      const counts = (details.counts ?? {}) as Record<string, number>;
      const text = Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${labelOf(m.organiser.outcomes, k)} ${n}`).join(', ');
      return fmt(m.audit.imported, { mode: humanise(String(details.mode ?? '')), counts: text || '0' });
    }
    default:
      return Object.entries(details).map(([k, v]) => `${humanise(k)}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('; ');
  }
}
