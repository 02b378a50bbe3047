import { type EntityManager } from 'typeorm';
import { zonedInstant } from '../agenda/index.js';
import { DEMO_EVENT } from './demo-data.js';

/**
 * The Kittilä programme of product.md over its three days (times are invented but plausible,
 * Europe/Helsinki), with round tables I–III as parallel tables, two matchmaking blocks, and
 * speakers, moderators and hosts drawn from the demo people. Everything is published and
 * conflict-free; the demo participant bookmarks the keynote and holds a seat at a table.
 */

const ROOMS = [
  { key: 'hall', name: 'Levi Summit – Main Hall', capacity: 200, location: 'Ground floor, straight ahead from the entrance' },
  { key: 'tunturi', name: 'Tunturi', capacity: 40, location: '1st floor, left wing' },
  { key: 'kammi', name: 'Kammi', capacity: 40, location: '1st floor, right wing' },
  { key: 'ounas', name: 'Ounas', capacity: 35, location: '2nd floor' },
  { key: 'foyer', name: 'Foyer – matchmaking area', capacity: 120, location: 'Ground floor, beside the registration desk; numbered tables' },
] as const;

const TRACKS = [
  { key: 'regions', name: 'Regional ecosystems', colour: '#1f6feb' },
  { key: 'crm', name: 'Critical raw materials', colour: '#b5651d' },
  { key: 'circular', name: 'Circular economy', colour: '#2a9d8f' },
  { key: 'digital', name: 'Digitalisation', colour: '#6f42c1' },
  { key: 'water', name: 'Water', colour: '#0077b6' },
  { key: 'b2b', name: 'B2B matchmaking', colour: '#e76f51' },
] as const;

type RoomKey = (typeof ROOMS)[number]['key'];
type TrackKey = (typeof TRACKS)[number]['key'];
/** A person: a demo login's e-mail, or "org:<organisation name>#<n>" for its n-th approved person. */
type Who = string;

interface DemoSession {
  day: number;
  from: string;
  to: string;
  title: string;
  type: string;
  room?: RoomKey;
  track?: TrackKey;
  description?: string;
  capacity?: number;
  people?: [Who, 'SPEAKER' | 'MODERATOR' | 'PANELLIST' | 'HOST'][];
  tables?: { topic: string; host: Who; seats: number }[];
}

const ORGANISER = 'organiser@cmr-kittila.example';
const SPEAKER = 'speaker@cmr-kittila.example';
const PARTICIPANT = 'participant@cmr-kittila.example';

