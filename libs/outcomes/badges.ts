import QRCode from 'qrcode';
import { CommonException } from '../common/index.js';
import { isUuid, ParticipantRole } from '../events/index.js';

/** One name badge: an approved participation of the event. */
export interface Badge {
  participationId: string;
  name: string;
  /** Null when the person keeps their organisation to meeting partners or organisers. */
  organisation: string | null;
  role: ParticipantRole;
}

/** Which badges to print: a role's, a few by participation id, or (both null) everyone's. */
export interface BadgeSelection {
  role: ParticipantRole | null;
  ids: string[] | null;
}

/** A reprint is a handful of badges; a page of ids this long is a mistake, not a reprint. */
export const BADGE_IDS_MAX = 200;

/** 2 × 4 badges of 90 × 55 mm fill an A4 sheet inside 15 mm margins, each badge cut out by its dashed line. */
export const BADGES_PER_PAGE = 8;

const ROLE_LABEL: Record<ParticipantRole, string> = { ORGANISER: 'Organiser', SPEAKER: 'Speaker', PARTICIPANT: 'Participant' };

/** Dark bands with white text, told apart in greyscale too (organiser darkest). */
const ROLE_COLOUR: Record<ParticipantRole, string> = { ORGANISER: '#7f1d1d', SPEAKER: '#1e3a8a', PARTICIPANT: '#166534' };

/**
 * Names sort the Finnish way (å, ä, ö after z; accents otherwise ignored): the events are run from
 * Finland and events have no language of their own; for the other alphabets of the workshop's
 * guests this reads as the usual alphabetical order.
 */
const NAME_ORDER = new Intl.Collator('fi', { sensitivity: 'base', numeric: true });

const STYLE = `@page{size:A4;margin:15mm}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,sans-serif;color:#111;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sheet{display:grid;grid-template-columns:repeat(2,90mm);grid-auto-rows:55mm;width:180mm;break-after:page}
.sheet:last-child{break-after:auto}
.badge{break-inside:avoid;border:.2mm dashed #888;display:grid;grid-template-columns:1fr 24mm;grid-template-rows:auto 1fr auto;overflow:hidden}
.event{grid-column:1/3;font-size:8pt;color:#444;padding:3mm 4mm 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.who{padding:1mm 2mm 1mm 4mm;display:flex;flex-direction:column;justify-content:center;min-width:0}
.name{font-size:17pt;font-weight:700;line-height:1.1;margin:0;overflow-wrap:break-word;hyphens:auto;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
.name.long{font-size:13pt}
.org{font-size:9.5pt;margin-top:1.5mm;color:#333;overflow-wrap:break-word;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.qr{align-self:center;padding-right:3mm}.qr svg{display:block;width:21mm;height:21mm}
.role{grid-column:1/3;color:#fff;font-size:10pt;font-weight:700;letter-spacing:.08em;text-transform:uppercase;padding:1.5mm 4mm}
.role-ORGANISER{background:${ROLE_COLOUR.ORGANISER}}.role-SPEAKER{background:${ROLE_COLOUR.SPEAKER}}.role-PARTICIPANT{background:${ROLE_COLOUR.PARTICIPANT}}
.empty{margin:15mm}
@media screen{body{background:#eee}.sheet{background:#fff;margin:5mm auto;outline:1px solid #ccc}}`;

/**
 * The query of badges.html read strictly: `role` one of the roles, `ids` participation ids
 * separated by commas. Anything else is refused with a message that says what is expected.
 */
export function parseBadgeSelection(role: unknown, ids: unknown): BadgeSelection {
  const selection: BadgeSelection = { role: null, ids: null };
  if (role !== undefined) {
    if (typeof role !== 'string' || !(Object.values(ParticipantRole) as string[]).includes(role.toUpperCase())) {
      throw CommonException.invalidInput('role', `role must be one of ${Object.values(ParticipantRole).join(', ')}.`);
    }
    selection.role = role.toUpperCase() as ParticipantRole;
  }
  if (ids !== undefined) {
    const list = typeof ids === 'string' ? ids.split(',').map((s) => s.trim()).filter(Boolean) : null;
    if (!list?.length || !list.every(isUuid)) throw CommonException.invalidInput('ids', 'ids must be participation ids separated by commas.');
    if (list.length > BADGE_IDS_MAX) throw CommonException.invalidInput('ids', `ids can name at most ${BADGE_IDS_MAX} participations.`, { max: BADGE_IDS_MAX });
    selection.ids = [...new Set(list.map((id) => id.toLowerCase()))];
  }
  return selection;
}

/** The address a badge's code opens: the organisers' check-in desk at that person (no secret in it). */
export function badgeCheckInUrl(publicBaseUrl: string, slug: string, participationId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/organise/${encodeURIComponent(slug)}/check-in#p=${participationId}`;
}

/** The code as inline SVG (the page's policy allows no fetched or data images to be needed). */
export function badgeQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
}

/**
 * Printable A4 sheets of name badges, 8 a sheet, one per given participation, sorted by name.
 * Pure apart from computing the codes: the caller decides who is on it and what they show.
 */
export async function renderBadgesHtml(event: { name: string; slug: string }, publicBaseUrl: string, badges: Badge[]): Promise<string> {
  const sorted = [...badges].sort((a, b) => NAME_ORDER.compare(a.name, b.name) || a.participationId.localeCompare(b.participationId));
  const cards = await Promise.all(
    sorted.map(async (b) => {
      const qr = await badgeQrSvg(badgeCheckInUrl(publicBaseUrl, event.slug, b.participationId));
      return (
        `<article class="badge" data-participation="${esc(b.participationId)}" data-role="${b.role}">` +
        `<div class="event">${esc(event.name)}</div>` +
        `<div class="who"><h2 class="name${b.name.length > 28 ? ' long' : ''}">${esc(b.name)}</h2>` +
        `${b.organisation ? `<div class="org">${esc(b.organisation)}</div>` : ''}</div>` +
        `<div class="qr" aria-label="Check-in code">${qr}</div>` +
        `<div class="role role-${b.role}">${ROLE_LABEL[b.role]}</div></article>`
      );
    }),
  );
  const sheets: string[] = [];
  for (let i = 0; i < cards.length; i += BADGES_PER_PAGE) sheets.push(`<section class="sheet">${cards.slice(i, i + BADGES_PER_PAGE).join('')}</section>`);
  const title = `${event.name} — name badges`;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head>` +
    `<body><h1 hidden>${esc(title)}</h1>${sheets.join('') || '<p class="empty">No badges to print.</p>'}</body></html>`
  );
}

function esc(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
