import { Button, Card, Checkbox, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, toErrors } from '../components/api-error.js';
import { EventPage, type EventBasics } from '../components/event-page.js';
import { EventTime } from '../components/event-zone.js';
import { PageLoader } from '../components/layout.js';
import { SessionFeedbackTable } from '../components/session-feedback.js';
import { graphql } from '../gql/index.js';
import { fmt, locale, m } from '../i18n/index.js';
import { labelOf, outcomeLabel } from '../lib/code-labels.js';
import { oneDecimal } from '../lib/number-display.js';
import { zonedLocalToIso } from '../lib/time-display.js';
import { downloadFile } from '../lib/upload.js';
import { FollowUpRoundsQuery } from './matchmaking.js';

const ReportQuery = graphql(`
  query OutcomeReport($eventId: ID!) {
    outcomeReport(eventId: $eventId) {
      meetings { accepted scheduled waitingForSlot cancelled held noShows disputed unreported checkedIn averageRating }
      requests { key count }
      participantsByType { key count }
      participantsByCountry { key count }
      participantsByRegion { key count }
      typeMatrix { row column count }
      regionMatrix { row column count }
      outcomesByRound { round outcome count averageRating }
      themes { theme offered demanded participants }
      activity { day requestsSent requestsAccepted requestsDeclined meetingsCancelled }
    }
  }
`);

const SessionFeedbackReportQuery = graphql(`
  query SessionFeedbackReport($eventId: ID!) {
    sessionFeedbackReport(eventId: $eventId) { sessionId title count average distribution comments detailsHidden }
  }
`);

const OpenRoundMutation = graphql(`
  mutation OpenFollowUpRound($eventId: ID!, $input: FollowUpRoundInput!) { openFollowUpRound(eventId: $eventId, input: $input) { id number opensAt closesAt message } }
`);

export function ReportsPage() {
  return <EventPage title={m.reports.title}>{(event) => <Stack><Reports event={event} /><SessionFeedback event={event} /><FollowUpRounds event={event} /></Stack>}</EventPage>;
}

/** Ratings and comments of the sessions, without names (comments in alphabetical order). */
function SessionFeedback({ event }: { event: EventBasics }) {
  const [{ data, error }] = useQuery({ query: SessionFeedbackReportQuery, variables: { eventId: event.id }, requestPolicy: 'network-only' });
  return (
    <Part id="r-session-feedback" title={m.sessionFeedback.report} csv="session-feedback" slug={event.slug}>
      <Text size="sm" mb="xs">{m.sessionFeedback.reportIntro}</Text>
      <ErrorSummary errors={toErrors(error).general} />
      {data ? <SessionFeedbackTable sessions={data.sessionFeedbackReport} /> : !error && <PageLoader />}
    </Part>
  );
}

