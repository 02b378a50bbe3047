import { Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { ErrorSummary, toErrors } from '../../components/api-error.js';
import { PageLoader } from '../../components/layout.js';
import { fmt, m } from '../../i18n/index.js';
import { ConfirmStep, EditorActions, useReturnFocus } from './confirm-step.js';
import {
  AddTableMutation, type BuilderSeat, type BuilderSession, type BuilderTable, type PersonChoice, RemoveSeatMutation, RemoveTableMutation, SeatsQuery,
  UpdateTableMutation,
} from './operations.js';

/** The parallel tables of a round-table session: add, edit (topic, seats, host) and remove. */
export function RoundTables({ session: s, accounts, onDone }: { session: BuilderSession; accounts: PersonChoice[]; onDone: () => void }) {
  return (
    <>
      <Text size="sm" fw={600}>{m.builder.tables}</Text>
      <Stack gap="xs" component="ul" className="plain-list">
        {s.roundTables.map((t) => <li key={t.id}><TableRow table={t} accounts={accounts} onDone={onDone} /></li>)}
      </Stack>
      <NewTableForm session={s} accounts={accounts} onDone={onDone} />
    </>
  );
}

function TableRow({ table: t, accounts, onDone }: { table: BuilderTable; accounts: PersonChoice[]; onDone: () => void }) {
  const [editing, setEditing] = useState(false);
  const editButton = useReturnFocus(editing);
  const [removed, remove] = useMutation(RemoveTableMutation);
  const errors = toErrors(removed.error);
  if (editing) return <TableEditor table={t} accounts={accounts} onClose={() => setEditing(false)} onDone={onDone} />;
  const facts = [
    fmt(m.agenda.seats, { seated: t.seated, seats: t.seats }),
    t.waiting ? fmt(m.agenda.waiting, { count: t.waiting }) : null,
    t.hostName ? `${m.builder.host}: ${t.hostName}` : null,
  ].filter(Boolean);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm"><b>{t.topic}</b> · {facts.join(' · ')}</Text>
        <Group gap={4}>
          <Button ref={editButton} size="xs" variant="subtle" aria-label={`${m.builder.edit}: ${t.topic}`} onClick={() => setEditing(true)}>{m.builder.edit}</Button>
          <ConfirmStep label={m.builder.removeTable} ariaLabel={`${m.builder.removeTable}: ${t.topic}`} question={fmt(m.builder.confirmRemoveTable, { name: t.topic })}
            confirmLabel={m.builder.yesRemove} busy={removed.fetching} onConfirm={() => remove({ id: t.id }).then((r) => { if (!r.error) onDone(); })} />
        </Group>
      </Group>
      <ErrorSummary errors={errors.general} />
    </Stack>
  );
}

function TableEditor({ table: t, accounts, onClose, onDone }: { table: BuilderTable; accounts: PersonChoice[]; onClose: () => void; onDone: () => void }) {
  const [form, setForm] = useState({ topic: t.topic, seats: t.seats as number | string, host: t.hostAccountId ?? '' });
  const [result, update] = useMutation(UpdateTableMutation);
  const errors = toErrors(result.error, ['topic', 'seats', 'hostAccountId']);
  const title = fmt(m.builder.editTable, { name: t.topic });
  return (
    <form aria-label={title} onSubmit={(e) => {
      e.preventDefault();
      void update({ id: t.id, input: { topic: form.topic, seats: Number(form.seats), hostAccountId: form.host || null } })
        .then((r) => { if (!r.error) { onClose(); onDone(); } });
    }}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>{title}</Text>
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput label={m.builder.topic} w={220} autoFocus value={form.topic} onChange={(e) => setForm({ ...form, topic: e.currentTarget.value })} error={errors.fields.topic} />
          <NumberInput label={m.builder.seats} w={120} min={1} value={form.seats} onChange={(v) => setForm({ ...form, seats: v })} error={errors.fields.seats} />
          <Select label={m.builder.host} w={220} searchable clearable clearButtonProps={{ 'aria-label': m.builder.clearHost }} value={form.host}
            onChange={(v) => setForm({ ...form, host: v ?? '' })} data={accounts} error={errors.fields.hostAccountId} />
        </Group>
        <EditorActions errors={errors.general} saving={result.fetching} onClose={onClose} />
      </Stack>
    </form>
  );
}

function NewTableForm({ session: s, accounts, onDone }: { session: BuilderSession; accounts: PersonChoice[]; onDone: () => void }) {
  const [table, setTable] = useState({ topic: '', seats: 8 as number | string, host: '' });
  const [result, addTable] = useMutation(AddTableMutation);
  const errors = toErrors(result.error, ['topic', 'seats']);
  return (
    <>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput label={m.builder.topic} w={200} value={table.topic} onChange={(e) => setTable({ ...table, topic: e.currentTarget.value })} error={errors.fields.topic} />
        <NumberInput label={m.builder.seats} w={90} min={1} value={table.seats} onChange={(v) => setTable({ ...table, seats: v })} error={errors.fields.seats} />
        <Select label={m.builder.host} w={200} searchable clearable clearButtonProps={{ 'aria-label': m.builder.clearHost }} value={table.host}
          onChange={(v) => setTable({ ...table, host: v ?? '' })} data={accounts} />
        <Button size="xs" variant="light" aria-label={`${m.builder.addTable}: ${s.title}`} loading={result.fetching}
          onClick={() => void addTable({ sessionId: s.id, input: { topic: table.topic, seats: Number(table.seats), hostAccountId: table.host || null } }).then((r) => { if (!r.error) { setTable({ topic: '', seats: 8, host: '' }); onDone(); } })}>
          {m.builder.addTable}
        </Button>
      </Group>
      <ErrorSummary errors={errors.general} />
    </>
  );
}

