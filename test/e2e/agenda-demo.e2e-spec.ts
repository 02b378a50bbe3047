import { AgendaService } from '../../libs/agenda/index.js';
import { DEMO_EVENT } from '../../libs/demo/index.js';
import { TestApp } from '../support/test-app.js';

/** The Kittilä demo programme: by day in Europe/Helsinki, conflict-free, printable. */
describe('demo agenda', () => {
  let t: TestApp;
  let eventId: string;
  const login = (email: string) => t.loginDemo(email);

  beforeAll(async () => {
    t = await TestApp.start();
    eventId = await t.seedDemoEvent();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('has the reference programme over three days with round tables and matchmaking blocks', async () => {
    const { agenda } = await t.ok(
      `query($e: ID!) { agenda(eventId: $e) { timeZone days { date sessions { title type startsAt room { name } people { name role } roundTables { topic hostName seats } } } } }`,
      { e: eventId },
    );
    expect(agenda.timeZone).toBe('Europe/Helsinki');
    expect(agenda.days.map((d: any) => d.date)).toEqual(['2023-04-25', '2023-04-26', '2023-04-27']);
    const day26 = agenda.days[1].sessions;
    const roundTables = day26.filter((s: any) => s.type === 'ROUND_TABLE');
    expect(roundTables.map((s: any) => s.title.split(':')[0])).toEqual(['Round Table I', 'Round Table II', 'Round Table III']);
    for (const rt of roundTables) {
      expect(rt.roundTables).toHaveLength(3);
      expect(rt.roundTables.every((x: any) => x.hostName)).toBe(true);
    }
    expect(day26.find((s: any) => s.type === 'KEYNOTE').title).toMatch(/^Green Deal Industrial Plan/);
    expect(agenda.days[2].sessions[0].title).toMatch(/^Session IV/);
    expect(agenda.days[2].sessions.some((s: any) => s.title.startsWith('Debates'))).toBe(true);
    const matchmaking = agenda.days.flatMap((d: any) => d.sessions.filter((s: any) => s.type === 'MATCHMAKING').map(() => d.date));
    expect(matchmaking).toEqual(['2023-04-26', '2023-04-27']);
    // 09:00 in Helsinki (UTC+3 in April) is 06:00 UTC.
    expect(day26.find((s: any) => s.type === 'OPENING').startsAt).toBe('2023-04-26T06:00:00.000Z');
  });

  it('is free of conflicts and gives the demo logins something in their agenda', async () => {
    const organiser = await login('organiser@cmr-kittila.example');
    const { agendaConflicts } = await t.ok(`query($e: ID!) { agendaConflicts(eventId: $e) { kind message } }`, { e: eventId }, organiser);
    expect(agendaConflicts).toEqual([]);
    const participant = await login('participant@cmr-kittila.example');
    const { myAgenda } = await t.ok(`query($e: ID!) { myAgenda(eventId: $e) { session { type } reasons } }`, { e: eventId }, participant);
    expect(myAgenda).toEqual([
      { session: { type: 'ROUND_TABLE' }, reasons: ['SEATED'] },
      { session: { type: 'KEYNOTE' }, reasons: ['BOOKMARKED'] },
    ]);
    const speaker = await login('speaker@cmr-kittila.example');
    const mine = await t.ok(`query($e: ID!) { myAgenda(eventId: $e) { reasons } }`, { e: eventId }, speaker);
    expect(mine.myAgenda).toEqual([{ reasons: ['PANELLIST'] }]);
  });

  it('exposes commitments for matchmaking, without the matchmaking blocks', async () => {
    const commitments = await t.app.get(AgendaService).commitments(eventId);
    expect(commitments.length).toBeGreaterThan(20);
    const reasons = new Set(commitments.map((c) => c.reason));
    expect([...reasons].sort()).toEqual(['HOST', 'MODERATOR', 'PANELLIST', 'SEATED', 'SPEAKER', 'TABLE_HOST']);
    const [{ id: participant }] = await t.db.query(`SELECT id FROM account WHERE email = 'participant@cmr-kittila.example'`);
    const own = await t.app.get(AgendaService).commitments(eventId, [participant]);
    expect(own).toEqual([
      { accountId: participant, sessionId: expect.any(String), startsAt: new Date('2023-04-26T07:30:00Z'), endsAt: new Date('2023-04-26T09:00:00Z'), reason: 'SEATED' },
    ]);
  });

  it('prints the programme by day in Helsinki time', async () => {
    const res = await fetch(`${t.baseUrl}/events/${DEMO_EVENT.slug}/agenda.html`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const days = [...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(days).toEqual(['Tuesday, 25 April 2023', 'Wednesday, 26 April 2023', 'Thursday, 27 April 2023']);
    const day26 = html.slice(html.indexOf('Wednesday, 26 April 2023'), html.indexOf('Thursday, 27 April 2023'));
    expect(day26).toMatch(/09:00<\/time>–<time[^>]*>10:15<\/time>[\s\S]*East and North Finland in industrial transition/);
    expect(day26).toContain('Valorising tailings and mine waste');
    expect(day26).toMatch(/15:30<\/time>–<time[^>]*>18:00<\/time>[\s\S]*B2B matchmaking/);
    const csv = await (await fetch(`${t.baseUrl}/events/${DEMO_EVENT.slug}/agenda.csv`)).text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 21);
  });
});
