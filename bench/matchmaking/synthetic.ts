/**
 * A synthetic matchmaking event with planted complementary pairs, for the recommendation
 * quality measure and the 5,000-participant latency run. Deterministic for a seed.
 *
 * Participants 2k and 2k+1 are planted partners from different organisations with
 * complementary types. The first one's request names four specific terms; the partner's offer
 * says three of them in other words (plural/singular, other order, other filler) plus two
 * unrelated terms; in half of the pairs the partner also seeks what the first one offers, and
 * partners share at least one theme.
 * Everybody also has one unrelated offer and request built from the same vocabulary, and one
 * to three of the eight themes at random, so other people overlap by chance on one or two terms.
 */
import { type ScoringProfile } from '../../libs/matchmaking/index.js';

export const VOCABULARY = (
  'tailings valorisation geopolymer binder slag dust bioleaching cobalt nickel lithium graphite magnesite ' +
  'drone lidar survey deformation dam seepage groundwater sulphate nitrogen effluent wetland membrane ' +
  'sensor vibration slurry flotation concentrator grinding crusher kiln calcination hydrogen electrification ' +
  'battery charging loader underground ventilation automation teleoperation fleet dispatch twin simulation ' +
  'geochemistry mineralogy geometallurgy drilling core assay exploration permitting rehabilitation closure ' +
  'reindeer herding community dialogue consent tourism biodiversity offsetting carbon footprint traceability ' +
  'blockchain passport recycling blackmass hydrometallurgy pyrometallurgy refinery copper zinc gold silver ' +
  'rare earth magnet permanent vanadium tungsten phosphate fertiliser gypsum cement aggregate ballast ' +
  'training apprenticeship curriculum vocational microcredential simulator safety ergonomics wellbeing ' +
  'funding equity venture grant loan guarantee procurement tender export internationalisation incubator ' +
  'cluster consortium horizon interreg smart specialisation roadmap policy regulation standard certification ' +
  'water treatment desalination heat recovery district heating wind solar storage grid microgrid ' +
  'satellite hyperspectral imaging machine learning prediction maintenance robotics inspection'
).split(/\s+/);

const TYPES: [string, string][] = [
  ['SME', 'INVESTOR'],
  ['SME', 'LARGE_COMPANY'],
  ['RESEARCH', 'SME'],
  ['RESEARCH', 'LARGE_COMPANY'],
  ['CLUSTER', 'PUBLIC_AUTHORITY'],
  ['CLUSTER', 'CLUSTER'],
];
const PLACES: [string, string][] = [
  ['FI', 'Lapland'],
  ['FI', 'North Karelia'],
  ['FI', 'Kainuu'],
  ['FI', 'Northern Ostrobothnia'],
  ['ES', 'Castilla y León'],
  ['ES', 'Asturias'],
  ['GR', 'Sterea Ellada'],
  ['SE', 'Västerbotten'],
];
export const SYNTHETIC_THEMES = ['critical raw materials', 'circular economy', 'digitalisation', 'water', 'mining technology', 'education', 'social acceptance', 'investment'];
const FILLER_SEEK = ['Looking for partners in', 'We need', 'Seeking expertise on', 'Partners wanted for'];
const FILLER_OFFER = ['We provide', 'Proven solution for', 'Our team offers', 'Pilot-ready technology for'];

export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticParticipant extends ScoringProfile {
  organisationId: string;
  partner: string;
}

/** `n` participants (even) in n/2 planted pairs. Account ids are "p0", "p1", … */
export function syntheticEvent(n: number, seed = 42): SyntheticParticipant[] {
  const rand = prng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const terms = (k: number) => {
    const chosen = new Set<string>();
    while (chosen.size < k) chosen.add(pick(VOCABULARY));
    return [...chosen];
  };
  const inflect = (word: string) => (rand() < 0.5 ? word : word.endsWith('s') ? word : `${word}s`);
  const shuffle = <T>(list: T[]) => list.map((x) => [rand(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
  const themes = () => shuffle(SYNTHETIC_THEMES).slice(0, 1 + Math.floor(rand() * 3));
  const people: SyntheticParticipant[] = [];
  let entry = 0;
  const e = (title: string) => ({ id: `e${entry++}`, title, description: null, tags: [] });
  for (let k = 0; k < n / 2; k++) {
    const [typeA, typeB] = pick(TYPES);
    const [countryA, regionA] = pick(PLACES);
    const [countryB, regionB] = pick(PLACES);
    const need = terms(4);
    const answer = [...shuffle(need).slice(0, 3).map(inflect), ...terms(2)];
    const aOffer = terms(4);
    const bSeeksBack = rand() < 0.5;
    // Partners share at least one theme, as complementary people at such an event do.
    const themesA = themes();
    const themesB = [...new Set([themesA[0], ...themes()])];
    const a: SyntheticParticipant = {
      accountId: `p${2 * k}`,
      organisationId: `o${2 * k}`,
      partner: `p${2 * k + 1}`,
      organisationType: typeA,
      country: countryA,
      region: regionA,
      themes: themesA,
      sectors: [],
      seeks: [e(`${pick(FILLER_SEEK)} ${need.join(' ')}`), e(`${pick(FILLER_SEEK)} ${terms(3).join(' ')}`)],
      offers: [e(`${pick(FILLER_OFFER)} ${aOffer.join(' ')}`), e(`${pick(FILLER_OFFER)} ${terms(3).join(' ')}`)],
    };
    const b: SyntheticParticipant = {
      accountId: `p${2 * k + 1}`,
      organisationId: `o${2 * k + 1}`,
      partner: `p${2 * k}`,
      organisationType: typeB,
      country: countryB,
      region: regionB,
      themes: themesB,
      sectors: [],
      offers: [e(`${pick(FILLER_OFFER)} ${shuffle(answer).join(' ')}`), e(`${pick(FILLER_OFFER)} ${terms(3).join(' ')}`)],
      seeks: [
        e(`${pick(FILLER_SEEK)} ${(bSeeksBack ? [...shuffle(aOffer).slice(0, 3).map(inflect), ...terms(1)] : terms(4)).join(' ')}`),
        e(`${pick(FILLER_SEEK)} ${terms(3).join(' ')}`),
      ],
    };
    people.push(a, b);
  }
  return people;
}
