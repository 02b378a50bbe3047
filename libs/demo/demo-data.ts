import { OrganisationType } from '../identity/index.js';

/** The reference event of product.md. */
export const DEMO_EVENT = {
  slug: 'cmr-east-north-finland-2023',
  name: 'Clusters meet Regions East and North Finland: a sustainable approach to raw materials',
  description:
    'A "Clusters meet Regions" workshop of the European Cluster Collaboration Platform: industrial clusters, ' +
    'regional and EU policy makers, SMEs, research institutes and investors meet in Lapland to discuss critical ' +
    'raw materials, sustainable mining, the circular economy and digitalisation, with round tables and B2B matchmaking.',
  venue: 'Levi Summit conference centre',
  address: 'Levintie 1630, 99130 Kittilä, Finland',
  timeZone: 'Europe/Helsinki',
  startsOn: '2023-04-25',
  endsOn: '2023-04-27',
};

/** Demo logins, printed in the README; the password is the same for all three. */
export const DEMO_PASSWORD = 'kittila-demo-2023';
export const DEMO_LOGINS = [
  { email: 'organiser@cmr-kittila.example', name: 'Olivia Organiser (demo)', role: 'ORGANISER' },
  { email: 'speaker@cmr-kittila.example', name: 'Samuel Speaker (demo)', role: 'SPEAKER' },
  { email: 'participant@cmr-kittila.example', name: 'Paula Participant (demo)', role: 'PARTICIPANT' },
] as const;

export interface DemoOrganisation {
  name: string;
  type: OrganisationType;
  country: string;
  region: string;
  domain: string;
  people: number;
}

const { CLUSTER, SME, LARGE_COMPANY, RESEARCH, PUBLIC_AUTHORITY, INVESTOR, OTHER } = OrganisationType;

