import { Button, Group, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import { fmt, locale, m } from '../i18n/index.js';
import { oneDecimal } from '../lib/number-display.js';
import { ErrorSummary, toErrors } from './api-error.js';

export const MySessionFeedbackQuery = graphql(`
  query MySessionFeedback($eventId: ID!) { mySessionFeedback(eventId: $eventId) { sessionId rating comment } }
`);
const RateSessionMutation = graphql(`
  mutation RateSession($sessionId: ID!, $rating: Int!, $comment: String) {
    rateSession(sessionId: $sessionId, rating: $rating, comment: $comment) { sessionId rating comment }
  }
`);
const RemoveSessionFeedbackMutation = graphql(`
  mutation RemoveSessionFeedback($sessionId: ID!) { removeSessionFeedback(sessionId: $sessionId) }
`);

export interface MyRating {
  rating: number;
  comment: string | null;
}

/** My ratings of the event's sessions by session id (members only; paused otherwise). */
export function useMySessionFeedback(eventId: string | undefined, member: boolean) {
  const [{ data }, reload] = useQuery({ query: MySessionFeedbackQuery, variables: { eventId: eventId ?? '' }, pause: !eventId || !member });
  const ratings = new Map<string, MyRating>((data?.mySessionFeedback ?? []).map((f) => [f.sessionId, f]));
  return { ratings, reload: () => reload({ requestPolicy: 'network-only' }) };
}

/** Breaks and matchmaking slots have no content to rate (meetings have their own feedback); the API says the same. */
const UNRATED_TYPES = new Set(['BREAK', 'MATCHMAKING']);

/** A published session with content that has started takes ratings. */
export function rateable(session: { status: string; startsAt: string; type: string }, now = Date.now()): boolean {
  return session.status === 'PUBLISHED' && !UNRATED_TYPES.has(session.type) && Date.parse(session.startsAt) <= now;
}

/**
 * "Rate this session": five radio buttons (arrow keys move between them), an optional comment,
 * Save and Remove; afterwards "Your rating: 4/5". Refusals show beside their fields and what was
 * typed stays.
 */
export function SessionRating({ sessionId, title, mine, onChange }: { sessionId: string; title: string; mine: MyRating | undefined; onChange: () => void }) {
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState(mine ? String(mine.rating) : '');
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [notice, setNotice] = useState<'saved' | 'removed' | null>(null);
  const [missing, setMissing] = useState(false);
  const [saved, save] = useMutation(RateSessionMutation);
  const [removed, remove] = useMutation(RemoveSessionFeedbackMutation);
  const errors = toErrors(saved.error ?? removed.error, ['rating', 'comment']);
  const start = () => {
    setRating(mine ? String(mine.rating) : '');
    setComment(mine?.comment ?? '');
    setNotice(null);
    setOpen(true);
  };
  const submit = () => {
    if (!rating) return setMissing(true);
    setMissing(false);
    void save({ sessionId, rating: Number(rating), comment: comment.trim() || null }).then((r) => {
      if (r.error) return;
      setOpen(false);
      setNotice('saved');
      onChange();
    });
  };
  const drop = () => void remove({ sessionId }).then((r) => {
    if (r.error) return;
    setOpen(false);
    setRating('');
    setComment('');
    setNotice('removed');
    onChange();
  });
  const id = `rate-${sessionId}`;
  return (
    <Stack gap={4}>
      {mine && !open && <Text size="sm" fw={600}>{fmt(m.sessionFeedback.yours, { rating: mine.rating })}</Text>}
      {notice && !open && <Text size="sm" role="status" c="green">{notice === 'saved' ? m.sessionFeedback.saved : m.sessionFeedback.removed}</Text>}
      {!open && (
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={start} aria-label={`${mine ? m.sessionFeedback.change : m.sessionFeedback.rate}: ${title}`}>
            {mine ? m.sessionFeedback.change : m.sessionFeedback.rate}
          </Button>
        </Group>
      )}
      {open && (
        <form onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label={`${m.sessionFeedback.rate}: ${title}`}>
          <Stack gap="xs">
            <Radio.Group label={m.sessionFeedback.rating} value={rating} onChange={(v) => { setRating(v); setMissing(false); }} name={id}
              error={missing ? m.sessionFeedback.chooseRating : errors.fields.rating}>
              <Group gap="md" mt={4}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <Radio key={n} value={String(n)} label={n} aria-label={fmt(m.sessionFeedback.ratingOf, { n })} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea label={m.sessionFeedback.comment} description={m.sessionFeedback.commentHint} value={comment}
              onChange={(e) => setComment(e.currentTarget.value)} error={errors.fields.comment} autosize minRows={2} />
            <ErrorSummary errors={errors.general} />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={saved.fetching}>{m.sessionFeedback.save}</Button>
              {mine && <Button size="xs" variant="light" color="red" loading={removed.fetching} onClick={drop}>{m.sessionFeedback.remove}</Button>}
              <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>{m.sessionFeedback.cancel}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

export interface FeedbackSummary {
  sessionId: string;
  title: string;
  count: number;
  average?: number | null;
  distribution?: number[] | null;
  comments?: string[] | null;
  detailsHidden: boolean;
}

/** "1: 0 · 2: 1 · …" with a small bar per rating; plain text, so screen readers read the numbers. */
function Distribution({ counts }: { counts: number[] }) {
  const max = Math.max(...counts, 1);
  return (
    <Stack gap={2} component="ul" className="plain-list" aria-label={m.sessionFeedback.distribution}>
      {counts.map((c, i) => (
        <li key={i}>
          <Group gap={6} wrap="nowrap">
            <Text size="xs" w={14}>{i + 1}</Text>
            <div className="bar-track"><div className="bar" style={{ width: `${(c / max) * 100}%` }} /></div>
            <Text size="xs" w={28} ta="right">{c}</Text>
          </Group>
        </li>
      ))}
    </Stack>
  );
}

function Comments({ comments }: { comments: string[] }) {
  if (!comments.length) return <Text size="sm" c="dimmed">{m.sessionFeedback.noComments}</Text>;
  return (
    <details>
      <summary>{fmt(m.sessionFeedback.comments, { count: comments.length })}</summary>
      <Stack gap={4} component="ul" mt={4}>
        {comments.map((c, i) => <li key={i}><Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c}</Text></li>)}
      </Stack>
    </details>
  );
}

/** One session's feedback without names; below three ratings (for the people on a session) the count only. */
export function SessionFeedbackSummaryView({ summary }: { summary: FeedbackSummary }) {
  if (summary.count === 0) return <Text size="sm">{m.sessionFeedback.noRatings}</Text>;
  if (summary.detailsHidden) return <Text size="sm">{fmt(m.sessionFeedback.countOnly, { count: summary.count })}</Text>;
  return (
    <Stack gap="xs">
      <Text size="sm">{fmt(m.sessionFeedback.summary, { count: summary.count, average: oneDecimal(summary.average ?? 0, locale) })}</Text>
      {summary.distribution && <Distribution counts={summary.distribution} />}
      <Comments comments={summary.comments ?? []} />
    </Stack>
  );
}

/** The organisers' table: a row per rated session. */
export function SessionFeedbackTable({ sessions }: { sessions: readonly FeedbackSummary[] }) {
  if (!sessions.length) return <Text size="sm">{m.sessionFeedback.none}</Text>;
  return (
    <div className="table-scroll">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{m.sessionFeedback.session}</Table.Th>
            <Table.Th>{m.sessionFeedback.ratings}</Table.Th>
            <Table.Th>{m.sessionFeedback.average}</Table.Th>
            <Table.Th>{m.sessionFeedback.distribution}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.sessionId}>
              <Table.Td>
                <Text size="sm" fw={600}>{s.title}</Text>
                <Comments comments={s.comments ?? []} />
              </Table.Td>
              <Table.Td ta="right">{s.count}</Table.Td>
              <Table.Td ta="right">{s.average == null ? '—' : oneDecimal(s.average, locale)}</Table.Td>
              <Table.Td miw={120}>{s.distribution ? <Distribution counts={s.distribution} /> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
