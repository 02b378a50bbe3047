import { type EntityManager } from 'typeorm';

/**
 * Matchmaking for the Kittilä demo event: settings over the agenda's two B2B matchmaking blocks,
 * profiles with offers and requests drawn from the brief's themes for everyone who is not an
 * organiser, and a plausible state of play — pending requests, accepted meetings waiting for a
 * slot, and meetings booked at numbered tables — so the directory, recommendations and "my
 * meetings" show something real on a fresh start. Deterministic: the same rows on every run.
 */

export const DEMO_THEMES = [
  'critical raw materials',
  'SMEs in global value chains',
  'new technologies and sustainable mining',
  'social acceptance of mining',
  'education and training',
  'circular economy',
  'digitalisation',
  'water',
];
export const DEMO_SECTORS = ['mining', 'metals processing', 'battery materials', 'ICT and digital', 'water technology', 'public sector', 'research and education', 'finance'];

/** The agenda's matchmaking blocks: 26 April 15:30–18:00 and 27 April 13:30–15:30 in Helsinki (UTC+3). */
const WINDOWS = [
  { startsAt: '2023-04-26T12:30:00.000Z', endsAt: '2023-04-26T15:00:00.000Z' },
  { startsAt: '2023-04-27T10:30:00.000Z', endsAt: '2023-04-27T12:30:00.000Z' },
];
const MEETING_MINUTES = 20;
const TABLES = 20;

type Entry = [direction: 'OFFER' | 'SEEK', kind: string, title: string, description: string, tags: string[]];