export const DEMO_SESSIONS: DemoSession[] = [
  { day: 25, from: '14:00', to: '18:00', title: 'Arrival and registration', type: 'NETWORKING', room: 'foyer', description: 'Badges, booklets and coffee.' },
  { day: 25, from: '18:00', to: '18:30', title: 'Welcome to Kittilä', type: 'OPENING', room: 'hall', people: [[ORGANISER, 'HOST']] },
  { day: 25, from: '18:30', to: '21:00', title: 'Welcome reception', type: 'SOCIAL', room: 'foyer' },
  { day: 26, from: '08:30', to: '09:00', title: 'Registration and morning coffee', type: 'BREAK', room: 'foyer' },
  {
    day: 26, from: '09:00', to: '10:15', type: 'OPENING', room: 'hall', track: 'regions',
    title: 'East and North Finland in industrial transition – Shaping the future together',
    people: [['org:European Cluster Collaboration Platform#1', 'MODERATOR'], ['org:Regional Council of Lapland#0', 'SPEAKER'], ['org:Business Joensuu#0', 'SPEAKER'], ['org:Council of Oulu Region#0', 'SPEAKER']],
  },
  { day: 26, from: '10:15', to: '10:30', title: 'Coffee break', type: 'BREAK', room: 'foyer' },
  {
    day: 26, from: '10:30', to: '12:00', type: 'ROUND_TABLE', room: 'tunturi', track: 'digital',
    title: 'Round Table I: Modern Digital Solutions and High Technology',
    people: [['org:Oulu Digital Industry Cluster#0', 'HOST']],
    tables: [
      { topic: 'Digital twins of mines and processing plants', host: 'org:Northern Ore Digital Twin Oy#0', seats: 10 },
      { topic: 'Drones and remote sensing for exploration', host: 'org:Arctic Drone Survey Oy#0', seats: 10 },
      { topic: 'Automation and safety underground', host: 'org:Umeå Mine Automation AB#0', seats: 10 },
    ],
  },
  {
    day: 26, from: '10:30', to: '12:00', type: 'ROUND_TABLE', room: 'kammi', track: 'circular',
    title: 'Round Table II: Industrial Circular Economy in East and North Finland – the role of clusters in developing the regional industrial ecosystem',
    people: [['org:Digipolis – Arctic Industry and Circular Economy Cluster#0', 'HOST']],
    tables: [
      { topic: 'Valorising tailings and mine waste', host: 'org:Tailings Circular Oy#0', seats: 10 },
      { topic: 'Industrial symbiosis in Kemi-Tornio', host: 'org:Digipolis – Arctic Industry and Circular Economy Cluster#1', seats: 10 },
      { topic: 'Recycling of stainless steel and battery metals', host: 'org:Outokumpu Stainless Recycling (demo unit)#0', seats: 10 },
    ],
  },
  {
    day: 26, from: '10:30', to: '12:00', type: 'ROUND_TABLE', room: 'ounas', track: 'water',
    title: 'Round Table III: Arctic Water Excellence – showcasing interregional cluster collaboration',
    people: [['org:Lapland Water Tech Oy#0', 'HOST']],
    tables: [
      { topic: 'Mine water treatment in cold climates', host: 'org:Boreal Water Analytics Oy#0', seats: 8 },
      { topic: 'Sensors and real-time water monitoring', host: 'org:Savo Sensor Systems Oy#0', seats: 8 },
      { topic: 'Interregional water cluster cooperation', host: 'org:Region Västerbotten#0', seats: 8 },
    ],
  },
  { day: 26, from: '12:00', to: '13:00', title: 'Lunch', type: 'BREAK', room: 'foyer' },
  {
    day: 26, from: '13:00', to: '13:45', type: 'KEYNOTE', room: 'hall', track: 'crm',
    title: "Green Deal Industrial Plan for the Net-Zero Age: ensuring secure and sustainable supply chains for the EU's green and digital future",
    people: [['org:European Cluster Collaboration Platform#2', 'SPEAKER']],
  },
  {
    day: 26, from: '13:45', to: '15:00', type: 'PANEL', room: 'hall', track: 'regions',
    title: 'Roundtable dialogue: Putting the Green Deal Industrial Plan into practice in the regional context',
    people: [
      ['org:European Cluster Collaboration Platform#1', 'MODERATOR'],
      [SPEAKER, 'PANELLIST'],
      ['org:Junta de Castilla y León#0', 'PANELLIST'],
      ['org:Region Västerbotten#1', 'PANELLIST'],
      ['org:Regional Council of Kainuu#0', 'PANELLIST'],
    ],
  },
  { day: 26, from: '15:00', to: '15:30', title: 'Coffee break', type: 'BREAK', room: 'foyer' },
  {
    day: 26, from: '15:30', to: '18:00', type: 'MATCHMAKING', room: 'foyer', track: 'b2b',
    title: 'B2B matchmaking: circular economy and digitalisation providers meet mining regions',
    description: 'Pre-arranged one-to-one meetings of 20 minutes at numbered tables.',
  },
  { day: 26, from: '19:30', to: '22:30', title: 'Networking dinner', type: 'SOCIAL', room: 'foyer' },
  {
    day: 27, from: '09:00', to: '10:30', type: 'PLENARY', room: 'hall', track: 'crm',
    title: "Session IV: Strengthening the EU's critical raw materials capacities along all stages of the value chain: a coordinated effort",
    people: [
      ['org:GTK – Geological Survey of Finland#0', 'MODERATOR'],
      ['org:Outokumpu Mining Hub#0', 'SPEAKER'],
      ['org:Principality of Asturias – Regional Development Agency#0', 'SPEAKER'],
      ['org:Region of Sterea Ellada#0', 'SPEAKER'],
      ['org:EU Raw Materials Ventures#0', 'SPEAKER'],
    ],
  },
  { day: 27, from: '10:30', to: '11:00', title: 'Coffee break', type: 'BREAK', room: 'foyer' },
  {
    day: 27, from: '11:00', to: '12:30', type: 'PANEL', room: 'hall', track: 'regions',
    title: 'Debates: Synergising regional, national and European policymaking to support responsible raw material utilisation in Europe – recommendations',
    people: [
      ['org:University of Lapland#0', 'MODERATOR'],
      ['org:Regional Council of North Karelia#0', 'PANELLIST'],
      ['org:Hellenic Mineral Raw Materials Cluster#0', 'PANELLIST'],
      ['org:Castilla y León Mining Innovation Cluster#0', 'PANELLIST'],
      ['org:Luleå Mining Research Centre#0', 'PANELLIST'],
    ],
  },
  { day: 27, from: '12:30', to: '13:30', title: 'Lunch', type: 'BREAK', room: 'foyer' },
  {
    day: 27, from: '13:30', to: '15:30', type: 'MATCHMAKING', room: 'foyer', track: 'b2b',
    title: 'B2B matchmaking: second round',
    description: 'One-to-one meetings of 20 minutes at numbered tables.',
  },
  { day: 27, from: '15:30', to: '16:00', title: 'Closing and recommendations', type: 'PLENARY', room: 'hall', people: [[ORGANISER, 'HOST']] },
];

