import { type EventEntity } from '../events/index.js';
import { type AgendaView, type SessionView } from './agenda.views.js';
import { zonedTime } from '../common/index.js';

/** The printable programme and its CSV, rendered from the published agenda in the event's zone. */

export const TYPE_LABEL: Record<string, string> = {
  OPENING: 'Opening',
  PLENARY: 'Plenary',
  KEYNOTE: 'Keynote',
  PANEL: 'Panel',
  ROUND_TABLE: 'Round table',
  WORKSHOP: 'Workshop',
  MATCHMAKING: 'B2B matchmaking',
  BREAK: 'Break',
  NETWORKING: 'Networking',
  SOCIAL: 'Social',
};

const ROLE_LABEL: Record<string, string> = { SPEAKER: 'Speaker', MODERATOR: 'Moderator', PANELLIST: 'Panellist', HOST: 'Host' };

export function renderAgendaHtml(event: EventEntity, agenda: AgendaView): string {
  const tz = event.timeZone;
  const dayTitle = (date: string) =>
    new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${date}T12:00:00Z`),
    );
  const sessionHtml = (s: SessionView) => {
    const people = s.people
      .map((p) => `<li><span class="role">${esc(ROLE_LABEL[p.role] ?? p.role)}</span> ${esc(p.name)}${p.organisationName ? `, <span class="org">${esc(p.organisationName)}</span>` : ''}</li>`)
      .join('');
    const tables = s.roundTables
      .map((t) => `<li><strong>${esc(t.topic)}</strong>${t.hostName ? ` — host: ${esc(t.hostName)}` : ''} <span class="seats">(${t.seats} seats)</span></li>`)
      .join('');
    return `
      <tr class="session type-${s.type.toLowerCase()}" id="session-${esc(s.id)}">
        <td class="time"><time datetime="${s.startsAt.toISOString()}">${zonedTime(s.startsAt, tz)}</time>–<time datetime="${s.endsAt.toISOString()}">${zonedTime(s.endsAt, tz)}</time></td>
        <td class="what">
          <div class="kind">${esc(TYPE_LABEL[s.type] ?? s.type)}${s.track ? ` · <span class="track" style="border-color:${esc(s.track.colour)}">${esc(s.track.name)}</span>` : ''}</div>
          <h3>${esc(s.title)}</h3>
          ${s.description ? `<p class="description">${esc(s.description)}</p>` : ''}
          ${people ? `<ul class="people">${people}</ul>` : ''}
          ${tables ? `<ol class="tables">${tables}</ol>` : ''}
        </td>
        <td class="room">${s.room ? esc(s.room.name) + (s.room.location ? `<br><small>${esc(s.room.location)}</small>` : '') : ''}</td>
      </tr>`;
  };
  const days = agenda.days
    .map(
      (day) => `
    <section class="day">
      <h2>${esc(dayTitle(day.date))}</h2>
      ${
        day.sessions.length
          ? `<table><thead><tr><th>Time</th><th>Session</th><th>Room</th></tr></thead><tbody>${day.sessions.map(sessionHtml).join('')}</tbody></table>`
          : '<p class="empty">No sessions published for this day yet.</p>'
      }
    </section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agenda — ${esc(event.name)}</title>
<style>
  body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
  header h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  header p { margin: 0; color: #444; }
  h2 { font-size: 1.2rem; border-bottom: 2px solid #111; padding-bottom: .2rem; margin-top: 2rem; }
  h3 { font-size: 1rem; margin: .1rem 0; }
  table { width: 100%; border-collapse: collapse; }
  th { text-align: left; font-size: .8rem; text-transform: uppercase; color: #555; border-bottom: 1px solid #999; }
  td { vertical-align: top; padding: .45rem .5rem .45rem 0; border-bottom: 1px solid #ddd; }
  td.time { white-space: nowrap; width: 7.5rem; font-variant-numeric: tabular-nums; }
  td.room { width: 11rem; }
  .kind { font-size: .8rem; color: #555; text-transform: uppercase; letter-spacing: .03em; }
  .track { border-left: 4px solid; padding-left: .3rem; }
  .description { margin: .2rem 0; }
  ul.people, ol.tables { margin: .2rem 0; padding-left: 1.2rem; }
  .role { font-size: .8rem; color: #555; }
  .type-break td, .type-networking td { color: #555; background: #f6f6f6; }
  footer { margin-top: 2rem; font-size: .8rem; color: #555; }
  @media print {
    body { margin: 0; max-width: none; }
    section.day { break-before: page; }
    section.day:first-of-type { break-before: auto; }
    tr { break-inside: avoid; }
  }
</style>
</head>
<body>
<header>
  <h1>${esc(event.name)}</h1>
  ${event.venue || event.address ? `<p>${esc([event.venue, event.address].filter(Boolean).join(', '))}</p>` : ''}
  <p>${esc(event.startsOn)} to ${esc(event.endsOn)} · all times in ${esc(tz)} time</p>
</header>
${days}
<footer>Programme as published; subject to change.</footer>
</body>
</html>
`;
}

const CSV_COLUMNS = ['date', 'start', 'end', 'time_zone', 'title', 'type', 'track', 'room', 'speakers', 'moderators', 'round_tables', 'language', 'capacity', 'description', 'session_id'];

/** RFC 4180 CSV with a header line; local times in the event's zone. */
export function renderAgendaCsv(event: EventEntity, agenda: AgendaView): string {
  const tz = event.timeZone;
  const lines = [CSV_COLUMNS.join(',')];
  for (const day of agenda.days) {
    for (const s of day.sessions) {
      const names = (roles: string[]) => s.people.filter((p) => roles.includes(p.role)).map((p) => p.name).join('; ');
      lines.push(
        [
          day.date,
          zonedTime(s.startsAt, tz),
          zonedTime(s.endsAt, tz),
          tz,
          s.title,
          s.type,
          s.track?.name ?? '',
          s.room?.name ?? '',
          names(['SPEAKER', 'PANELLIST']),
          names(['MODERATOR', 'HOST']),
          s.roundTables.map((t) => `${t.topic}${t.hostName ? ` (${t.hostName})` : ''}`).join('; '),
          s.language ?? '',
          s.capacity?.toString() ?? '',
          s.description ?? '',
          s.id,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return lines.join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  // Formula-looking cells are prefixed so spreadsheets do not execute them.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