/** What each kind of organisation typically brings and looks for at such a workshop. */
const BY_TYPE: Record<string, { themes: string[]; sectors: string[]; pitch: string; entries: Entry[] }> = {
  CLUSTER: {
    themes: ['circular economy', 'SMEs in global value chains', 'digitalisation'],
    sectors: ['mining', 'ICT and digital'],
    pitch: 'An industrial cluster connecting companies, research and the region around a shared transition agenda.',
    entries: [
      ['OFFER', 'PROJECT_PARTNERSHIP', 'Interregional cluster partnership for Horizon Europe and I3 calls', 'We coordinate consortia and bring member SMEs with pilot sites.', ['horizon europe', 'i3', 'consortium']],
      ['OFFER', 'SERVICE', 'Matchmaking with member SMEs in circular economy and digital mining', 'Introductions to vetted member companies and their pilot cases.', ['smes', 'members', 'circular economy']],
      ['SEEK', 'PROJECT_PARTNERSHIP', 'Partner clusters for joint value-chain mapping of critical raw materials', 'Looking for clusters in other regions to map battery and magnet value chains together.', ['value chain', 'critical raw materials', 'battery']],
      ['SEEK', 'POLICY_COOPERATION', 'Regional authorities to co-design smart specialisation actions', 'We want to align cluster programmes with the regional S3 priorities.', ['s3', 'smart specialisation', 'policy']],
    ],
  },
  SME: {
    themes: ['new technologies and sustainable mining', 'circular economy', 'SMEs in global value chains'],
    sectors: ['mining', 'ICT and digital'],
    pitch: 'A growing technology company ready to pilot its solution with mines and industrial partners.',
    entries: [
      ['SEEK', 'INVESTMENT', 'Growth funding for scaling a mining technology solution', 'Seed or series A investors with an interest in sustainable mining.', ['funding', 'investment', 'scale-up']],
      ['SEEK', 'PROJECT_PARTNERSHIP', 'Mine sites for pilot testing in real conditions', 'Access to an operating or closed mine to validate our technology.', ['pilot', 'test site', 'mine']],
    ],
  },
  LARGE_COMPANY: {
    themes: ['critical raw materials', 'circular economy', 'new technologies and sustainable mining'],
    sectors: ['metals processing', 'battery materials'],
    pitch: 'An industrial operator looking for technology partners to cut emissions and recover more metal.',
    entries: [
      ['OFFER', 'PROJECT_PARTNERSHIP', 'Industrial pilot environment for metal recovery technologies', 'Our plant can host pilots for recycling and residue processing.', ['pilot', 'recycling', 'metals']],
      ['SEEK', 'PRODUCT', 'Sensor and automation solutions for process monitoring', 'Robust sensors and analytics for harsh Arctic process conditions.', ['sensors', 'automation', 'process control']],
      ['SEEK', 'SERVICE', 'Recovery of metals from slags and side streams', 'Partners with proven methods to valorise slags and dusts.', ['slag', 'side streams', 'valorisation']],
    ],
  },
  RESEARCH: {
    themes: ['critical raw materials', 'education and training', 'new technologies and sustainable mining'],
    sectors: ['research and education', 'mining'],
    pitch: 'A research organisation with laboratories, field data and students eager to work with industry.',
    entries: [
      ['OFFER', 'EXPERTISE', 'Geological and mineralogical analysis of ores and tailings', 'Laboratory characterisation, geometallurgy and mineral mapping.', ['mineralogy', 'geometallurgy', 'tailings']],
      ['OFFER', 'SERVICE', 'Tailored training programmes for the mining workforce', 'Continuing education and micro-credentials for mining and processing staff.', ['training', 'skills', 'education']],
      ['SEEK', 'PROJECT_PARTNERSHIP', 'Industrial partners for applied research on critical raw materials', 'Companies with data and samples for joint research projects.', ['applied research', 'critical raw materials']],
    ],
  },
  PUBLIC_AUTHORITY: {
    themes: ['social acceptance of mining', 'critical raw materials', 'education and training'],
    sectors: ['public sector'],
    pitch: 'A regional authority shaping the smart specialisation strategy and funding for a responsible raw-materials economy.',
    entries: [
      ['OFFER', 'POLICY_COOPERATION', 'Regional smart specialisation and funding instruments for raw materials', 'Co-funding through regional programmes and support for interregional projects.', ['s3', 'regional funding', 'policy']],
      ['SEEK', 'POLICY_COOPERATION', 'Partner regions for an interregional innovation investment project', 'Regions with complementary strengths in mining and processing for I3 partnerships.', ['i3', 'interregional', 'partner regions']],
      ['SEEK', 'EXPERTISE', 'Good practices for social acceptance and the social licence to operate', 'Experiences of dialogue between mines, communities and reindeer herding.', ['social licence', 'community', 'dialogue']],
    ],
  },
  INVESTOR: {
    themes: ['critical raw materials', 'new technologies and sustainable mining', 'SMEs in global value chains'],
    sectors: ['finance'],
    pitch: 'An investor backing companies that make Europe’s raw-materials supply secure and sustainable.',
    entries: [
      ['OFFER', 'INVESTMENT', 'Equity funding for sustainable mining and recycling scale-ups', 'Tickets of 0.5–5 M€ for companies with a validated pilot.', ['equity', 'funding', 'scale-up']],
      ['SEEK', 'PROJECT_PARTNERSHIP', 'Deal flow of start-ups in battery materials and recycling', 'Introductions to SMEs with pilots in critical raw materials.', ['deal flow', 'battery', 'recycling']],
    ],
  },
  OTHER: {
    themes: ['SMEs in global value chains'],
    sectors: ['public sector'],
    pitch: 'Supporting clusters and regions across Europe to cooperate.',
    entries: [['OFFER', 'EXPERTISE', 'Guidance on EU cluster programmes and calls', 'Which EU instruments fit an interregional cluster partnership.', ['eu programmes', 'clusters']]],
  },
};

