import { Accordion, Badge, Button, Checkbox, Code, Fieldset, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { ErrorSummary, errorMessages, toErrors } from '../components/api-error.js';
import { EventPage, type EventBasics } from '../components/event-page.js';
import { PageLoader } from '../components/layout.js';
import { graphql } from '../gql/index.js';
import type { OrganiserNotificationTemplatesQuery, OrganiserReminderRulesQuery, ReminderKind } from '../gql/graphql.js';
import { fmt, m } from '../i18n/index.js';
import { mapApiErrors, messageFor } from '../lib/api-errors.js';
import { labelOf } from '../lib/code-labels.js';

const TemplatesQuery = graphql(`
  query OrganiserNotificationTemplates($eventId: ID!) {
    notificationTemplates(eventId: $eventId) { kind essential subject body customised defaultSubject defaultBody placeholders editable reminderKinds }
  }
`);
const SetTemplateMutation = graphql(`
  mutation SetNotificationTemplate($eventId: ID!, $kind: NotificationKind!, $subject: String, $body: String) {
    setNotificationTemplate(eventId: $eventId, kind: $kind, subject: $subject, body: $body) {
      kind essential subject body customised defaultSubject defaultBody placeholders editable reminderKinds
    }
  }
`);
const RulesQuery = graphql(`
  query OrganiserReminderRules($eventId: ID!) { reminderRules(eventId: $eventId) { id kind offsetMinutes subject body enabled } }
`);
const SetRulesMutation = graphql(`
  mutation SetReminderRules($eventId: ID!, $rules: [ReminderRuleInput!]!) {
    setReminderRules(eventId: $eventId, rules: $rules) { id kind offsetMinutes subject body enabled }
  }
`);

type Template = OrganiserNotificationTemplatesQuery['notificationTemplates'][number];
type Rule = OrganiserReminderRulesQuery['reminderRules'][number];

const REMINDER_KINDS: ReminderKind[] = ['MEETING', 'SESSION_ATTENDING', 'SESSION_SPEAKING', 'MATCHMAKING_OPENS', 'MATCHMAKING_CLOSES'];
type Unit = 'MINUTES' | 'HOURS' | 'DAYS';
const UNIT_MINUTES: Record<Unit, number> = { MINUTES: 1, HOURS: 60, DAYS: 1440 };

export function NotificationSettingsPage() {
  return <EventPage title={m.notificationSettings.title}>{(event) => <NotificationSettings event={event} />}</EventPage>;
}

function NotificationSettings({ event }: { event: EventBasics }) {
  const [templates] = useQuery({ query: TemplatesQuery, variables: { eventId: event.id } });
  const [rules] = useQuery({ query: RulesQuery, variables: { eventId: event.id } });
  const list = templates.data?.notificationTemplates;
  if (!list || !rules.data) {
    const error = templates.error ?? rules.error;
    return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  }
  return (
    <>
      <Templates event={event} templates={list} />
      <ReminderRules key={event.id} event={event} initial={rules.data.reminderRules} templates={list} />
    </>
  );
}

/** The wording of every kind of e-mail, one panel per kind. */
function Templates({ event, templates }: { event: EventBasics; templates: Template[] }) {
  return (
    <section aria-labelledby="templates">
      <Title order={2} size="h3" id="templates" mb={4}>{m.notificationSettings.templatesTitle}</Title>
      <Text size="sm" mb="sm">{m.notificationSettings.templatesIntro}</Text>
      <Accordion multiple variant="contained" order={3}>
        {templates.map((t) => (
          <Accordion.Item key={t.kind} value={t.kind}>
            <Accordion.Control>
              <Group gap="xs" wrap="wrap">
                <Text span fw={600}>{labelOf(m.messages.kinds, t.kind)}</Text>
                {t.editable && (
                  <Badge variant={t.customised ? 'filled' : 'light'} color={t.customised ? 'blue' : 'gray'}>
                    {t.customised ? m.notificationSettings.customised : m.notificationSettings.default}
                  </Badge>
                )}
                <Badge variant="light" color="gray">
                  {t.essential ? m.notificationSettings.essential : m.notificationSettings.optional}
                </Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {t.editable ? <TemplateEditor event={event} template={t} /> : (
                <Text size="sm">{t.reminderKinds.length ? m.notificationSettings.wordedByReminders : t.kind === 'SESSION_MESSAGE' ? m.notificationSettings.wordedOnSession : m.notificationSettings.wordedWhenSent}</Text>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </section>
  );
}

function Placeholders({ names }: { names: readonly string[] }) {
  if (!names.length) return null;
  return (
    <Text size="sm" component="div">
      {m.notificationSettings.placeholders}:{' '}
      {names.map((name) => <Code key={name} mr={4}>{`{{${name}}}`}</Code>)}
    </Text>
  );
}

function TemplateEditor({ event, template }: { event: EventBasics; template: Template }) {
  const [form, setForm] = useState({ subject: template.subject, body: template.body });
  const [confirmReset, setConfirmReset] = useState(false);
  const [done, setDone] = useState<'saved' | 'reset' | null>(null);
  const [result, save] = useMutation(SetTemplateMutation);
  const errors = toErrors(result.error, ['subject', 'body']);
  const id = `template-${template.kind}`;
  const submit = (subject: string | null, body: string | null, outcome: 'saved' | 'reset') => {
    setDone(null);
    void save({ eventId: event.id, kind: template.kind, subject, body }).then((r) => {
      const saved = r.data?.setNotificationTemplate;
      if (!saved) return;
      // Keep what the server stored (trimmed, or the default after a reset).
      setForm({ subject: saved.subject, body: saved.body });
      setConfirmReset(false);
      setDone(outcome);
    });
  };
  return (
    <Stack gap="sm" component="form" aria-label={labelOf(m.messages.kinds, template.kind)} onSubmit={(e) => {
      e.preventDefault();
      submit(form.subject, form.body, 'saved');
    }}>
      <TextInput id={`${id}-subject`} label={m.notificationSettings.subject} value={form.subject} error={errors.fields.subject}
        onChange={(e) => setForm({ ...form, subject: e.currentTarget.value })} />
      <Textarea id={`${id}-body`} label={m.notificationSettings.body} value={form.body} error={errors.fields.body} autosize minRows={4}
        onChange={(e) => setForm({ ...form, body: e.currentTarget.value })} />
      <Placeholders names={template.placeholders} />
      {template.customised && (
        <details>
          <summary><Text span size="sm">{m.notificationSettings.defaultWording}</Text></summary>
          <Text size="sm" fw={600} mt={4}>{template.defaultSubject}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{template.defaultBody}</Text>
        </details>
      )}
      <ErrorSummary errors={errors.general} />
      {done && !result.error && (
        <Text role="status" c="green">{done === 'saved' ? m.notificationSettings.saved : m.notificationSettings.resetDone}</Text>
      )}
      <Group gap="xs">
        <Button type="submit" loading={result.fetching && !confirmReset}>{m.notificationSettings.save}</Button>
        {template.customised && !confirmReset && (
          <Button variant="default" onClick={() => setConfirmReset(true)}>{m.notificationSettings.reset}</Button>
        )}
        {confirmReset && (
          <>
            <Button color="red" loading={result.fetching} onClick={() => submit(null, null, 'reset')}>{m.notificationSettings.resetConfirm}</Button>
            <Button variant="default" onClick={() => setConfirmReset(false)}>{m.common.cancel}</Button>
          </>
        )}
      </Group>
    </Stack>
  );
}

interface RuleRow {
  key: number;
  kind: ReminderKind;
  amount: number | string;
  unit: Unit;
  subject: string;
  body: string;
  enabled: boolean;
}

let nextKey = 1;

/** Minutes shown in the largest whole unit: 1440 → 1 day, 90 → 90 minutes. */
function toRow(rule: Pick<Rule, 'kind' | 'offsetMinutes' | 'subject' | 'body' | 'enabled'>): RuleRow {
  const unit: Unit = rule.offsetMinutes > 0 && rule.offsetMinutes % 1440 === 0 ? 'DAYS' : rule.offsetMinutes > 0 && rule.offsetMinutes % 60 === 0 ? 'HOURS' : 'MINUTES';
  return { key: nextKey++, kind: rule.kind, amount: rule.offsetMinutes / UNIT_MINUTES[unit], unit, subject: rule.subject, body: rule.body, enabled: rule.enabled };
}

function offsetOf(row: RuleRow): number {
  return Math.round(Number(row.amount) * UNIT_MINUTES[row.unit]);
}

/** Saving the rules: "rules.2.subject" goes next to that field of row 2, the rest above the button. */
function ruleErrors(error: CombinedError | undefined) {
  const rows: Record<number, Record<string, string>> = {};
  const rest = [];
  for (const e of error?.graphQLErrors ?? []) {
    const field = typeof e.extensions?.field === 'string' ? /^rules\.(\d+)\.(\w+)$/.exec(e.extensions.field) : null;
    if (field) (rows[Number(field[1])] ??= {})[field[2]] = messageFor(e, errorMessages);
    else rest.push({ message: e.message, extensions: e.extensions });
  }
  return { rows, general: mapApiErrors(rest, errorMessages, { formFields: [], networkError: !!error?.networkError }).general };
}

/** The reminder rules, edited as a list and saved as a whole (the API replaces them all). */
function ReminderRules({ event, initial, templates }: { event: EventBasics; initial: Rule[]; templates: Template[] }) {
  const [rows, setRows] = useState(() => initial.map(toRow));
  const [builtIn, setBuiltIn] = useState(() => initial.length > 0 && initial.every((r) => r.id === null));
  const [dirty, setDirty] = useState(false);
  // The rows as sent: an error about rules.2 stays with that row when others are removed or added.
  const [sentKeys, setSentKeys] = useState<number[]>([]);
  const [result, save] = useMutation(SetRulesMutation);
  const errors = ruleErrors(result.error);
  const templateOf = (kind: ReminderKind) => templates.find((t) => t.reminderKinds.includes(kind));
  const change = (key: number, patch: Partial<RuleRow>) => {
    setDirty(true);
    setRows(rows.map((row) => {
      if (row.key !== key) return row;
      const next = { ...row, ...patch };
      // A new kind: wording still the previous kind's default becomes the new kind's default.
      const before = templateOf(row.kind);
      const after = templateOf(next.kind);
      if (patch.kind && before && after) {
        if (row.subject === before.defaultSubject) next.subject = after.defaultSubject;
        if (row.body === before.defaultBody) next.body = after.defaultBody;
      }
      return next;
    }));
  };
  const add = () => {
    const wording = templateOf('MEETING');
    setDirty(true);
    setRows([...rows, { key: nextKey++, kind: 'MEETING', amount: 30, unit: 'MINUTES', subject: wording?.defaultSubject ?? '', body: wording?.defaultBody ?? '', enabled: true }]);
  };
  return (
    <section aria-labelledby="reminders">
      <Title order={2} size="h3" id="reminders" mb={4}>{m.notificationSettings.remindersTitle}</Title>
      <Text size="sm" mb="sm">{m.notificationSettings.remindersIntro}</Text>
      <form onSubmit={(e) => {
        e.preventDefault();
        const rules = rows.map((row) => ({ kind: row.kind, offsetMinutes: offsetOf(row), subject: row.subject, body: row.body, enabled: row.enabled }));
        setSentKeys(rows.map((row) => row.key));
        void save({ eventId: event.id, rules }).then((r) => {
          const saved = r.data?.setReminderRules;
          if (!saved) return;
          setRows(saved.map(toRow));
          setBuiltIn(false);
          setDirty(false);
        });
      }}>
        <Stack gap="sm">
          {builtIn && <Text size="sm" c="dimmed">{m.notificationSettings.builtIn}</Text>}
          {!rows.length && <Text>{m.notificationSettings.noRules}</Text>}
          {rows.map((row, index) => {
            const number = index + 1;
            const rowErrors = errors.rows[sentKeys.indexOf(row.key)] ?? {};
            const wording = templateOf(row.kind);
            const when = offsetOf(row) === 0 ? m.notificationSettings.atStart
              : fmt(m.notificationSettings.before, { amount: String(row.amount), unit: (Number(row.amount) === 1 ? m.notificationSettings.unitsOne : m.notificationSettings.units)[row.unit] });
            return (
              <Fieldset key={row.key} legend={`${fmt(m.notificationSettings.reminder, { number })}: ${m.notificationSettings.kinds[row.kind]}, ${when}${row.enabled ? '' : ` (${m.notificationSettings.paused})`}`}
                variant="default" aria-label={fmt(m.notificationSettings.reminder, { number })}>
                <Stack gap="xs">
                  <Select label={m.notificationSettings.kind} value={row.kind} allowDeselect={false} error={rowErrors.kind}
                    data={REMINDER_KINDS.map((k) => ({ value: k, label: m.notificationSettings.kinds[k] }))}
                    onChange={(v) => v && change(row.key, { kind: v as ReminderKind })} />
                  <Group grow wrap="wrap" align="flex-start">
                    <NumberInput label={m.notificationSettings.amount} required min={0} allowDecimal={false} value={row.amount} error={rowErrors.offsetMinutes} miw={120}
                      onChange={(v) => change(row.key, { amount: v })} />
                    <Select label={m.notificationSettings.unit} value={row.unit} allowDeselect={false} miw={120}
                      data={(Object.keys(UNIT_MINUTES) as Unit[]).map((u) => ({ value: u, label: m.notificationSettings.units[u] }))}
                      onChange={(v) => v && change(row.key, { unit: v as Unit })} />
                  </Group>
                  <TextInput label={m.notificationSettings.subject} required value={row.subject} error={rowErrors.subject}
                    onChange={(e) => change(row.key, { subject: e.currentTarget.value })} />
                  <Textarea label={m.notificationSettings.body} required value={row.body} error={rowErrors.body} autosize minRows={3}
                    onChange={(e) => change(row.key, { body: e.currentTarget.value })} />
                  <Placeholders names={wording?.placeholders ?? []} />
                  <Group justify="space-between" gap="xs">
                    <Checkbox label={m.notificationSettings.enabled} checked={row.enabled} error={rowErrors.enabled}
                      onChange={(e) => change(row.key, { enabled: e.currentTarget.checked })} />
                    <Button variant="subtle" color="red" size="compact-sm" onClick={() => { setDirty(true); setRows(rows.filter((r) => r.key !== row.key)); }}>
                      {fmt(m.notificationSettings.remove, { number })}
                    </Button>
                  </Group>
                </Stack>
              </Fieldset>
            );
          })}
          <Group><Button variant="light" onClick={add}>{m.notificationSettings.add}</Button></Group>
          <ErrorSummary errors={errors.general} />
          {result.data && !result.error && !dirty && <Text role="status" c="green">{m.notificationSettings.rulesSaved}</Text>}
          {dirty && <Text size="sm" c="dimmed">{m.notificationSettings.unsaved}</Text>}
          <Group><Button type="submit" loading={result.fetching}>{m.notificationSettings.saveRules}</Button></Group>
        </Stack>
      </form>
    </section>
  );
}