export async function seedDemoAgenda(manager: EntityManager, eventId: string): Promise<{ sessions: number }> {
  const tz = DEMO_EVENT.timeZone;
  const people: { id: string; email: string; organisation: string | null }[] = await manager.query(
    `SELECT a.id, a.email, o.name AS organisation FROM participation p
       JOIN account a ON a.id = p.account_id LEFT JOIN organisation o ON o.id = a.organisation_id
      WHERE p.event_id = $1 AND p.status = 'APPROVED' ORDER BY a.email`,
    [eventId],
  );
  const who = (ref: Who): string => {
    const [, org, n] = /^org:(.+)#(\d+)$/.exec(ref) ?? [];
    const match = org ? people.filter((p) => p.organisation === org && !p.email.endsWith('@cmr-kittila.example'))[Number(n)] : people.find((p) => p.email === ref);
    if (!match) throw new Error(`Demo agenda: nobody approved for "${ref}".`);
    return match.id;
  };

  const roomIds = new Map<string, string>();
  for (const [position, room] of ROOMS.entries()) {
    const [{ id }] = await manager.query(
      `INSERT INTO agenda_room (event_id, name, capacity, location, position) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [eventId, room.name, room.capacity, room.location, position],
    );
    roomIds.set(room.key, id);
  }
  const trackIds = new Map<string, string>();
  for (const track of TRACKS) {
    const [{ id }] = await manager.query(`INSERT INTO agenda_track (event_id, name, colour) VALUES ($1, $2, $3) RETURNING id`, [eventId, track.name, track.colour]);
    trackIds.set(track.key, id);
  }

  const sessionIds = new Map<string, string>();
  const tableIds = new Map<string, string>();
  for (const s of DEMO_SESSIONS) {
    const date = `2023-04-${s.day}`;
    const [{ id }] = await manager.query(
      `INSERT INTO agenda_session (event_id, title, description, type, starts_at, ends_at, room_id, track_id, capacity, language, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'en', 'PUBLISHED') RETURNING id`,
      [eventId, s.title, s.description ?? null, s.type, zonedInstant(date, s.from, tz), zonedInstant(date, s.to, tz), s.room ? roomIds.get(s.room) : null, s.track ? trackIds.get(s.track) : null, s.capacity ?? null],
    );
    sessionIds.set(s.title, id);
    for (const [position, [ref, role]] of (s.people ?? []).entries()) {
      await manager.query(`INSERT INTO agenda_session_person (session_id, account_id, role, position) VALUES ($1, $2, $3, $4)`, [id, who(ref), role, position]);
    }
    for (const [position, table] of (s.tables ?? []).entries()) {
      const [{ id: tableId }] = await manager.query(
        `INSERT INTO agenda_round_table (session_id, topic, host_account_id, seats, position) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [id, table.topic, who(table.host), table.seats, position],
      );
      tableIds.set(table.topic, tableId);
    }
  }

  // The demo participant's own agenda: a bookmark and a round-table seat.
  const participant = who(PARTICIPANT);
  const keynote = DEMO_SESSIONS.find((s) => s.type === 'KEYNOTE')!.title;
  await manager.query(`INSERT INTO agenda_bookmark (account_id, session_id, event_id) VALUES ($1, $2, $3)`, [participant, sessionIds.get(keynote), eventId]);
  const rt2 = DEMO_SESSIONS.find((s) => s.title.startsWith('Round Table II'))!;
  await manager.query(
    `INSERT INTO agenda_seat (event_id, session_id, round_table_id, account_id, status, seated_at) VALUES ($1, $2, $3, $4, 'SEATED', now())`,
    [eventId, sessionIds.get(rt2.title), tableIds.get(rt2.tables![0].topic), participant],
  );
  return { sessions: DEMO_SESSIONS.length };
}
