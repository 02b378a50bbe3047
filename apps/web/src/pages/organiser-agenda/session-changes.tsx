import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorSummary, toErrors } from '../../components/api-error.js';
import { EventTime } from '../../components/event-zone.js';
import { PageLoader } from '../../components/layout.js';
import { fmt, m } from '../../i18n/index.js';
import { labelOf } from '../../lib/code-labels.js';
import { type BuilderSession, type PersonChoice, SessionChangesQuery } from './operations.js';

// Starts before ends before room before status; a field this build does not know comes last.
const FIELD_ORDER = ['startsAt', 'endsAt', 'room', 'status'];
const order = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

/**
 * The change log of a session once people could see it (sessionChanges, organisers only): each
 * new time, room or status, newest first. Its length is the session's revision.
 */
export function SessionChanges({ session: s, accounts }: { session: BuilderSession; accounts: PersonChoice[] }) {
  const [open, setOpen] = useState(false);
  const id = `changes-${s.id}`;
  const label = fmt(m.builder.changes, { count: s.revision });
  return (
    <>
      <Group>
        <Button size="xs" variant="subtle" aria-expanded={open} aria-controls={open ? id : undefined} aria-label={`${label}: ${s.title}`} onClick={() => setOpen(!open)}>
          {label}
        </Button>
      </Group>
      {/* Keyed by revision: a new change (e.g. just saved) loads the list again. */}
      {open && <div id={id}><ChangeList key={s.revision} session={s} accounts={accounts} /></div>}
    </>
  );
}

function ChangeList({ session: s, accounts }: { session: BuilderSession; accounts: PersonChoice[] }) {
  const [{ data, error }] = useQuery({ query: SessionChangesQuery, variables: { sessionId: s.id }, requestPolicy: 'network-only' });
  if (!data) return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  if (!data.sessionChanges.length) return <Text size="sm">{m.builder.noChanges}</Text>;
  const statuses: Record<string, string> = m.builder.status;
  const value = (field: string, v: string | null | undefined) => {
    if (!v) return '—';
    if (field === 'startsAt' || field === 'endsAt') return <EventTime at={v} zone={s.timeZone} />;
    if (field === 'status') return labelOf(statuses, v);
    return v;
  };
  return (
    <Stack gap="xs" component="ol" className="plain-list" pl="sm">
      {data.sessionChanges.map((c) => {
        const by = accounts.find((a) => a.value === c.changedBy)?.label;
        return (
          <li key={c.id}>
            <Text size="sm" fw={600}>
              {fmt(m.builder.revision, { revision: c.revision })} · <EventTime at={c.changedAt} zone={s.timeZone} />{by ? ` ${fmt(m.builder.changedBy, { name: by })}` : ''}
            </Text>
            <ul className="reasons">
              {c.changes.filter((f) => f.field !== 'roomId').sort((a, b) => order(a.field) - order(b.field)).map((f) => (
                <li key={f.field}>
                  <Text size="sm" span>{labelOf(m.builder.changeFields, f.field)}: {value(f.field, f.old)} → {value(f.field, f.new)}</Text>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </Stack>
  );
}