/**
 * Organisations from the brief, plus invented companies in the same landscape. The people are
 * fictitious; their addresses use the reserved .example domain.
 */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { name: 'European Cluster Collaboration Platform', type: OTHER, country: 'BE', region: 'Brussels-Capital', domain: 'eccp.example', people: 4 },
  { name: 'Business Joensuu', type: PUBLIC_AUTHORITY, country: 'FI', region: 'North Karelia', domain: 'businessjoensuu.example', people: 5 },
  { name: 'Digipolis – Arctic Industry and Circular Economy Cluster', type: CLUSTER, country: 'FI', region: 'Lapland', domain: 'digipolis.example', people: 6 },
  { name: 'GTK – Geological Survey of Finland', type: RESEARCH, country: 'FI', region: 'Lapland', domain: 'gtk.example', people: 6 },
  { name: 'Lapland University of Applied Sciences', type: RESEARCH, country: 'FI', region: 'Lapland', domain: 'lapinamk.example', people: 5 },
  { name: 'University of Lapland', type: RESEARCH, country: 'FI', region: 'Lapland', domain: 'ulapland.example', people: 5 },
  { name: 'Outokumpu Mining Hub', type: CLUSTER, country: 'FI', region: 'North Karelia', domain: 'miningHub.example', people: 4 },
  { name: 'Regional Council of Lapland', type: PUBLIC_AUTHORITY, country: 'FI', region: 'Lapland', domain: 'lapinliitto.example', people: 5 },
  { name: 'Regional Council of North Karelia', type: PUBLIC_AUTHORITY, country: 'FI', region: 'North Karelia', domain: 'pohjois-karjala.example', people: 4 },
  { name: 'Regional Council of Kainuu', type: PUBLIC_AUTHORITY, country: 'FI', region: 'Kainuu', domain: 'kainuunliitto.example', people: 3 },
  { name: 'Council of Oulu Region', type: PUBLIC_AUTHORITY, country: 'FI', region: 'Northern Ostrobothnia', domain: 'pohjois-pohjanmaa.example', people: 4 },
  { name: 'Regional Council of Pohjois-Savo', type: PUBLIC_AUTHORITY, country: 'FI', region: 'Pohjois-Savo', domain: 'pohjois-savo.example', people: 3 },
  { name: 'Regional Council of South Savo', type: PUBLIC_AUTHORITY, country: 'FI', region: 'South Savo', domain: 'etela-savo.example', people: 3 },
  { name: 'Regional Council of Central Ostrobothnia', type: PUBLIC_AUTHORITY, country: 'FI', region: 'Central Ostrobothnia', domain: 'keski-pohjanmaa.example', people: 3 },
  { name: 'Junta de Castilla y León', type: PUBLIC_AUTHORITY, country: 'ES', region: 'Castilla y León', domain: 'jcyl.example', people: 4 },
  { name: 'Principality of Asturias – Regional Development Agency', type: PUBLIC_AUTHORITY, country: 'ES', region: 'Asturias', domain: 'asturias.example', people: 4 },
  { name: 'Region of Sterea Ellada', type: PUBLIC_AUTHORITY, country: 'GR', region: 'Sterea Ellada', domain: 'stereaellada.example', people: 3 },
  { name: 'Region Västerbotten', type: PUBLIC_AUTHORITY, country: 'SE', region: 'Västerbotten', domain: 'regionvasterbotten.example', people: 4 },
  { name: 'Kainuu Arctic Mining Cluster', type: CLUSTER, country: 'FI', region: 'Kainuu', domain: 'kainuu-mining.example', people: 3 },
  { name: 'Oulu Digital Industry Cluster', type: CLUSTER, country: 'FI', region: 'Northern Ostrobothnia', domain: 'oulu-digital.example', people: 3 },
  { name: 'Asturias Metal Cluster', type: CLUSTER, country: 'ES', region: 'Asturias', domain: 'metal-asturias.example', people: 3 },
  { name: 'Castilla y León Mining Innovation Cluster', type: CLUSTER, country: 'ES', region: 'Castilla y León', domain: 'cyl-mining.example', people: 3 },
  { name: 'Skellefteå Battery Materials Cluster', type: CLUSTER, country: 'SE', region: 'Västerbotten', domain: 'battery-cluster.example', people: 3 },
  { name: 'Hellenic Mineral Raw Materials Cluster', type: CLUSTER, country: 'GR', region: 'Sterea Ellada', domain: 'hellenic-minerals.example', people: 3 },
  { name: 'Arctic Drone Survey Oy', type: SME, country: 'FI', region: 'Lapland', domain: 'arcticdrone.example', people: 2 },
  { name: 'Tailings Circular Oy', type: SME, country: 'FI', region: 'North Karelia', domain: 'tailings-circular.example', people: 2 },
  { name: 'Boreal Water Analytics Oy', type: SME, country: 'FI', region: 'Kainuu', domain: 'borealwater.example', people: 2 },
  { name: 'Kittilä Mine Services Oy', type: SME, country: 'FI', region: 'Lapland', domain: 'kms.example', people: 3 },
  { name: 'Savo Sensor Systems Oy', type: SME, country: 'FI', region: 'Pohjois-Savo', domain: 'savosensor.example', people: 2 },
  { name: 'Northern Ore Digital Twin Oy', type: SME, country: 'FI', region: 'Northern Ostrobothnia', domain: 'oredigitaltwin.example', people: 2 },
  { name: 'Polar Bioleaching Ltd', type: SME, country: 'FI', region: 'Central Ostrobothnia', domain: 'polarbioleach.example', people: 2 },
  { name: 'Minerales Sostenibles del Bierzo SL', type: SME, country: 'ES', region: 'Castilla y León', domain: 'bierzo-minerales.example', people: 2 },
  { name: 'Cantábrico Recycling Technologies SL', type: SME, country: 'ES', region: 'Asturias', domain: 'cantabrico-recycling.example', people: 2 },
  { name: 'Evia Magnesite Solutions SA', type: SME, country: 'GR', region: 'Sterea Ellada', domain: 'evia-magnesite.example', people: 2 },
  { name: 'Umeå Mine Automation AB', type: SME, country: 'SE', region: 'Västerbotten', domain: 'mine-automation.example', people: 2 },
  { name: 'Lapland Water Tech Oy', type: SME, country: 'FI', region: 'Lapland', domain: 'laplandwater.example', people: 2 },
  { name: 'Outokumpu Stainless Recycling (demo unit)', type: LARGE_COMPANY, country: 'FI', region: 'Lapland', domain: 'stainless-demo.example', people: 3 },
  { name: 'Nordic Metals Refining Oyj', type: LARGE_COMPANY, country: 'FI', region: 'Pohjois-Savo', domain: 'nordicmetals.example', people: 3 },
  { name: 'Arctic Green Transition Fund', type: INVESTOR, country: 'FI', region: 'Uusimaa', domain: 'arcticgreenfund.example', people: 2 },
  { name: 'EU Raw Materials Ventures', type: INVESTOR, country: 'BE', region: 'Brussels-Capital', domain: 'rm-ventures.example', people: 2 },
  { name: 'University of Oviedo', type: RESEARCH, country: 'ES', region: 'Asturias', domain: 'uniovi.example', people: 3 },
  { name: 'Luleå Mining Research Centre', type: RESEARCH, country: 'SE', region: 'Norrbotten', domain: 'mining-research.example', people: 3 },
  { name: 'University of Eastern Finland', type: RESEARCH, country: 'FI', region: 'North Karelia', domain: 'uef.example', people: 4 },
  { name: 'Kajaani University of Applied Sciences', type: RESEARCH, country: 'FI', region: 'Kainuu', domain: 'kamk.example', people: 3 },
  { name: 'European Commission – DG GROW (demo)', type: PUBLIC_AUTHORITY, country: 'BE', region: 'Brussels-Capital', domain: 'grow-demo.example', people: 3 },
  { name: 'Ministry of Economic Affairs and Employment of Finland (demo)', type: PUBLIC_AUTHORITY, country: 'FI', region: 'Uusimaa', domain: 'tem-demo.example', people: 2 },
];

