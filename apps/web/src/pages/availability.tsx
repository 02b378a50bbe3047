import { Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { useMe } from '../auth.js';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { EventPage, type EventBasics } from '../components/event-page.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import type { SlotState } from '../gql/graphql.js';
import { fmt, locale, m } from '../i18n/index.js';
import { browserZone, dateRangeLabel, dayKey, timeLabel, zonedLocalToIso } from '../lib/time-display.js';
import { MatchmakingNav } from './matchmaking.js';
import { MyMeetingsQuery } from './my-agenda.js';

const AvailabilityQuery = graphql(`
  query MyAvailabilityPage($eventId: ID!) {
    myAvailability(eventId: $eventId) { state reason meetingId slot { id startsAt endsAt } }
    availabilityBlocks(eventId: $eventId) { id startsAt endsAt reason }
  }
`);
const BlockMutation = graphql(`
  mutation BlockAvailability($eventId: ID!, $input: AvailabilityBlockInput!) { blockAvailability(eventId: $eventId, input: $input) { id startsAt endsAt reason } }
`);
const UnblockMutation = graphql(`
  mutation UnblockAvailability($id: ID!) { unblockAvailability(id: $id) }
`);

const STATE_COLOUR: Record<SlotState, string> = { FREE: 'green', BLOCKED: 'gray', AGENDA: 'yellow', MEETING: 'blue' };

interface Interval { startsAt: string; endsAt: string }
interface Block extends Interval { id: string; reason?: string | null }

const overlaps = (a: Interval, b: Interval) => Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

/** "Fri 26 Apr, 13:00–13:20" in the event's zone, its zone name, and the viewer's own times when they differ. */
function rangeLabel({ startsAt, endsAt }: Interval, zone: string, withDate: boolean) {
  const viewer = browserZone(zone);
  const from = timeLabel(startsAt, zone, viewer, { locale, withDate });
  const to = timeLabel(endsAt, zone, viewer, { locale, withDate: false });
  return {
    text: `${from.eventTime}–${to.eventTime}`,
    zone: from.eventZone,
    viewer: from.viewerTime ? `${from.viewerTime}–${to.viewerTime} ${from.viewerZone}` : null,
  };
}

function TimeRange({ interval, zone, withDate = false }: { interval: Interval; zone: string; withDate?: boolean }) {
  const label = rangeLabel(interval, zone, withDate);
  return (
    <span>
      <time dateTime={interval.startsAt}>{label.text}</time>{' '}
      <Text span size="sm" c="dimmed">{label.zone}</Text>
      {label.viewer && <Text span size="sm" c="dimmed">{' · '}{label.viewer}</Text>}
    </span>
  );
}

/** The event's days (YYYY-MM-DD), first to last. */
function eventDays(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${startsOn}T12:00:00Z`); at <= Date.parse(`${endsOn}T12:00:00Z`) && days.length < 62; at += 86_400_000) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

export function AvailabilityPage() {
  return (
    <EventPage title={m.availability.title}>
      {(event) => (
        <>
          <MatchmakingNav slug={event.slug} />
          <Availability event={event} />
        </>
      )}
    </EventPage>
  );
}

/** The outcome of the last action on one row: a confirmation or the errors, shown in that row. */
type RowNote = { key: string; done?: string; errors?: string[] };

function Availability({ event }: { event: EventBasics }) {
  const { me } = useMe();
  const zone = event.timeZone;
  const [{ data, error }, refresh] = useQuery({ query: AvailabilityQuery, variables: { eventId: event.id }, requestPolicy: 'network-only' });
  const [meetings] = useQuery({ query: MyMeetingsQuery, variables: { eventId: event.id } });
  const [, block] = useMutation(BlockMutation);
  const [, unblock] = useMutation(UnblockMutation);
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<RowNote | null>(null);
  if (!data) return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  const reload = () => refresh({ requestPolicy: 'network-only' });
  const slots = data.myAvailability;
  const blocks = data.availabilityBlocks;

  /** Runs the steps of one action in order, stopping at the first error; the list reloads either way. */
  const run = async (key: string, done: string, steps: (() => Promise<{ error?: CombinedError }>)[]) => {
    setBusy(key);
    setNote(null);
    let failed: CombinedError | undefined;
    for (const step of steps) {
      failed = (await step()).error;
      if (failed) break;
    }
    setBusy(null);
    setNote(failed ? { key, errors: toErrors(failed).general } : { key, done });
    reload();
  };
  const blockInterval = (interval: Interval, reason: string | null = null) => () =>
    block({ eventId: event.id, input: { startsAt: interval.startsAt, endsAt: interval.endsAt, reason } });
  const removeBlock = (id: string) => () => unblock({ id });
  /**
   * Frees one slot. A longer block around it is split: its parts before and after the slot are
   * blocked again first, so a failure leaves the time blocked rather than silently free.
   */
  const unblockSlot = (slot: Interval) => {
    const covering = blocks.filter((b) => overlaps(b, slot));
    const keep: (() => Promise<{ error?: CombinedError }>)[] = [];
    for (const b of covering) {
      if (Date.parse(b.startsAt) < Date.parse(slot.startsAt)) keep.push(blockInterval({ startsAt: b.startsAt, endsAt: slot.startsAt }, b.reason ?? null));
      if (Date.parse(b.endsAt) > Date.parse(slot.endsAt)) keep.push(blockInterval({ startsAt: slot.endsAt, endsAt: b.endsAt }, b.reason ?? null));
    }
    return [...keep, ...covering.map((b) => removeBlock(b.id))];
  };

  const partner = (meetingId: string | null | undefined) => {
    const meeting = meetings.data?.myMeetings.find((x) => x.id === meetingId);
    if (!meeting) return null;
    const other = meeting.requester?.accountId === me?.id ? meeting.recipient : meeting.requester;
    return { name: other?.name ?? '—', table: meeting.tableNumber };
  };

  const byDay = new Map<string, typeof slots>();
  for (const s of slots) {
    const day = dayKey(s.slot.startsAt, zone);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const count = (state: SlotState) => slots.filter((s) => s.state === state).length;
  const now = Date.now();

  return (
    <Stack>
      <Text>{m.availability.intro}</Text>
      <Text size="sm">{m.availability.meetingsNote}</Text>
      {!slots.length && <Text>{m.availability.noSlots}</Text>}
      {slots.length > 0 && (
        <Text size="sm" fw={600}>
          {fmt(m.availability.summary, { free: count('FREE'), blocked: count('BLOCKED'), busy: count('AGENDA'), booked: count('MEETING') })}
        </Text>
      )}
      {[...byDay].map(([day, list]) => (
        <section key={day} aria-labelledby={`av-${day}`}>
          <Title order={2} size="h3" id={`av-${day}`} mb="xs">{dateRangeLabel(day, day, locale)}</Title>
          <Stack gap={6} component="ul" className="plain-list">
            {list.map((s) => {
              const key = s.slot.id;
              const spoken = rangeLabel(s.slot, zone, true).text;
              const past = Date.parse(s.slot.endsAt) <= now;
              const reasons = s.state === 'BLOCKED' ? [...new Set(blocks.filter((b) => overlaps(b, s.slot) && b.reason).map((b) => b.reason!))] : [];
              const who = s.state === 'MEETING' ? partner(s.meetingId) : null;
              const detail = s.state === 'AGENDA' ? s.reason
                : s.state === 'BLOCKED' ? reasons.join('; ')
                : who ? [fmt(m.availability.meetingWith, { name: who.name }), who.table != null ? fmt(m.matchmaking.table, { number: who.table }) : null].filter(Boolean).join(' · ')
                : null;
              return (
                <Card key={key} component="li" withBorder padding="xs" aria-label={`${spoken}: ${m.availability.states[s.state]}`}>
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Stack gap={2}>
                      <Text size="sm"><TimeRange interval={s.slot} zone={zone} /></Text>
                      <Group gap={6}>
                        <Badge color={STATE_COLOUR[s.state]} variant="light">{m.availability.states[s.state]}</Badge>
                        {detail && <Text size="sm">{detail}</Text>}
                        {past && <Text size="sm" c="dimmed">{m.availability.past}</Text>}
                      </Group>
                    </Stack>
                    {!past && s.state === 'FREE' && (
                      <Button size="xs" variant="light" loading={busy === key} disabled={!!busy && busy !== key} aria-label={fmt(m.availability.blockSlot, { time: spoken })}
                        onClick={() => void run(key, fmt(m.availability.blocked, { time: spoken }), [blockInterval(s.slot)])}>
                        {m.availability.block}
                      </Button>
                    )}
                    {!past && s.state === 'BLOCKED' && (
                      <Button size="xs" variant="default" loading={busy === key} disabled={!!busy && busy !== key} aria-label={fmt(m.availability.unblockSlot, { time: spoken })}
                        onClick={() => void run(key, fmt(m.availability.unblocked, { time: spoken }), unblockSlot(s.slot))}>
                        {m.availability.unblock}
                      </Button>
                    )}
                  </Group>
                  {note?.key === key && note.done && <Text size="sm" role="status" c="green" mt={4}>{note.done}</Text>}
                  {note?.key === key && note.errors && <ErrorSummary errors={note.errors} />}
                </Card>
              );
            })}
          </Stack>
        </section>
      ))}
      <RangeForm event={event} slots={slots} partner={partner} onDone={reload} />
      <Card withBorder component="section" aria-labelledby="av-blocks">
        <Stack gap="xs">
          <Title order={2} size="h4" id="av-blocks">{m.availability.blocks}</Title>
          {!blocks.length && <Text size="sm">{m.availability.noBlocks}</Text>}
          <Stack gap={6} component="ul" className="plain-list">
            {blocks.map((b) => {
              const key = `block-${b.id}`;
              const spoken = rangeLabel(b, zone, true).text;
              return (
                <li key={b.id}>
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Text size="sm">
                      <TimeRange interval={b} zone={zone} withDate />
                      {b.reason ? ` · ${b.reason}` : ''}
                    </Text>
                    <Button size="xs" variant="subtle" color="red" loading={busy === key} disabled={!!busy && busy !== key}
                      aria-label={fmt(m.availability.removeBlock, { time: spoken })}
                      onClick={() => void run(key, fmt(m.availability.unblocked, { time: spoken }), [removeBlock(b.id)])}>
                      {m.availability.remove}
                    </Button>
                  </Group>
                  {note?.key === key && note.errors && <ErrorSummary errors={note.errors} />}
                </li>
              );
            })}
          </Stack>
          {note?.key.startsWith('block-') && note.done && <Text size="sm" role="status" c="green">{note.done}</Text>}
        </Stack>
      </Card>
    </Stack>
  );
}

/** A block of any length on one day, typed as wall-clock times in the event's zone. */
function RangeForm({ event, slots, partner, onDone }: {
  event: EventBasics;
  slots: { state: SlotState; meetingId?: string | null; slot: Interval }[];
  partner: (meetingId: string | null | undefined) => { name: string } | null;
  onDone: () => void;
}) {
  const zone = event.timeZone;
  const days = eventDays(event.startsOn, event.endsOn);
  const firstSlotDay = slots.length ? dayKey(slots[0].slot.startsAt, zone) : null;
  const [form, setForm] = useState({ day: firstSlotDay && days.includes(firstSlotDay) ? firstSlotDay : (days[0] ?? ''), from: '', until: '', reason: '' });
  const [local, setLocal] = useState<{ fields: Record<string, string>; general: string[] }>({ fields: {}, general: [] });
  const [done, setDone] = useState<string | null>(null);
  const [result, block] = useMutation(BlockMutation);
  const server = toErrors(result.error, ['startsAt', 'endsAt', 'reason']);
  const fields = { from: local.fields.from ?? server.fields.startsAt, until: local.fields.until ?? server.fields.endsAt, reason: server.fields.reason };
  const submit = async () => {
    setDone(null);
    const missing: Record<string, string> = {};
    if (!form.from) missing.from = m.errors.required;
    if (!form.until) missing.until = m.errors.required;
    const startsAt = form.from ? zonedLocalToIso(`${form.day}T${form.from}`, zone) : null;
    const endsAt = form.until ? zonedLocalToIso(`${form.day}T${form.until}`, zone) : null;
    if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) missing.until = m.availability.untilAfterFrom;
    if (Object.keys(missing).length || !startsAt || !endsAt) return setLocal({ fields: missing, general: [] });
    // Say which meeting is in the way before asking; the API refuses it too.
    const clash = slots.find((s) => s.state === 'MEETING' && overlaps(s.slot, { startsAt, endsAt }));
    if (clash) {
      const time = rangeLabel(clash.slot, zone, true).text;
      return setLocal({ fields: {}, general: [fmt(m.availability.meetingInRange, { name: partner(clash.meetingId)?.name ?? '—', time })] });
    }
    setLocal({ fields: {}, general: [] });
    const r = await block({ eventId: event.id, input: { startsAt, endsAt, reason: form.reason.trim() || null } });
    if (r.error) return;
    setDone(fmt(m.availability.blocked, { time: rangeLabel({ startsAt, endsAt }, zone, true).text }));
    setForm({ ...form, from: '', until: '', reason: '' });
    onDone();
  };
  const zoneLabel = timeLabel(`${form.day || event.startsOn}T12:00:00Z`, zone, zone, { locale }).eventZone;
  return (
    <Card withBorder component="section" aria-labelledby="av-range">
      <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Stack gap="xs">
          <Title order={2} size="h4" id="av-range">{m.availability.range}</Title>
          <Text size="sm">{fmt(m.availability.rangeIntro, { zone: zoneLabel })}</Text>
          <Group wrap="wrap" align="flex-start" gap="sm">
            <Select label={m.availability.day} value={form.day} allowDeselect={false} w={200}
              onChange={(v) => setForm({ ...form, day: v ?? form.day })}
              data={days.map((d) => ({ value: d, label: dateRangeLabel(d, d, locale) }))} />
            <TextInput type="time" label={m.availability.from} description={zoneLabel} w={140} required value={form.from}
              onChange={(e) => setForm({ ...form, from: e.currentTarget.value })} error={fields.from} />
            <TextInput type="time" label={m.availability.until} description={zoneLabel} w={140} required value={form.until}
              onChange={(e) => setForm({ ...form, until: e.currentTarget.value })} error={fields.until} />
          </Group>
          <TextInput label={m.availability.reason} maxLength={200} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })} error={fields.reason} />
          <ErrorSummary errors={[...local.general, ...server.general]} />
          {done && <Text size="sm" role="status" c="green">{done}</Text>}
          <Group><Button type="submit" loading={result.fetching}>{m.availability.blockRange}</Button></Group>
        </Stack>
      </form>
    </Card>
  );
}
