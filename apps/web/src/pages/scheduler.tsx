import { Badge, Button, Card, Group, NumberInput, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { EventPage, type EventBasics } from '../components/event-page.js';
import { EventTime } from '../components/event-zone.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import { fmt, locale, m } from '../i18n/index.js';
import { browserZone, timeLabel } from '../lib/time-display.js';

const RunQuery = graphql(`
  query SchedulingRun($eventId: ID!) {
    schedulingRun(eventId: $eventId) {
      id status placed upperBound ratio meetingsTotal peopleWithNone error publishedAt elapsedMs timeLimitSeconds startedAt
      assignments { meetingId booked locked tableNumber slot { id startsAt endsAt } people { accountId name } }
      unplaced { meetingId reason message commonSlots people { accountId name } }
    }
  }
`);
const StartMutation = graphql(`
  mutation StartSchedulingRun($eventId: ID!, $options: SchedulingRunOptionsInput) { startSchedulingRun(eventId: $eventId, options: $options) { id status } }
`);
const PublishMutation = graphql(`
  mutation PublishSchedulingRun($eventId: ID!, $runId: ID!) { publishSchedulingRun(eventId: $eventId, runId: $runId) { id status publishedAt } }
`);
const LockMutation = graphql(`
  mutation LockDraftMeeting($eventId: ID!, $meetingId: ID!, $locked: Boolean!) { lockDraftMeeting(eventId: $eventId, meetingId: $meetingId, locked: $locked) { id } }
`);

const MoveMutation = graphql(`
  mutation MoveDraftMeeting($eventId: ID!, $meetingId: ID!, $slotId: ID!, $tableNumber: Int!) {
    moveDraftMeeting(eventId: $eventId, meetingId: $meetingId, slotId: $slotId, tableNumber: $tableNumber) { id }
  }
`);
const SlotsQuery = graphql(`
  query SchedulerSlots($eventId: ID!) { matchmakingSettings(eventId: $eventId) { eventId tableCount slots { id startsAt } } }
`);

export function SchedulerPage() {
  return <EventPage title={m.scheduler.title}>{(event) => <Scheduler event={event} />}</EventPage>;
}

function Scheduler({ event }: { event: EventBasics }) {
  const [{ data, error }, refresh] = useQuery({ query: RunQuery, variables: { eventId: event.id }, requestPolicy: 'network-only' });
  const [limit, setLimit] = useState<number | string>(5);
  const [started, start] = useMutation(StartMutation);
  const [published, publish] = useMutation(PublishMutation);
  const [locked, lock] = useMutation(LockMutation);
  const [moving, setMoving] = useState<string | null>(null);
  const run = data?.schedulingRun;
  const busy = run?.status === 'QUEUED' || run?.status === 'RUNNING';
  // Poll while the worker runs; the search has a time limit, so this ends.
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => refresh({ requestPolicy: 'network-only' }), 700);
    return () => clearInterval(timer);
  }, [busy, refresh]);
  const reload = () => refresh({ requestPolicy: 'network-only' });
  const errors = toErrors(started.error ?? published.error ?? locked.error, ['timeLimitSeconds']);
  if (!data && !error) return <PageLoader />;
  const elapsed = run?.startedAt && run.timeLimitSeconds ? Math.min(100, ((Date.now() - Date.parse(run.startedAt)) / (run.timeLimitSeconds * 1000)) * 100) : 0;
  return (
    <>
      <ErrorSummary errors={toErrors(error).general} />
      <Card withBorder component="form" onSubmit={(e) => { e.preventDefault(); void start({ eventId: event.id, options: { timeLimitSeconds: Number(limit) } }).then(reload); }}>
        <Group align="flex-end">
          <NumberInput label={m.scheduler.timeLimit} min={1} max={600} w={200} value={limit} onChange={setLimit} error={errors.fields.timeLimitSeconds} />
          <Button type="submit" loading={started.fetching} disabled={busy}>{run ? m.scheduler.rerun : m.scheduler.run}</Button>
        </Group>
        <ErrorSummary errors={errors.general} />
      </Card>
      {!run && <Text>{m.scheduler.none}</Text>}
      {run && (
        <Card withBorder component="section" aria-labelledby="run">
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={2} size="h4" id="run">{m.scheduler.status[run.status]}</Title>
              {run.status === 'DRAFT' && (
                <Button loading={published.fetching} onClick={() => void publish({ eventId: event.id, runId: run.id }).then(reload)}>{m.scheduler.publish}</Button>
              )}
            </Group>
            {busy && <Progress value={elapsed} animated aria-label={m.scheduler.status.RUNNING} />}
            {run.error && <Text c="red">{run.error}</Text>}
            {run.placed != null && (
              <Text role="status">{fmt(m.scheduler.summary, { placed: run.placed, total: run.meetingsTotal, bound: run.upperBound ?? '—' })}</Text>
            )}
            {run.peopleWithNone != null && run.peopleWithNone > 0 && <Text size="sm">{fmt(m.scheduler.peopleWithNone, { count: run.peopleWithNone })}</Text>}
            {run.status === 'PUBLISHED' && <Text c="green">{m.scheduler.published}</Text>}
          </Stack>
        </Card>
      )}
      {run && run.assignments.length > 0 && (
        <section aria-labelledby="placed">
          <Title order={2} size="h3" id="placed" mb="xs">{m.scheduler.placed}</Title>
          <div className="table-scroll">
            <Table striped>
              <Table.Thead>
                <Table.Tr><Table.Th>{m.scheduler.when}</Table.Th><Table.Th>{m.scheduler.where}</Table.Th><Table.Th>{m.scheduler.who}</Table.Th><Table.Th /></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {run.assignments.map((a) => {
                  const who = a.people.map((p) => p.name).join(' & ');
                  return [
                    <Table.Tr key={a.meetingId}>
                      <Table.Td><EventTime at={a.slot.startsAt} zone={event.timeZone} /></Table.Td>
                      <Table.Td>{fmt(m.scheduler.table, { number: a.tableNumber })}</Table.Td>
                      <Table.Td>{who} {a.booked && <Badge variant="light" color="green">{m.scheduler.booked}</Badge>} {a.locked && <Badge variant="light">{m.scheduler.locked}</Badge>}</Table.Td>
                      <Table.Td>
                        {run.status === 'DRAFT' && !a.booked && (
                          <Button size="compact-xs" variant="subtle" aria-label={`${a.locked ? m.scheduler.unlock : m.scheduler.lock}: ${who}`}
                            onClick={() => void lock({ eventId: event.id, meetingId: a.meetingId, locked: !a.locked }).then(reload)}>
                            {a.locked ? m.scheduler.unlock : m.scheduler.lock}
                          </Button>
                        )}
                        {run.status === 'DRAFT' && !a.booked && moving !== a.meetingId && (
                          <Button size="compact-xs" variant="subtle" aria-label={fmt(m.scheduler.moveWho, { who })} onClick={() => setMoving(a.meetingId)}>{m.scheduler.move}</Button>
                        )}
                      </Table.Td>
                    </Table.Tr>,
                    moving === a.meetingId && (
                      <Table.Tr key={`${a.meetingId}-move`}>
                        <Table.Td colSpan={4}>
                          <MoveForm event={event} meetingId={a.meetingId} who={who} slotId={a.slot.id} tableNumber={a.tableNumber}
                            onDone={() => { setMoving(null); reload(); }} onCancel={() => setMoving(null)} />
                        </Table.Td>
                      </Table.Tr>
                    ),
                  ];
                })}
              </Table.Tbody>
            </Table>
          </div>
        </section>
      )}
      {run && run.status !== 'QUEUED' && run.status !== 'RUNNING' && (
        <section aria-labelledby="unplaced">
          <Title order={2} size="h3" id="unplaced" mb="xs">{m.scheduler.unplaced}</Title>
          {!run.unplaced.length && <Text>{m.scheduler.noUnplaced}</Text>}
          <ul className="reasons">
            {run.unplaced.map((u) => (
              <li key={u.meetingId}><Text size="sm"><b>{u.people.map((p) => p.name).join(' & ')}</b>: {u.message}</Text></li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Moves one draft meeting to a slot and table (locking it); refusals show next to their field. */
function MoveForm({ event, meetingId, who, slotId, tableNumber, onDone, onCancel }: {
  event: EventBasics; meetingId: string; who: string; slotId: string; tableNumber: number; onDone: () => void; onCancel: () => void;
}) {
  const [{ data }] = useQuery({ query: SlotsQuery, variables: { eventId: event.id } });
  const [form, setForm] = useState<{ slotId: string; tableNumber: number | string }>({ slotId, tableNumber });
  const [moved, move] = useMutation(MoveMutation);
  const errors = toErrors(moved.error, ['slotId', 'tableNumber']);
  const viewer = browserZone(event.timeZone);
  const slots = (data?.matchmakingSettings.slots ?? []).map((s) => {
    const label = timeLabel(s.startsAt, event.timeZone, viewer, { locale, withDate: true });
    return { value: s.id, label: `${label.eventTime} ${label.eventZone}` };
  });
  return (
    <form aria-label={fmt(m.scheduler.moveTitle, { who })}
      onSubmit={(e) => { e.preventDefault(); void move({ eventId: event.id, meetingId, slotId: form.slotId, tableNumber: Number(form.tableNumber) }).then((r) => { if (!r.error) onDone(); }); }}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>{fmt(m.scheduler.moveTitle, { who })}</Text>
        <Group align="flex-start" wrap="wrap">
          <Select label={m.scheduler.slot} description={event.timeZone} w={260} value={form.slotId} allowDeselect={false} data={slots}
            onChange={(v) => setForm({ ...form, slotId: v ?? '' })} error={errors.fields.slotId} />
          {/* No max: the API's TABLE_OUT_OF_RANGE names the table count next to this field. */}
          <NumberInput label={m.scheduler.tableNumber} w={140} min={1} value={form.tableNumber}
            onChange={(v) => setForm({ ...form, tableNumber: v })} error={errors.fields.tableNumber} />
        </Group>
        <ErrorSummary errors={errors.general} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={moved.fetching} disabled={!form.slotId}>{m.scheduler.moveSave}</Button>
          <Button size="xs" variant="default" onClick={onCancel}>{m.common.cancel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