/** Organisers open follow-up rounds (e.g. months later); participants answer them under my meetings. */
function FollowUpRounds({ event }: { event: EventBasics }) {
  const [{ data, error }, reload] = useQuery({ query: FollowUpRoundsQuery, variables: { eventId: event.id } });
  const [form, setForm] = useState({ opensAt: '', closesAt: '', message: '', notify: true });
  const [opened, open] = useMutation(OpenRoundMutation);
  const errors = toErrors(opened.error, ['opensAt', 'closesAt', 'message']);
  const submit = () => {
    const input = {
      // An unparsable local time goes as '' so the API names the field.
      opensAt: zonedLocalToIso(form.opensAt, event.timeZone) ?? '',
      closesAt: zonedLocalToIso(form.closesAt, event.timeZone) ?? '',
      message: form.message.trim() || null,
      notify: form.notify,
    };
    void open({ eventId: event.id, input }).then((r) => { if (!r.error) { setForm({ opensAt: '', closesAt: '', message: '', notify: true }); reload({ requestPolicy: 'network-only' }); } });
  };
  return (
    <Card withBorder component="section" aria-labelledby="fu-rounds">
      <Title order={2} size="h4" id="fu-rounds" mb="xs">{m.followUp.rounds}</Title>
      <ErrorSummary errors={toErrors(error).general} />
      {data && !data.followUpRounds.length && <Text size="sm">{m.followUp.noRounds}</Text>}
      <Stack gap={4} component="ul" className="plain-list">
        {data?.followUpRounds.map((r) => (
          <li key={r.id}><Text size="sm"><b>{fmt(m.followUp.round, { number: r.number })}:</b> <EventTime at={r.opensAt} zone={event.timeZone} /> {m.followUp.until} <EventTime at={r.closesAt} zone={event.timeZone} /></Text></li>
        ))}
      </Stack>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap="xs" mt="sm">
          <Title order={3} size="h5">{m.followUp.newRound}</Title>
          <Group grow wrap="wrap">
            <TextInput type="datetime-local" required label={m.followUp.opensAt} description={event.timeZone} value={form.opensAt} onChange={(e) => setForm({ ...form, opensAt: e.currentTarget.value })} error={errors.fields.opensAt} />
            <TextInput type="datetime-local" required label={m.followUp.closesAt} description={event.timeZone} value={form.closesAt} onChange={(e) => setForm({ ...form, closesAt: e.currentTarget.value })} error={errors.fields.closesAt} />
          </Group>
          <Textarea label={m.followUp.message} value={form.message} onChange={(e) => setForm({ ...form, message: e.currentTarget.value })} error={errors.fields.message} autosize minRows={2} />
          <Checkbox label={m.followUp.notify} checked={form.notify} onChange={(e) => setForm({ ...form, notify: e.currentTarget.checked })} />
          <ErrorSummary errors={errors.general} />
          {opened.data && !opened.error && <Text size="sm" role="status" c="green">{fmt(m.followUp.opened, { number: opened.data.openFollowUpRound.number })}</Text>}
          <Group><Button type="submit" loading={opened.fetching}>{m.followUp.openRound}</Button></Group>
        </Stack>
      </form>
    </Card>
  );
}

function Csv({ slug, name, label }: { slug: string; name: string; label: string }) {
  const [failed, setFailed] = useState(false);
  return (
    <Button size="compact-xs" variant="light" className="no-shrink" aria-label={fmt(m.reports.csvOf, { name: label })} color={failed ? 'red' : undefined}
      onClick={() => void downloadFile(`/events/${slug}/reports/${name}.csv`, `${slug}-${name}.csv`).then((ok) => setFailed(!ok))}>
      {m.reports.csv}
    </Button>
  );
}

function Part({ id, title, csv, slug, children }: { id: string; title: string; csv: string; slug: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h4" id={id}>{title}</Title>
        <Csv slug={slug} name={csv} label={title} />
      </Group>
      {children}
    </Card>
  );
}

/** Counts as a bar chart: plain elements, so screen readers read the numbers. */
function Bars({ rows, labels }: { rows: { key: string; count: number }[]; labels?: Readonly<Record<string, string>> }) {
  if (!rows.length) return <Text size="sm">{m.reports.empty}</Text>;
  const max = Math.max(...rows.map((r) => r.count), 1);
  return (
    <Stack gap={4} component="ul" className="plain-list">
      {rows.map((r) => (
        <li key={r.key}>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" w={150} truncate>{labels ? labelOf(labels, r.key) : r.key}</Text>
            <div className="bar-track"><div className="bar" style={{ width: `${(r.count / max) * 100}%` }} /></div>
            <Text size="sm" w={40} ta="right">{r.count}</Text>
          </Group>
        </li>
      ))}
    </Stack>
  );
}

type ActivityDay = { day: string; requestsSent: number; requestsAccepted: number; requestsDeclined: number; meetingsCancelled: number };

/** "3 Apr" for a YYYY-MM-DD day (a date, so no zone shift). */
function shortDay(day: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date(`${day}T12:00:00Z`));
}

/**
 * Requests sent and accepted per day as paired columns (SVG, scaled to the card), summarised in
 * words for screen readers, with the exact numbers in a table one click away.
 */
