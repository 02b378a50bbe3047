import { type BookletEntry, type PlanMeeting } from './printouts.service.js';

const TYPE_LABEL: Record<string, string> = {
  CLUSTER: 'Clusters',
  SME: 'SMEs',
  LARGE_COMPANY: 'Large companies',
  RESEARCH: 'Research and education',
  PUBLIC_AUTHORITY: 'Public authorities',
  INVESTOR: 'Investors',
  OTHER: 'Other organisations',
};

const STYLE = `body{font-family:system-ui,sans-serif;margin:2em;color:#111}h1{margin-bottom:0}
.entry{break-inside:avoid;border-bottom:1px solid #ccc;padding:.5em 0}.org{color:#444}
table{border-collapse:collapse;width:100%;margin-bottom:1.5em}td,th{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}
section{break-after:page}@media print{body{margin:0}}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** Participants grouped by organisation type, each with what they chose to show everyone. */
export function renderBookletHtml(event: { name: string }, entries: BookletEntry[]): string {
  const groups = new Map<string, BookletEntry[]>();
  for (const e of entries) {
    const key = e.organisationType ?? 'UNSPECIFIED';
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const order = [...Object.keys(TYPE_LABEL), 'UNSPECIFIED'];
  const sections = order
    .filter((k) => groups.has(k))
    .map(
      (k) => `<section><h2>${esc(TYPE_LABEL[k] ?? 'Organisation not shown')} (${groups.get(k)!.length})</h2>${groups
        .get(k)!
        .map(
          (e) => `<div class="entry"><h3>${esc(e.name)}${e.jobTitle ? `, <small>${esc(e.jobTitle)}</small>` : ''}</h3>
${e.organisation ? `<div class="org">${esc(e.organisation)}${e.region || e.country ? ` — ${esc([e.region, e.country].filter(Boolean).join(', '))}` : ''}</div>` : ''}
${e.pitch ? `<p>${esc(e.pitch)}</p>` : ''}
${e.themes.length ? `<div><strong>Themes:</strong> ${esc(e.themes.join(', '))}</div>` : ''}
${e.offers.length ? `<div><strong>Offers:</strong><ul>${e.offers.map((o) => `<li>${esc(o)}</li>`).join('')}</ul></div>` : ''}
${e.requests.length ? `<div><strong>Looking for:</strong><ul>${e.requests.map((o) => `<li>${esc(o)}</li>`).join('')}</ul></div>` : ''}</div>`,
        )
        .join('')}</section>`,
    )
    .join('');
  return page(`${event.name} — participants`, `<h1>${esc(event.name)}</h1><p>Participants' booklet: ${entries.length} participants.</p>${sections || '<p>No one is listed yet.</p>'}`);
}

/** A participant's meetings, or every table's (grouped by table, a page each), in the event's zone. */
export function renderPlanHtml(event: { name: string; timeZone: string }, title: string, meetings: PlanMeeting[], byTable: boolean): string {
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: event.timeZone });
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: event.timeZone });
  const row = (m: PlanMeeting) =>
    `<tr><td>${esc(day.format(m.startsAt))}</td><td><time datetime="${m.startsAt.toISOString()}">${time.format(m.startsAt)}</time>–${time.format(m.endsAt)}</td>` +
    `<td>${m.tableNumber}${m.tableName ? ` (${esc(m.tableName)})` : ''}</td>` +
    `<td>${m.people.map((p) => `${esc(p.name)}${p.organisation ? `, <span class="org">${esc(p.organisation)}</span>` : ''}`).join('<br>')}</td></tr>`;
  const table = (list: PlanMeeting[]) =>
    `<table><thead><tr><th>Day</th><th>Time (${esc(event.timeZone)})</th><th>Table</th><th>Who</th></tr></thead><tbody>${list.map(row).join('')}</tbody></table>`;
  let body: string;
  if (!meetings.length) body = '<p>No meetings booked.</p>';
  else if (!byTable) body = table(meetings);
  else {
    const tables = [...new Set(meetings.map((m) => m.tableNumber))];
    body = tables.map((n) => `<section><h2>Table ${n}</h2>${table(meetings.filter((m) => m.tableNumber === n))}</section>`).join('');
  }
  return page(`${event.name} — ${title}`, `<h1>${esc(event.name)}</h1><h2>${esc(title)}</h2>${body}`);
}

function esc(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