const FIRST = {
  FI: ['Aino', 'Eero', 'Helmi', 'Juho', 'Kaisa', 'Lauri', 'Minna', 'Niko', 'Oona', 'Pekka', 'Riikka', 'Sami', 'Tiina', 'Ville', 'Elina', 'Markus'],
  ES: ['Lucía', 'Javier', 'Carmen', 'Diego', 'Elena', 'Pablo', 'Marta', 'Sergio'],
  GR: ['Eleni', 'Nikos', 'Maria', 'Giorgos', 'Sofia', 'Dimitris'],
  SE: ['Astrid', 'Erik', 'Linnea', 'Oskar', 'Maja', 'Gustav'],
  BE: ['Claire', 'Luc', 'Sophie', 'Thomas', 'Anke', 'Pieter'],
} as Record<string, string[]>;
const LAST = {
  FI: ['Korhonen', 'Mäkinen', 'Nieminen', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Saarinen', 'Salminen', 'Laine', 'Rantanen', 'Hiltunen', 'Keränen', 'Pulkkinen'],
  ES: ['García', 'Fernández', 'Álvarez', 'Menéndez', 'Rodríguez', 'Suárez', 'Martín', 'Prieto'],
  GR: ['Papadopoulou', 'Nikolaou', 'Georgiou', 'Konstantinou', 'Vasileiou', 'Dimitriou'],
  SE: ['Lindqvist', 'Berglund', 'Holmström', 'Nyström', 'Sandberg', 'Öberg'],
  BE: ['Dubois', 'Peeters', 'Lambert', 'Janssens', 'Maes', 'Claes'],
} as Record<string, string[]>;

export interface DemoPerson {
  name: string;
  email: string;
  organisation: DemoOrganisation;
}

/** About 150 fictitious people, the same on every run. */
export function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [];
  const used = new Set<string>();
  let n = 0;
  for (const organisation of DEMO_ORGANISATIONS) {
    const firsts = FIRST[organisation.country];
    const lasts = LAST[organisation.country];
    for (let i = 0; i < organisation.people; i++, n++) {
      // Walk the name lists with co-prime steps so combinations repeat rarely.
      let k = n;
      let first: string, last: string, key: string;
      do {
        first = firsts[(k * 7) % firsts.length];
        last = lasts[(k * 5 + Math.floor(k / firsts.length)) % lasts.length];
        key = `${first} ${last}`;
        k += 1;
      } while (used.has(key));
      used.add(key);
      const local = `${ascii(first)}.${ascii(last)}`;
      people.push({ name: `${first} ${last}`, email: `${local}@${organisation.domain.toLowerCase()}`, organisation });
    }
  }
  return people;
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
