import { Button, Checkbox, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ErrorSummary, toErrors } from '../../components/api-error.js';
import type { SessionAudienceGroup } from '../../gql/graphql.js';
import { fmt, m } from '../../i18n/index.js';
import { useReturnFocus } from './confirm-step.js';
import { type BuilderSession, SendSessionMessageMutation } from './operations.js';

const GROUPS: SessionAudienceGroup[] = ['SEATED', 'WAITING', 'BOOKMARKED', 'ON_STAGE'];
// What sendSessionMessage fills in (the SESSION_MESSAGE kind's placeholders).
const PLACEHOLDERS = ['{{recipientName}}', '{{title}}', '{{startsAt}}', '{{location}}'];

/**
 * "The round tables move to room B": a message to the people of one session, opened in place.
 * No group ticked writes to everyone in any group; the server counts each person once.
 */
export function SessionMessage({ session: s }: { session: BuilderSession }) {
  const [open, setOpen] = useState(false);
  const trigger = useReturnFocus(open);
  const [form, setForm] = useState({ subject: '', body: '', groups: [] as string[] });
  const [sent, send] = useMutation(SendSessionMessageMutation);
  const [count, setCount] = useState<number | null>(null);
  const errors = toErrors(sent.error, ['subject', 'body']);
  const titleId = `message-${s.id}`;

  if (!open) {
    return (
      <Group gap="xs">
        <Button ref={trigger} size="xs" variant="light" aria-label={`${m.builder.sessionMessage.open}: ${s.title}`} onClick={() => { setCount(null); setOpen(true); }}>
          {m.builder.sessionMessage.open}
        </Button>
        {count !== null && <Text size="sm" role="status" c="green">{fmt(m.messages.sentTo, { count })}</Text>}
      </Group>
    );
  }
  return (
    <Paper withBorder p="xs" component="form" aria-labelledby={titleId} onSubmit={(e) => {
      e.preventDefault();
      setCount(null);
      void send({ sessionId: s.id, input: { subject: form.subject, body: form.body }, audience: form.groups as SessionAudienceGroup[] }).then((r) => {
        // Kept on a refusal, so nothing typed is lost; cleared once sent.
        if (!r.error && r.data) { setCount(r.data.sendSessionMessage); setForm({ subject: '', body: '', groups: form.groups }); }
      });
    }}>
      <Stack gap="xs">
        <Text fw={600} size="sm" id={titleId}>{fmt(m.builder.sessionMessage.title, { title: s.title })}</Text>
        <Checkbox.Group label={m.builder.sessionMessage.audience} description={m.builder.sessionMessage.everyoneHint} value={form.groups}
          onChange={(groups) => setForm({ ...form, groups })}>
          <Stack gap={4} mt={4}>
            {GROUPS.map((g) => <Checkbox key={g} value={g} label={m.builder.sessionMessage.groups[g]} />)}
          </Stack>
        </Checkbox.Group>
        <TextInput label={m.messages.subject} value={form.subject} onChange={(e) => setForm({ ...form, subject: e.currentTarget.value })} error={errors.fields.subject} />
        <Textarea label={m.messages.body} value={form.body} onChange={(e) => setForm({ ...form, body: e.currentTarget.value })} error={errors.fields.body} autosize minRows={3}
          description={`${m.builder.sessionMessage.placeholders} ${PLACEHOLDERS.join(', ')}`} />
        <ErrorSummary errors={errors.general} />
        {count !== null && <Text size="sm" role="status" c="green">{fmt(m.messages.sentTo, { count })}</Text>}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={sent.fetching}>{m.messages.send}</Button>
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>{m.builder.sessionMessage.close}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