/** Organisations with their own, more specific offers and requests. */
const BY_ORGANISATION: Record<string, { themes?: string[]; sectors?: string[]; pitch: string; entries: Entry[] }> = {
  'Arctic Drone Survey Oy': {
    themes: ['digitalisation', 'new technologies and sustainable mining'],
    pitch: 'Drone and lidar surveys of mine sites and tailings dams, in Arctic conditions.',
    entries: [
      ['OFFER', 'SERVICE', 'Drone and lidar surveys of mine sites and tailings dams', 'Centimetre-accurate 3D models and change detection, also in winter.', ['drones', 'lidar', 'remote sensing', 'tailings dam']],
      ['SEEK', 'PROJECT_PARTNERSHIP', 'Mining companies for a dam-safety monitoring pilot', 'Pilot our automated tailings-dam deformation alerts.', ['dam safety', 'monitoring', 'pilot']],
    ],
  },
  'Tailings Circular Oy': {
    themes: ['circular economy', 'critical raw materials'],
    pitch: 'We turn mine tailings into construction materials and recover residual metals.',
    entries: [
      ['OFFER', 'PRODUCT', 'Tailings valorisation pilot plant', 'Mobile pilot plant recovering metals and producing geopolymer binders from tailings.', ['tailings', 'valorisation', 'mine waste', 'geopolymer']],
      ['SEEK', 'INVESTMENT', 'Investors for a first commercial tailings reprocessing plant', 'Series A for a plant next to an operating mine.', ['investment', 'tailings', 'scale-up']],
    ],
  },
  'Boreal Water Analytics Oy': {
    themes: ['water', 'digitalisation', 'social acceptance of mining'],
    sectors: ['water technology', 'ICT and digital'],
    pitch: 'Real-time water-quality monitoring for mines and municipalities in the north.',
    entries: [
      ['OFFER', 'PRODUCT', 'Real-time water quality monitoring of mine effluents', 'Online sensors and analytics for sulphate, metals and nitrogen in discharge waters.', ['water quality', 'sensors', 'effluent', 'monitoring']],
      ['SEEK', 'PROJECT_PARTNERSHIP', 'Partners for Arctic water excellence projects', 'Clusters and research partners for an interregional water project.', ['water', 'arctic', 'interregional']],
      ['SEEK', 'INVESTMENT', 'Funding to scale water monitoring to Nordic mines', 'Investors or public instruments for market expansion.', ['funding', 'scale-up']],
    ],
  },
  'Kittilä Mine Services Oy': {
    themes: ['new technologies and sustainable mining', 'circular economy'],
    sectors: ['mining'],
    pitch: 'Maintenance and services for gold mining in Kittilä; we want greener operations and less waste.',
    entries: [
      ['SEEK', 'SERVICE', 'Partners for mine waste reuse', 'Reuse of tailings and waste rock from gold mining.', ['mine waste', 'tailings', 'reuse']],
      ['SEEK', 'PRODUCT', 'Electrification of underground mining equipment', 'Battery-electric loaders and charging for an underground mine.', ['electrification', 'battery', 'underground']],
      ['OFFER', 'SERVICE', 'Access to a gold mine for technology testing', 'Test sites and operational data from an operating mine.', ['test site', 'pilot', 'mine']],
    ],
  },
  'Savo Sensor Systems Oy': {
    themes: ['digitalisation', 'new technologies and sustainable mining'],
    sectors: ['ICT and digital'],
    pitch: 'Rugged industrial sensors and edge analytics.',
    entries: [
      ['OFFER', 'PRODUCT', 'Rugged sensors and automation for process monitoring', 'Vibration, temperature and slurry sensors with edge analytics.', ['sensors', 'automation', 'process control']],
      ['SEEK', 'PROJECT_PARTNERSHIP', 'Industrial pilots for predictive maintenance', 'Plants willing to pilot predictive maintenance.', ['predictive maintenance', 'pilot']],
    ],
  },
  'Northern Ore Digital Twin Oy': {
    themes: ['digitalisation'],
    sectors: ['ICT and digital', 'mining'],
    pitch: 'Digital twins of ore bodies and processing plants.',
    entries: [
      ['OFFER', 'PRODUCT', 'Digital twin of the mine and concentrator', 'Simulation of ore flow from face to concentrate.', ['digital twin', 'simulation', 'concentrator']],
      ['SEEK', 'EXPERTISE', 'Geometallurgical data and mineralogy expertise', 'Partners to feed mineralogy into our models.', ['geometallurgy', 'mineralogy', 'data']],
    ],
  },
  'Polar Bioleaching Ltd': {
    themes: ['circular economy', 'critical raw materials'],
    pitch: 'Bioleaching of low-grade ores and side streams.',
    entries: [
      ['OFFER', 'EXPERTISE', 'Bioleaching of low-grade ores and slags', 'Heap and tank bioleaching to recover nickel, cobalt and zinc.', ['bioleaching', 'slag', 'cobalt', 'nickel']],
      ['SEEK', 'PROJECT_PARTNERSHIP', 'Metal producers with side streams to valorise', 'Slags and dusts for bioleaching trials.', ['side streams', 'valorisation', 'metals']],
    ],
  },
  'Umeå Mine Automation AB': {
    themes: ['digitalisation', 'new technologies and sustainable mining'],
    pitch: 'Automation and electrification of underground mines.',
    entries: [
      ['OFFER', 'PRODUCT', 'Battery-electric underground loaders and charging', 'Electrification of underground mining equipment with fleet management.', ['electrification', 'battery', 'underground']],
      ['SEEK', 'PROJECT_PARTNERSHIP', 'Finnish mines for an electrification pilot', 'A mine site to run a one-year pilot.', ['pilot', 'mine', 'electrification']],
    ],
  },
  'Cantábrico Recycling Technologies SL': {
    themes: ['circular economy', 'critical raw materials'],
    pitch: 'Recycling of batteries and electronic waste for critical metals.',
    entries: [
      ['OFFER', 'SERVICE', 'Recovery of lithium and cobalt from spent batteries', 'Hydrometallurgical recycling of black mass.', ['battery recycling', 'lithium', 'cobalt', 'black mass']],
      ['SEEK', 'PROJECT_PARTNERSHIP', 'Nordic partners for a battery recycling value chain', 'Collection partners and refiners in the Nordics.', ['value chain', 'battery', 'nordic']],
    ],
  },
  'Lapland Water Tech Oy': {
    themes: ['water', 'circular economy'],
    sectors: ['water technology'],
    pitch: 'Passive water treatment for mines and remote communities.',
    entries: [
      ['OFFER', 'PRODUCT', 'Passive treatment of mine waters in cold climates', 'Constructed wetlands and reactive barriers for sulphate and metals.', ['water treatment', 'mine water', 'wetlands']],
      ['SEEK', 'SERVICE', 'Water quality monitoring data for treatment design', 'Continuous data on effluents to size treatment.', ['water quality', 'monitoring', 'data']],
    ],
  },
  'Minerales Sostenibles del Bierzo SL': {
    themes: ['social acceptance of mining', 'critical raw materials'],
    pitch: 'Responsible small-scale mining of industrial minerals in El Bierzo.',
    entries: [
      ['SEEK', 'EXPERTISE', 'Mine site rehabilitation and social licence know-how', 'Nordic practices for closure and community dialogue.', ['rehabilitation', 'social licence', 'closure']],
      ['OFFER', 'PROJECT_PARTNERSHIP', 'Demonstration site for small-scale sustainable mining', 'A site in Castilla y León open to pilots.', ['demonstration', 'test site', 'pilot']],
    ],
  },
  'Evia Magnesite Solutions SA': {
    themes: ['critical raw materials', 'circular economy'],
    pitch: 'Magnesite mining and processing in Evia.',
    entries: [
      ['SEEK', 'PRODUCT', 'Low-carbon kiln technology for magnesia', 'Electrified or hydrogen calcination.', ['kiln', 'decarbonisation', 'magnesia']],
      ['OFFER', 'PRODUCT', 'Magnesia products for refractories and agriculture', 'Caustic and dead-burned magnesia.', ['magnesia', 'refractories']],
    ],
  },
};