/** Who sits where and who waits (sessionSeats), on demand; freeing a seat shows who moved up. */
export function SeatsPanel({ session: s, onDone }: { session: BuilderSession; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const id = `seats-${s.id}`;
  return (
    <>
      <Group>
        <Button size="xs" variant="subtle" aria-expanded={open} aria-controls={open ? id : undefined} aria-label={`${m.builder.seatsPanel}: ${s.title}`}
          onClick={() => setOpen(!open)}>
          {m.builder.seatsPanel}
        </Button>
      </Group>
      {open && <div id={id}><SeatLists session={s} onDone={onDone} /></div>}
    </>
  );
}

function SeatLists({ session: s, onDone }: { session: BuilderSession; onDone: () => void }) {
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: SeatsQuery, variables: { sessionId: s.id }, requestPolicy: 'network-only' });
  const [removed, remove] = useMutation(RemoveSeatMutation);
  const [notice, setNotice] = useState<string | null>(null);
  // More seats on a table promote people too (API): follow the counts the builder shows.
  const counts = `${s.seated}/${s.waiting}/${s.roundTables.map((t) => `${t.id}:${t.seats}:${t.seated}:${t.waiting}`).join(',')}`;
  const seen = useRef(counts);
  useEffect(() => {
    if (seen.current === counts) return;
    seen.current = counts;
    refetch({ requestPolicy: 'network-only' });
  }, [counts, refetch]);

  if (!data) return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  const seats = data.sessionSeats;
  const groups = s.type === 'ROUND_TABLE'
    ? s.roundTables.map((t) => ({ key: t.id, title: t.topic, seats: seats.filter((x) => x.roundTableId === t.id) }))
    : [{ key: 'session', title: m.builder.sessionSeats, seats: seats.filter((x) => !x.roundTableId) }];

  const free = async (seat: BuilderSeat) => {
    const result = await remove({ sessionId: s.id, accountId: seat.accountId });
    if (result.error) return;
    const fresh = await client.query(SeatsQuery, { sessionId: s.id }, { requestPolicy: 'network-only' }).toPromise();
    const promoted = (fresh.data?.sessionSeats ?? []).filter(
      (after) => after.status === 'SEATED' && seats.some((before) => before.accountId === after.accountId && before.status === 'WAITING'),
    );
    setNotice([
      fmt(seat.status === 'SEATED' ? m.builder.seatFreed : m.builder.leftList, { name: seat.accountName }),
      ...promoted.map((p) => fmt(m.builder.seatPromoted, { name: p.accountName })),
    ].join(' '));
    refetch({ requestPolicy: 'network-only' });
    onDone();
  };

  return (
    <Stack gap="xs" pl="sm">
      {notice && <Text size="sm" role="status" fw={600}>{notice}</Text>}
      <ErrorSummary errors={toErrors(removed.error).general} />
      {groups.map((g) => {
        const seated = g.seats.filter((x) => x.status === 'SEATED');
        const waiting = g.seats.filter((x) => x.status === 'WAITING');
        return (
          <div key={g.key} role="group" aria-label={`${m.builder.seatsPanel}: ${g.title}`}>
            <Text size="sm" fw={600}>{g.title}</Text>
            <Text size="sm" mt={4}>{fmt(m.builder.seatedList, { count: seated.length })}</Text>
            {!seated.length && <Text size="sm" c="dimmed">{m.builder.nobodySeated}</Text>}
            <Stack gap={4} component="ul" className="plain-list" aria-label={fmt(m.builder.seatedList, { count: seated.length })}>
              {seated.map((seat) => (
                <li key={seat.id}><SeatRow seat={seat} busy={removed.fetching} onFree={() => free(seat)} /></li>
              ))}
            </Stack>
            <Text size="sm" mt={4}>{fmt(m.builder.waitingList, { count: waiting.length })}</Text>
            {!waiting.length && <Text size="sm" c="dimmed">{m.builder.nobodyWaiting}</Text>}
            <Stack gap={4} component="ol" className="plain-list" aria-label={fmt(m.builder.waitingList, { count: waiting.length })}>
              {waiting.map((seat) => (
                <li key={seat.id}><SeatRow seat={seat} busy={removed.fetching} onFree={() => free(seat)} /></li>
              ))}
            </Stack>
          </div>
        );
      })}
    </Stack>
  );
}

function SeatRow({ seat, busy, onFree }: { seat: BuilderSeat; busy: boolean; onFree: () => Promise<void> }) {
  const isSeated = seat.status === 'SEATED';
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">{seat.waitingPosition ? `${seat.waitingPosition}. ` : ''}{seat.accountName}</Text>
      <ConfirmStep
        label={isSeated ? m.builder.freeSeat : m.builder.takeOffList}
        ariaLabel={`${isSeated ? m.builder.freeSeat : m.builder.takeOffList}: ${seat.accountName}`}
        question={fmt(isSeated ? m.builder.confirmFreeSeat : m.builder.confirmTakeOffList, { name: seat.accountName })}
        confirmLabel={isSeated ? m.builder.yesFreeSeat : m.builder.yesTakeOff}
        busy={busy}
        onConfirm={onFree}
      />
    </Group>
  );
}
