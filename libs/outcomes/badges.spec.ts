import QRCode from 'qrcode';
import { ParticipantRole } from '../events/index.js';
import { type Badge, badgeCheckInUrl, BADGES_PER_PAGE, parseBadgeSelection, renderBadgesHtml } from './badges.js';

const BASE = 'https://clustermeet.example';
const EVENT = { name: 'Clusters meet Regions <2030>', slug: 'cmr-2030' };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const badge = (n: number, name: string, role = ParticipantRole.PARTICIPANT, organisation: string | null = null): Badge => ({ participationId: id(n), name, role, organisation });

/** The badges of the page in print order, each as its participation id, role and inner HTML. */
function badgesOf(html: string) {
  return [...html.matchAll(/<article class="badge" data-participation="([^"]+)" data-role="([A-Z]+)">(.*?)<\/article>/gs)].map(([, pid, role, inner]) => ({ pid, role, inner }));
}

describe('name badges page', () => {
  it('prints one badge per person, sorted by name the Finnish way, with every text escaped', async () => {
    const html = await renderBadgesHtml(EVENT, BASE, [
      badge(1, 'Östen Öberg'),
      badge(2, `Zoë "Z" O'Hara <script>alert(1)</script> & co`, ParticipantRole.SPEAKER, 'R&D <Labs> "Oy"'),
      badge(3, 'Aino Äijälä'),
      badge(4, 'Ärpä Aalto'),
    ]);
    const badges = badgesOf(html);
    expect(badges.map((b) => b.pid)).toEqual([id(3), id(2), id(4), id(1)]); // A…, Z…, Ä…, Ö… (Finnish: ä and ö after z)
    expect(html).not.toContain('<script>');
    expect(badges[1].inner).toContain('Zoë &quot;Z&quot; O&#39;Hara &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(badges[1].inner).toContain('<div class="org">R&amp;D &lt;Labs&gt; &quot;Oy&quot;</div>');
    expect(html).toContain('<title>Clusters meet Regions &lt;2030&gt; — name badges</title>');
    for (const b of badges) expect(b.inner).toContain('<div class="event">Clusters meet Regions &lt;2030&gt;</div>');
  });

  it('leaves the organisation out when the caller withheld it, and labels each role with its band', async () => {
    const html = await renderBadgesHtml(EVENT, BASE, [
      badge(1, 'Olga Organiser', ParticipantRole.ORGANISER, 'Regional Council'),
      badge(2, 'Sami Speaker', ParticipantRole.SPEAKER, null),
      badge(3, 'Pia Participant', ParticipantRole.PARTICIPANT, 'Mining Cluster'),
    ]);
    const [olga, pia, sami] = badgesOf(html);
    expect(olga.inner).toContain('<div class="org">Regional Council</div>');
    expect(sami.inner).not.toContain('class="org"');
    expect([olga, pia, sami].map((b) => b.role)).toEqual(['ORGANISER', 'PARTICIPANT', 'SPEAKER']);
    expect(olga.inner).toContain('<div class="role role-ORGANISER">Organiser</div>');
    expect(sami.inner).toContain('<div class="role role-SPEAKER">Speaker</div>');
    expect(pia.inner).toContain('<div class="role role-PARTICIPANT">Participant</div>');
    // Each band has its own colour, printed as it is.
    const colours = ['ORGANISER', 'SPEAKER', 'PARTICIPANT'].map((r) => html.match(new RegExp(`\\.role-${r}\\{background:(#[0-9a-f]{6})\\}`))?.[1]);
    expect(new Set(colours).size).toBe(3);
    expect(colours).not.toContain(undefined);
    expect(html).toContain('print-color-adjust:exact');
  });

  it('carries the code that qrcode makes for the check-in desk at that person', async () => {
    const html = await renderBadgesHtml(EVENT, `${BASE}/`, [badge(7, 'Anna Aalto')]);
    const url = `${BASE}/organise/cmr-2030/check-in#p=${id(7)}`;
    expect(badgeCheckInUrl(`${BASE}/`, EVENT.slug, id(7))).toBe(url);
    const expected = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
    expect(expected.startsWith('<svg')).toBe(true);
    expect(badgesOf(html)[0].inner).toContain(`<div class="qr" aria-label="Check-in code">${expected}</div>`);
    // Another person's code differs.
    const other = await QRCode.toString(badgeCheckInUrl(BASE, EVENT.slug, id(8)), { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
    expect(html).not.toContain(other);
  });

  it('lays out A4 sheets of 2 × 4 badges of 90 × 55 mm with cut lines, never splitting a badge', async () => {
    const people = Array.from({ length: 19 }, (_, i) => badge(i + 1, `Person ${String(i + 1).padStart(2, '0')}`));
    const html = await renderBadgesHtml(EVENT, BASE, people);
    expect(BADGES_PER_PAGE).toBe(8);
    const sheets = [...html.matchAll(/<section class="sheet">(.*?)<\/section>/gs)].map(([, inner]) => badgesOf(inner).length);
    expect(sheets).toEqual([8, 8, 3]);
    expect(badgesOf(html)).toHaveLength(19);
    expect(html).toMatch(/@page\{size:A4;margin:15mm\}/);
    expect(html).toContain('grid-template-columns:repeat(2,90mm);grid-auto-rows:55mm');
    expect(html).toMatch(/\.badge\{break-inside:avoid;border:[^;]*dashed/);
    expect(html).toContain('.sheet{');
    expect(html).toMatch(/\.sheet\{[^}]*break-after:page/);
    expect(html).not.toMatch(/<script|<img|<link|url\(/);
  });

  it('says so when there is nobody to print', async () => {
    const html = await renderBadgesHtml(EVENT, BASE, []);
    expect(html).toContain('No badges to print.');
    expect(badgesOf(html)).toHaveLength(0);
  });
});

describe('badges query', () => {
  it('reads a role and participation ids', () => {
    expect(parseBadgeSelection(undefined, undefined)).toEqual({ role: null, ids: null });
    expect(parseBadgeSelection('speaker', undefined)).toEqual({ role: 'SPEAKER', ids: null });
    expect(parseBadgeSelection(undefined, ` ${id(1)},${id(2).toUpperCase()},${id(1)}, `)).toEqual({ role: null, ids: [id(1), id(2)] });
  });

  it('refuses anything else with a message saying what is expected', () => {
    expect(() => parseBadgeSelection('GUEST', undefined)).toThrow('role must be one of ORGANISER, SPEAKER, PARTICIPANT.');
    expect(() => parseBadgeSelection(['SPEAKER', 'ORGANISER'], undefined)).toThrow('role must be one of');
    expect(() => parseBadgeSelection(undefined, 'abc')).toThrow('ids must be participation ids separated by commas.');
    expect(() => parseBadgeSelection(undefined, '')).toThrow('ids must be participation ids');
    expect(() => parseBadgeSelection(undefined, Array.from({ length: 201 }, (_, i) => id(i)).join(','))).toThrow('at most 200');
  });
});