/** Deterministic pseudo-random numbers (mulberry32), so the demo is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DemoParticipant {
  accountId: string;
  email: string;
  role: string;
  status: string;
  organisation: string;
  type: string;
  region: string;
}

export interface DemoMatchmakingResult {
  profiles: number;
  entries: number;
  pending: number;
  accepted: number;
  scheduled: number;
}

export async function seedDemoMatchmaking(manager: EntityManager, eventId: string): Promise<DemoMatchmakingResult> {
  await manager.query(
    `INSERT INTO matchmaking_settings (event_id, meeting_minutes, windows, table_count, table_names, max_meetings_per_participant,
       requests_open_at, requests_close_at, expire_after_hours, mode, themes, sectors)
     VALUES ($1, $2, $3, $4, $5, 10, '2023-03-27T06:00:00Z', NULL, 72, 'PARTICIPANTS_PICK_SLOT', $6, $7)`,
    [eventId, MEETING_MINUTES, JSON.stringify(WINDOWS), TABLES, ['Aurora', 'Levi', 'Ounas', 'Pallas'], DEMO_THEMES, DEMO_SECTORS],
  );
  const slots: { id: string }[] = [];
  for (const w of WINDOWS) {
    for (let t = Date.parse(w.startsAt); t + MEETING_MINUTES * 60_000 <= Date.parse(w.endsAt); t += MEETING_MINUTES * 60_000) {
      const [slot] = await manager.query(`INSERT INTO meeting_slot (event_id, starts_at, ends_at) VALUES ($1, $2, $3) RETURNING id`, [
        eventId,
        new Date(t),
        new Date(t + MEETING_MINUTES * 60_000),
      ]);
      slots.push(slot);
    }
  }

  const people: DemoParticipant[] = await manager.query(
    `SELECT p.account_id AS "accountId", a.email, p.role, p.status, o.name AS organisation, o.type, o.region
       FROM participation p JOIN account a ON a.id = p.account_id JOIN organisation o ON o.id = a.organisation_id
      WHERE p.event_id = $1 AND p.role <> 'ORGANISER'
      ORDER BY a.email`,
    [eventId],
  );
  const rand = random(20230426);
  let entries = 0;
  const inMatchmaking = new Set<string>();
  const orgIndex = new Map<string, number>();
  for (const person of people) {
    const specific = BY_ORGANISATION[person.organisation];
    const generic = BY_TYPE[person.type] ?? BY_TYPE.OTHER;
    const nth = orgIndex.get(person.organisation) ?? 0;
    orgIndex.set(person.organisation, nth + 1);
    const themes = specific?.themes ?? generic.themes;
    const pitch = specific?.pitch ?? `${generic.pitch} Based in ${person.region}.`;
    // About one in twelve keeps their phone to organisers, one in fifteen stays out of matchmaking.
    const visibility = rand() < 0.08 ? { PHONE: 'ORGANISERS' } : {};
    const takingPart = !(rand() < 0.066) || person.email.startsWith('participant@') || person.email.startsWith('speaker@');
    if (takingPart) inMatchmaking.add(person.accountId);
    await manager.query(
      `INSERT INTO matchmaking_profile (event_id, account_id, taking_part, pitch, sectors, themes, phone, visibility)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [eventId, person.accountId, takingPart, pitch, specific?.sectors ?? generic.sectors, themes, `+358 40 ${String(1000000 + Math.floor(rand() * 8999999)).slice(0, 7)}`, visibility],
    );
    // Colleagues share the organisation's catalogue but each lists a different slice of it.
    const catalogue = [...(specific?.entries ?? []), ...generic.entries];
    const mine = specific ? catalogue.slice(0, specific.entries.length) : catalogue.filter((_, i) => (i + nth) % 2 === 0 || catalogue.length <= 2);
    for (const [direction, kind, title, description, tags] of mine) {
      await manager.query(
        `INSERT INTO marketplace_entry (event_id, account_id, direction, kind, title, description, tags) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [eventId, person.accountId, direction, kind, title, description, tags],
      );
      entries += 1;
    }
  }

  // Requests between approved people who take part, across organisations; a third of them stay
  // pending, the rest are accepted, and most accepted ones are booked at a table.
  const approved = people.filter((p) => p.status === 'APPROVED' && inMatchmaking.has(p.accountId));
  const busy = new Set<string>();
  const tableUsed = new Set<string>();
  const pairs = new Set<string>();
  const counts = new Map<string, number>();
  let pending = 0;
  let accepted = 0;
  let scheduled = 0;
  const request = async (a: DemoParticipant, b: DemoParticipant, state: 'PENDING' | 'ACCEPTED' | 'SCHEDULED', message: string) => {
    const key = [a.accountId, b.accountId].sort().join('|');
    if (a.accountId === b.accountId || a.organisation === b.organisation || pairs.has(key)) return false;
    if ((counts.get(a.accountId) ?? 0) >= 6 || (counts.get(b.accountId) ?? 0) >= 6) return false;
    let slotIndex = -1;
    let table = 0;
    if (state === 'SCHEDULED') {
      for (let s = 0; s < slots.length && slotIndex < 0; s++) {
        if (busy.has(`${s}|${a.accountId}`) || busy.has(`${s}|${b.accountId}`)) continue;
        for (let t = 1; t <= TABLES; t++) {
          if (!tableUsed.has(`${s}|${t}`)) {
            slotIndex = s;
            table = t;
            break;
          }
        }
      }
      if (slotIndex < 0) return false;
    }
    pairs.add(key);
    // Spread over the three weeks before the event (more as it nears), answered one to three days
    // later, so the organisers' activity report has a shape. Derived from the count, not from
    // rand(), so the rest of the demo stays the same.
    const n = pairs.size;
    const sentDay = Math.floor(Math.sqrt((n * 37) % 289));
    const sentAt = new Date(Date.UTC(2023, 3, 3 + sentDay, 6 + (n % 10), (n * 13) % 60));
    const answeredAt = new Date(Math.min(sentAt.getTime() + (1 + (n % 3)) * 86_400_000, Date.UTC(2023, 3, 24, 15)));
    const [{ id }] = await manager.query(
      `INSERT INTO meeting_request (event_id, requester_id, recipient_id, created_by, status, message, priority, expires_at, responded_at, created_at)
       VALUES ($1, $2, $3, $2, $4, $5, $6, CASE WHEN $4 = 'PENDING' THEN now() + interval '72 hours' END,
               CASE WHEN $4 = 'ACCEPTED' THEN $8::timestamptz END, $7::timestamptz)
       RETURNING id`,
      [eventId, a.accountId, b.accountId, state === 'PENDING' ? 'PENDING' : 'ACCEPTED', message, 1 + Math.floor(rand() * 3), sentAt, answeredAt],
    );
    if (state === 'PENDING') {
      pending += 1;
      return true;
    }
    counts.set(a.accountId, (counts.get(a.accountId) ?? 0) + 1);
    counts.set(b.accountId, (counts.get(b.accountId) ?? 0) + 1);
    const slotId = slotIndex >= 0 ? slots[slotIndex].id : null;
    await manager.query(
      `INSERT INTO meeting (event_id, request_id, requester_id, recipient_id, slot_id, table_number) VALUES ($1, $2, $3, $4, $5, $6)`,
      [eventId, id, a.accountId, b.accountId, slotId, slotId ? table : null],
    );
    if (slotId) {
      busy.add(`${slotIndex}|${a.accountId}`);
      busy.add(`${slotIndex}|${b.accountId}`);
      tableUsed.add(`${slotIndex}|${table}`);
      scheduled += 1;
    } else {
      accepted += 1;
    }
    return true;
  };

  // The demo participant (Boreal Water Analytics) gets a full "my meetings" page.
  const paula = approved.find((p) => p.email === 'participant@cmr-kittila.example');
  const byOrg = (name: string) => approved.filter((p) => p.organisation === name);
  if (paula) {
    const lapland = byOrg('Lapland Water Tech Oy')[0];
    const mineServices = byOrg('Kittilä Mine Services Oy')[0];
    const fund = byOrg('Arctic Green Transition Fund')[0];
    const digipolis = byOrg('Digipolis – Arctic Industry and Circular Economy Cluster')[1];
    const vasterbotten = byOrg('Region Västerbotten')[0];
    const gtk = byOrg('GTK – Geological Survey of Finland')[0];
    if (lapland) await request(lapland, paula, 'SCHEDULED', 'Your monitoring data could size our passive treatment – shall we meet?');
    if (mineServices) await request(paula, mineServices, 'SCHEDULED', 'We would like to pilot effluent monitoring at your site.');
    if (fund) await request(paula, fund, 'ACCEPTED', 'Scaling water monitoring to Nordic mines – 20 minutes?');
    if (digipolis) await request(digipolis, paula, 'PENDING', 'Join our Arctic water excellence consortium?');
    if (vasterbotten) await request(vasterbotten, paula, 'PENDING', 'Interregional water project with Västerbotten?');
    if (gtk) await request(paula, gtk, 'PENDING', 'Geochemical baselines for our sensors?');
  }
  const states: ('PENDING' | 'ACCEPTED' | 'SCHEDULED')[] = ['SCHEDULED', 'SCHEDULED', 'ACCEPTED', 'PENDING'];
  const takingPart = approved.filter((p) => p.email !== 'participant@cmr-kittila.example');
  for (let k = 0; k < 160; k++) {
    const a = takingPart[Math.floor(rand() * takingPart.length)];
    const b = takingPart[Math.floor(rand() * takingPart.length)];
    await request(a, b, states[k % states.length], 'Our offers and requests look complementary – shall we meet at the B2B session?');
  }
  return { profiles: people.length, entries, pending, accepted, scheduled };
}