function ActivityChart({ days }: { days: ActivityDay[] }) {
  if (!days.length) return <Text size="sm">{m.reports.empty}</Text>;
  const max = Math.max(...days.map((d) => Math.max(d.requestsSent, d.requestsAccepted)), 1);
  const total = (key: 'requestsSent' | 'requestsAccepted') => days.reduce((sum, d) => sum + d[key], 0);
  const peak = days.reduce((best, d) => (d.requestsSent > best.requestsSent ? d : best), days[0]);
  const summary = fmt(m.reports.activitySummary, {
    sent: total('requestsSent'), accepted: total('requestsAccepted'), first: shortDay(days[0].day), last: shortDay(days[days.length - 1].day),
    peak: shortDay(peak.day), peakCount: peak.requestsSent,
  });
  const [column, height, axis] = [24, 120, 18];
  // Room at the right for the last day's label.
  const width = days.length * column + 16;
  const labelEvery = Math.ceil(days.length / 8);
  return (
    <Stack gap="xs">
      <Text size="sm" id="activity-summary">{summary}</Text>
      <Group gap="md">
        <Text size="xs"><span className="legend-swatch legend-sent" aria-hidden="true" /> {m.reports.activitySent}</Text>
        <Text size="xs"><span className="legend-swatch legend-accepted" aria-hidden="true" /> {m.reports.activityAccepted}</Text>
      </Group>
      <svg viewBox={`0 0 ${width} ${height + axis}`} className="activity-chart" role="img" aria-labelledby="activity-summary" preserveAspectRatio="none">
        {days.map((d, i) => {
          const sent = (d.requestsSent / max) * height;
          const accepted = (d.requestsAccepted / max) * height;
          return (
            <g key={d.day}>
              <rect className="bar-sent" x={i * column + 3} y={height - sent} width={9} height={sent}><title>{`${shortDay(d.day)}: ${d.requestsSent} ${m.reports.activitySent}`}</title></rect>
              <rect className="bar-accepted" x={i * column + 12} y={height - accepted} width={9} height={accepted}><title>{`${shortDay(d.day)}: ${d.requestsAccepted} ${m.reports.activityAccepted}`}</title></rect>
              {i % labelEvery === 0 && <text x={i * column + 3} y={height + 13} className="chart-label">{shortDay(d.day)}</text>}
            </g>
          );
        })}
        <line x1={0} x2={width} y1={height} y2={height} className="chart-axis" />
      </svg>
      <details>
        <summary>{m.reports.showNumbers}</summary>
        <div className="table-scroll">
          <Table>
            <Table.Thead>
              <Table.Tr><Table.Th>{m.reports.day}</Table.Th><Table.Th>{m.reports.activitySent}</Table.Th><Table.Th>{m.reports.activityAccepted}</Table.Th><Table.Th>{m.reports.activityDeclined}</Table.Th><Table.Th>{m.reports.activityCancelled}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {days.map((d) => (
                <Table.Tr key={d.day}><Table.Td>{shortDay(d.day)}</Table.Td><Table.Td>{d.requestsSent}</Table.Td><Table.Td>{d.requestsAccepted}</Table.Td><Table.Td>{d.requestsDeclined}</Table.Td><Table.Td>{d.meetingsCancelled}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </details>
    </Stack>
  );
}

function Matrix({ cells, labels }: { cells: { row: string; column: string; count: number }[]; labels?: Readonly<Record<string, string>> }) {
  const label = (key: string) => (labels ? labelOf(labels, key) : key);
  if (!cells.length) return <Text size="sm">{m.reports.empty}</Text>;
  const rows = [...new Set(cells.map((c) => c.row))].sort();
  const columns = [...new Set(cells.map((c) => c.column))].sort();
  const at = new Map(cells.map((c) => [`${c.row}\u0000${c.column}`, c.count]));
  return (
    <div className="table-scroll">
      <Table withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr><Table.Td />{columns.map((c) => <Table.Th key={c} scope="col">{label(c)}</Table.Th>)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r}>
              <Table.Th scope="row">{label(r)}</Table.Th>
              {columns.map((c) => <Table.Td key={c} ta="right">{at.get(`${r}\u0000${c}`) ?? 0}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function Reports({ event }: { event: EventBasics }) {
  const [{ data, error }] = useQuery({ query: ReportQuery, variables: { eventId: event.id }, requestPolicy: 'network-only' });
  const report = data?.outcomeReport;
  if (!report) return error ? <ErrorSummary errors={toErrors(error).general} /> : <PageLoader />;
  const slug = event.slug;
  const meetingRows = (Object.keys(m.reports.meetingCounts) as (keyof typeof m.reports.meetingCounts)[])
    .map((key) => ({ key: m.reports.meetingCounts[key], value: report.meetings[key] }));
  return (
    <div className="report-grid">
      <Part id="r-meetings" title={m.reports.meetings} csv="meetings" slug={slug}>
        <Table>
          <Table.Tbody>
            {meetingRows.map((r) => (
              <Table.Tr key={r.key}><Table.Th scope="row">{r.key}</Table.Th><Table.Td ta="right">{r.value == null ? '—' : typeof r.value === 'number' && !Number.isInteger(r.value) ? oneDecimal(r.value, locale) : r.value}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Part>
      <Part id="r-requests" title={m.reports.requests} csv="requests" slug={slug}><Bars rows={report.requests} labels={m.reports.requestKeys} /></Part>
      <Part id="r-activity" title={m.reports.activity} csv="activity" slug={slug}><ActivityChart days={report.activity} /></Part>
      <Part id="r-type" title={m.reports.byType} csv="participants-by-type" slug={slug}><Bars rows={report.participantsByType} labels={m.organisationType} /></Part>
      <Part id="r-country" title={m.reports.byCountry} csv="participants-by-country" slug={slug}><Bars rows={report.participantsByCountry} /></Part>
      <Part id="r-region" title={m.reports.byRegion} csv="participants-by-region" slug={slug}><Bars rows={report.participantsByRegion} /></Part>
      <Part id="r-type-matrix" title={m.reports.typeMatrix} csv="type-matrix" slug={slug}><Matrix cells={report.typeMatrix} labels={m.organisationType} /></Part>
      <Part id="r-region-matrix" title={m.reports.regionMatrix} csv="region-matrix" slug={slug}><Matrix cells={report.regionMatrix} /></Part>
      <Part id="r-outcomes" title={m.reports.outcomes} csv="outcomes-by-round" slug={slug}>
        {!report.outcomesByRound.length ? <Text size="sm">{m.reports.empty}</Text> : (
          <Table>
            <Table.Thead><Table.Tr><Table.Th>{m.reports.round}</Table.Th><Table.Th>{m.reports.outcome}</Table.Th><Table.Th>{m.reports.count}</Table.Th><Table.Th>{m.reports.averageRating}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {report.outcomesByRound.map((o) => (
                <Table.Tr key={`${o.round}-${o.outcome}`}><Table.Td>{o.round}</Table.Td><Table.Td>{outcomeLabel({ expected: m.feedback.outcomes, followUp: m.followUp.results }, o.round, o.outcome)}</Table.Td><Table.Td>{o.count}</Table.Td><Table.Td>{o.averageRating == null ? '—' : oneDecimal(o.averageRating, locale)}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Part>
      <Part id="r-themes" title={m.reports.themes} csv="themes" slug={slug}>
        {!report.themes.length ? <Text size="sm">{m.reports.empty}</Text> : (
          <div className="table-scroll">
            <Table>
              <Table.Thead><Table.Tr><Table.Th>{m.reports.theme}</Table.Th><Table.Th>{m.reports.offered}</Table.Th><Table.Th>{m.reports.demanded}</Table.Th><Table.Th>{m.reports.participants}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {report.themes.map((th) => (
                  <Table.Tr key={th.theme}><Table.Td>{th.theme}</Table.Td><Table.Td>{th.offered}</Table.Td><Table.Td>{th.demanded}</Table.Td><Table.Td>{th.participants}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Part>
    </div>
  );
}
