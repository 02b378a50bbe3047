import QRCode from 'qrcode';
import { PRINTABLE_PAGE_CSP } from '../../apps/api/http/http-hardening.js';
import { errorCode, TestApp } from '../support/test-app.js';
import { matchmakingEvent, type MatchmakingEvent, participant, type Person, person } from '../support/matchmaking-fixtures.js';

const LINK = `mutation($e: ID!, $p: Printout!) { printoutLink(eventId: $e, printout: $p) { url expiresAt } }`;
const REGISTER = `mutation($eventId: ID!) { registerForEvent(eventId: $eventId, consentVersion: "2026-11") { id status } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!) { decideRegistration(participationId: $id, approve: $approve) { status } }`;
const SET_ROLE = `mutation($id: ID!, $role: ParticipantRole!) { setParticipantRole(participationId: $id, role: $role) { role } }`;

/** The badges of a page in print order: participation id, role and what is printed on it. */
function badgesOf(html: string) {
  return [...html.matchAll(/<article class="badge" data-participation="([^"]+)" data-role="([A-Z]+)">(.*?)<\/article>/gs)].map(([, id, role, inner]) => ({ id, role, inner }));
}

describe('name badges printout (HTTP end to end)', () => {
  let t: TestApp;
  let ev: MatchmakingEvent;
  let slug: string;
  let other: MatchmakingEvent;
  let anna: Person; // participant
  let sami: Person; // speaker
  let cecilia: Person; // keeps her organisation to organisers
  let pending: Person;
  let declined: Person;
  const pid = new Map<string, string>(); // account id → participation id

  const get = (path: string, token?: string) => fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'manual' });
  /** As the organiser unless another token, or null for nobody signed in, is given. */
  const badges = (query = '', token: string | null = ev.organiser.token) => get(`/events/${slug}/badges.html${query}`, token ?? undefined);

  beforeAll(async () => {
    t = await TestApp.start();
    ev = await matchmakingEvent(t);
    [{ slug }] = await t.db.query(`SELECT slug FROM event WHERE id = $1`, [ev.eventId]);
    anna = await participant(t, ev, 'Anna Aalto', { organisation: { name: 'Lapland Mining Cluster', type: 'CLUSTER', country: 'FI' } });
    sami = await participant(t, ev, `Sami "<Speaker>" O'Neill & Co`, { organisation: { name: 'R&D <Labs>', type: 'RESEARCH', country: 'FI' } });
    cecilia = await participant(t, ev, 'Cecilia Research', {
      organisation: { name: 'Secret Institute', type: 'RESEARCH', country: 'FI' },
      profile: { visibility: [{ field: 'ORGANISATION', audience: 'MEETING_PARTNERS' }] },
    });
    for (const row of await t.db.query(`SELECT id, account_id FROM participation WHERE event_id = $1`, [ev.eventId])) pid.set(row.account_id, row.id);
    await t.ok(SET_ROLE, { id: pid.get(sami.accountId), role: 'SPEAKER' }, ev.organiser.token);
    // Two registrations that are not approved: one waiting, one declined.
    await t.ok(`mutation($id: ID!) { updateEvent(id: $id, input: { requiresApproval: true }) { id } }`, { id: ev.eventId }, ev.organiser.token);
    pending = await person(t, 'Pekka Pending');
    declined = await person(t, 'Dina Declined');
    await t.ok(REGISTER, { eventId: ev.eventId }, pending.token);
    const { registerForEvent } = await t.ok(REGISTER, { eventId: ev.eventId }, declined.token);
    await t.ok(DECIDE, { id: registerForEvent.id, approve: false }, ev.organiser.token);
    other = await matchmakingEvent(t);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('prints one badge per approved participant for the organisers, as a self-contained page', async () => {
    const res = await badges();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(PRINTABLE_PAGE_CSP);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    const printed = badgesOf(html);
    // The organiser, Anna, Cecilia and Sami, by name; neither the waiting nor the declined one.
    expect(printed.map((b) => b.id)).toEqual([pid.get(anna.accountId), pid.get(cecilia.accountId), pid.get(ev.organiser.accountId), pid.get(sami.accountId)]);
    expect(printed.map((b) => b.role)).toEqual(['PARTICIPANT', 'PARTICIPANT', 'ORGANISER', 'SPEAKER']);
    expect(html).not.toContain('Pekka Pending');
    expect(html).not.toContain('Dina Declined');
    // Names and organisations escaped; Cecilia's organisation kept off the badge.
    expect(printed[3].inner).toContain('Sami &quot;&lt;Speaker&gt;&quot; O&#39;Neill &amp; Co');
    expect(printed[3].inner).toContain('R&amp;D &lt;Labs&gt;');
    expect(printed[3].inner).toContain('>Speaker</div>');
    expect(printed[0].inner).toContain('Lapland Mining Cluster');
    expect(html).not.toContain('Secret Institute');
  });

  it('encodes the check-in desk address of each person in the code', async () => {
    const html = await badges().then((r) => r.text());
    const expected = await QRCode.toString(`${t.config.publicBaseUrl}/organise/${slug}/check-in#p=${pid.get(anna.accountId)}`, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
    expect(badgesOf(html)[0].inner).toContain(expected);
  });

  it('prints one role, or a few by id, and refuses anything else with a clear text', async () => {
    const speakers = badgesOf(await badges('?role=SPEAKER').then((r) => r.text()));
    expect(speakers.map((b) => b.id)).toEqual([pid.get(sami.accountId)]);
    const organisers = badgesOf(await badges('?role=organiser').then((r) => r.text()));
    expect(organisers.map((b) => b.id)).toEqual([pid.get(ev.organiser.accountId)]);
    // A reprint: ids of other events' people or of unapproved registrations print nothing.
    const [notApproved] = await t.db.query(`SELECT id FROM participation WHERE account_id = $1`, [pending.accountId]);
    const [elsewhere] = await t.db.query(`SELECT id FROM participation WHERE event_id = $1`, [other.eventId]);
    const few = badgesOf(await badges(`?ids=${pid.get(cecilia.accountId)},${pid.get(anna.accountId)},${notApproved.id},${elsewhere.id}`).then((r) => r.text()));
    expect(few.map((b) => b.id)).toEqual([pid.get(anna.accountId), pid.get(cecilia.accountId)]);
    const both = badgesOf(await badges(`?role=SPEAKER&ids=${pid.get(anna.accountId)}`).then((r) => r.text()));
    expect(both).toEqual([]);

    const badRole = await badges('?role=GUEST');
    expect(badRole.status).toBe(400);
    expect(badRole.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await badRole.text()).toBe('role must be one of ORGANISER, SPEAKER, PARTICIPANT.');
    const badIds = await badges('?ids=12,abc');
    expect(badIds.status).toBe(400);
    expect(await badIds.text()).toBe('ids must be participation ids separated by commas.');
    expect((await badges('?role=SPEAKER&role=ORGANISER')).status).toBe(400);
  });

  it('is for the event’s organisers only, answering as the other organiser printouts do', async () => {
    // The same answers as the table plans, the other organisers' printout.
    for (const [token, status] of [[anna.token, 403], [sami.token, 403], [other.organiser.token, 403], [pending.token, 403], [null, 401]] as const) {
      expect([(await badges('', token)).status, (await get(`/events/${slug}/meeting-plans/tables.html`, token ?? undefined)).status]).toEqual([status, status]);
    }
    // Not even a bad query tells anyone else what the page accepts.
    expect((await badges('?role=GUEST', anna.token)).status).toBe(403);
    expect((await badges('?role=GUEST', null)).status).toBe(401);
    expect((await get(`/events/no-such-event/badges.html`, ev.organiser.token)).status).toBe(404);
  });

  it('opens by a printout link without signing in; a link to another page does not open it', async () => {
    const { printoutLink } = await t.ok(LINK, { e: ev.eventId, p: 'BADGES' }, ev.organiser.token);
    const link = new URL(printoutLink.url);
    expect(link.pathname).toBe(`/events/${slug}/badges.html`);
    expect(new Date(printoutLink.expiresAt).getTime() - Date.now()).toBeGreaterThan(11 * 3_600_000);
    const opened = await get(`${link.pathname}${link.search}`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
    expect(badgesOf(await opened.text())).toHaveLength(4);
    // The link's token opens that page with a role too, but no other page.
    const token = link.searchParams.get('access_token')!;
    expect(badgesOf(await get(`${link.pathname}?role=SPEAKER&access_token=${token}`).then((r) => r.text()))).toHaveLength(1);
    expect((await get(`/events/${slug}/meeting-plans/tables.html?access_token=${token}`)).status).toBe(401);
    expect((await get(`/events/${slug}/booklet.html?access_token=${token}`)).status).toBe(401);

    // A link made for another page does not open the badges.
    const { printoutLink: booklet } = await t.ok(LINK, { e: ev.eventId, p: 'BOOKLET' }, ev.organiser.token);
    const bookletToken = new URL(booklet.url).searchParams.get('access_token')!;
    expect((await get(`/events/${slug}/badges.html?access_token=${bookletToken}`)).status).toBe(401);
    // Only organisers get a badges link.
    expect(errorCode(await t.gql(LINK, { e: ev.eventId, p: 'BADGES' }, anna.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LINK, { e: ev.eventId, p: 'BADGES' }, sami.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LINK, { e: ev.eventId, p: 'BADGES' }, other.organiser.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LINK, { e: ev.eventId, p: 'BADGES' }))).toBe('UNAUTHENTICATED');
  });
});
