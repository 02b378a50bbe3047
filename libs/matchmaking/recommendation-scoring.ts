/**
 * Explainable partner recommendations, as a pure function: profiles in, ranked candidates with
 * a score (0–100) and the reasons behind it out. No database, no Nest, so it is unit-tested and
 * benchmarked directly (bench/matchmaking).
 *
 * score = 100 × Σ weightᵢ × componentᵢ / Σ weightᵢ, every component in [0, 1]:
 * - offerMatchesSeek: best TF-IDF cosine of one of their offers against one of my requests;
 * - seekMatchesOffer: the same the other way round (what I offer, they seek);
 * - sharedThemes / sharedSectors: overlap of the event-defined lists (Ochiai coefficient);
 * - complementaryTypes: how well the two organisation types complement each other;
 * - regionDiversity: another country (1) or another region of the same country (0.6).
 */

export interface RecommendationWeights {
  offerMatchesSeek: number;
  seekMatchesOffer: number;
  sharedThemes: number;
  sharedSectors: number;
  complementaryTypes: number;
  regionDiversity: number;
}

export const DEFAULT_WEIGHTS: RecommendationWeights = {
  offerMatchesSeek: 40,
  seekMatchesOffer: 40,
  sharedThemes: 15,
  sharedSectors: 10,
  complementaryTypes: 10,
  regionDiversity: 5,
};

export interface ScoringEntry {
  id: string;
  title: string;
  description?: string | null;
  tags?: string[];
}

export interface ScoringProfile {
  accountId: string;
  organisationType: string | null;
  country: string | null;
  region: string | null;
  themes: string[];
  sectors: string[];
  offers: ScoringEntry[];
  seeks: ScoringEntry[];
}

export enum ReasonKind {
  OFFER_MATCHES_SEEK = 'OFFER_MATCHES_SEEK',
  SEEK_MATCHES_OFFER = 'SEEK_MATCHES_OFFER',
  SHARED_THEMES = 'SHARED_THEMES',
  SHARED_SECTORS = 'SHARED_SECTORS',
  COMPLEMENTARY_TYPES = 'COMPLEMENTARY_TYPES',
  REGION_DIVERSITY = 'REGION_DIVERSITY',
}

export interface RecommendationReason {
  kind: ReasonKind;
  /** The reason in words, e.g. "their offer 'X' matches your request 'Y'". */
  text: string;
  /** Points this reason adds to the 0–100 score. */
  points: number;
  /** The same reason as data: matched entries, shared terms, similarity… */
  data: Record<string, unknown>;
}

export interface ScoredCandidate {
  accountId: string;
  score: number;
  reasons: RecommendationReason[];
}

/** 0–1: how much two organisation types gain from meeting (symmetric). */
const COMPLEMENTS: Record<string, number> = {
  'INVESTOR|SME': 1,
  'LARGE_COMPANY|SME': 0.8,
  'RESEARCH|SME': 0.8,
  'LARGE_COMPANY|RESEARCH': 0.8,
  'CLUSTER|PUBLIC_AUTHORITY': 0.8,
  'INVESTOR|RESEARCH': 0.6,
  'CLUSTER|SME': 0.6,
  'CLUSTER|RESEARCH': 0.6,
  'PUBLIC_AUTHORITY|RESEARCH': 0.5,
  'CLUSTER|CLUSTER': 0.5,
  'LARGE_COMPANY|PUBLIC_AUTHORITY': 0.5,
  'PUBLIC_AUTHORITY|SME': 0.5,
  'CLUSTER|LARGE_COMPANY': 0.5,
  'INVESTOR|LARGE_COMPANY': 0.4,
  'PUBLIC_AUTHORITY|PUBLIC_AUTHORITY': 0.4,
};
const TYPE_WORDS: Record<string, string> = {
  CLUSTER: 'cluster',
  SME: 'SME',
  LARGE_COMPANY: 'large company',
  RESEARCH: 'research organisation',
  PUBLIC_AUTHORITY: 'public authority',
  INVESTOR: 'investor',
  OTHER: 'organisation',
};

export function complementarity(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  const key = [a, b].sort().join('|');
  return COMPLEMENTS[key] ?? (a === b ? 0.1 : 0.3);
}

const STOPWORDS = new Set(
  ('a an and are as at be by for from has have in into is it its of on or our that the their this to was we with ' +
    'you your new looking seek seeking offer offering need needs partner partners provide providing support want').split(' '),
);

/** Lower-case word stems without accents and stop words. Crude, but language-agnostic enough. */
export function terms(text: string): string[] {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 3 || STOPWORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

function stem(word: string): string {
  for (const suffix of ['isation', 'ization', 'ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ies', 'ers', 'er', 'es', 's', 'ed', 'al']) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

type Vector = Map<string, number>;

interface IndexedEntry {
  entry: ScoringEntry;
  vector: Vector;
}

interface IndexedProfile {
  profile: ScoringProfile;
  offers: IndexedEntry[];
  seeks: IndexedEntry[];
}

/**
 * Term statistics and entry vectors of one event's profiles. Building it is the expensive part
 * (tokenising every entry); the service keeps it while the event's profiles do not change, so a
 * recommendation only scores.
 */
export interface RecommendationIndex {
  profiles: Map<string, IndexedProfile>;
  df: Map<string, number>;
  documents: number;
}

function entryTerms(e: ScoringEntry): string[] {
  // Title and tags say what the entry is about; they count twice as much as the description.
  const strong = terms([e.title, ...(e.tags ?? [])].join(' '));
  return [...strong, ...strong, ...terms(e.description ?? '')];
}

export function buildIndex(profiles: ScoringProfile[]): RecommendationIndex {
  const df = new Map<string, number>();
  let documents = 0;
  const tokenised = profiles.map((profile) => {
    const tokenise = (e: ScoringEntry) => {
      const list = entryTerms(e);
      documents += 1;
      for (const term of new Set(list)) df.set(term, (df.get(term) ?? 0) + 1);
      return { entry: e, list };
    };
    return { profile, offers: profile.offers.map(tokenise), seeks: profile.seeks.map(tokenise) };
  });
  const index: RecommendationIndex = { profiles: new Map(), df, documents };
  for (const t of tokenised) {
    index.profiles.set(t.profile.accountId, {
      profile: t.profile,
      offers: t.offers.map((o) => ({ entry: o.entry, vector: vectorise(index, o.list) })),
      seeks: t.seeks.map((s) => ({ entry: s.entry, vector: vectorise(index, s.list) })),
    });
  }
  return index;
}

function vectorise(index: RecommendationIndex, termList: string[]): Vector {
  const tf = new Map<string, number>();
  for (const term of termList) tf.set(term, (tf.get(term) ?? 0) + 1);
  let norm = 0;
  for (const [term, count] of tf) {
    const w = (1 + Math.log(count)) * Math.log(1 + index.documents / (index.df.get(term) ?? 1));
    tf.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, w] of tf) tf.set(term, w / norm);
  return tf;
}

function indexViewer(index: RecommendationIndex, viewer: ScoringProfile): IndexedProfile {
  return {
    profile: viewer,
    offers: viewer.offers.map((entry) => ({ entry, vector: vectorise(index, entryTerms(entry)) })),
    seeks: viewer.seeks.map((entry) => ({ entry, vector: vectorise(index, entryTerms(entry)) })),
  };
}

/**
 * Ranks `candidates` for `viewer`. The IDF is computed over all entries given, so rare words
 * ("tailings", "bioleaching") weigh more than common ones ("mining").
 */
export function rankCandidates(
  viewer: ScoringProfile,
  candidates: ScoringProfile[],
  weights: RecommendationWeights = DEFAULT_WEIGHTS,
  limit = 20,
): ScoredCandidate[] {
  const index = buildIndex([viewer, ...candidates]);
  return rankWithIndex(index, viewer, candidates.map((c) => c.accountId), weights, limit);
}

/**
 * Ranks the indexed profiles named in `candidateIds` for `viewer` (whose own, possibly
 * private, entries are vectorised against the index's statistics). Scores every candidate,
 * then builds the reasons of the best `limit` only.
 */
export function rankWithIndex(
  index: RecommendationIndex,
  viewer: ScoringProfile,
  candidateIds: Iterable<string>,
  weights: RecommendationWeights = DEFAULT_WEIGHTS,
  limit = 20,
): ScoredCandidate[] {
  const me = indexViewer(index, viewer);
  const totalWeight = Object.values(weights).reduce((a, b) => a + b, 0) || 1;
  const scores: { them: IndexedProfile; score: number }[] = [];
  for (const id of candidateIds) {
    const them = index.profiles.get(id);
    if (!them || id === viewer.accountId) continue;
    scores.push({ them, score: scoreOne(me, them, weights, totalWeight, false).score });
  }
  scores.sort((a, b) => b.score - a.score || a.them.profile.accountId.localeCompare(b.them.profile.accountId));
  return scores.slice(0, limit).map(({ them }) => scoreOne(me, them, weights, totalWeight, true));
}

function cosine(a: Vector, b: Vector, detail: boolean): { similarity: number; shared: string[] } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  const shared: { term: string; w: number }[] = [];
  for (const [term, w] of small) {
    const v = large.get(term);
    if (v !== undefined) {
      sum += w * v;
      if (detail) shared.push({ term, w: w * v });
    }
  }
  if (!detail) return { similarity: sum, shared: [] };
  shared.sort((x, y) => y.w - x.w);
  return { similarity: sum, shared: shared.slice(0, 5).map((s) => s.term) };
}

function bestMatch(offers: IndexedEntry[], seeks: IndexedEntry[], detail: boolean) {
  let best: { offer: ScoringEntry; seek: ScoringEntry; similarity: number; shared: string[] } | null = null;
  for (const o of offers) {
    for (const s of seeks) {
      const { similarity, shared } = cosine(o.vector, s.vector, detail);
      if (similarity > 0 && (!best || similarity > best.similarity)) best = { offer: o.entry, seek: s.entry, similarity, shared };
    }
  }
  return best;
}

function overlap(a: string[], b: string[]): { value: number; shared: string[] } {
  if (!a.length || !b.length) return { value: 0, shared: [] };
  const set = new Set(a);
  const shared = [...new Set(b)].filter((x) => set.has(x));
  return { value: shared.length / Math.sqrt(new Set(a).size * new Set(b).size), shared };
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function scoreOne(me: IndexedProfile, them: IndexedProfile, weights: RecommendationWeights, totalWeight: number, detail: boolean): ScoredCandidate {
  const reasons: RecommendationReason[] = [];
  const add = (kind: ReasonKind, weight: number, component: number, text: string, data: Record<string, unknown>) => {
    const points = (100 * weight * component) / totalWeight;
    if (points > 0 && detail) reasons.push({ kind, text, points: round(points), data: { ...data, component: round(component, 3) } });
    return points;
  };
  let score = 0;

  const theirOffer = bestMatch(them.offers, me.seeks, detail);
  if (theirOffer) {
    score += add(
      ReasonKind.OFFER_MATCHES_SEEK,
      weights.offerMatchesSeek,
      textComponent(theirOffer.similarity),
      `their offer '${theirOffer.offer.title}' matches your request '${theirOffer.seek.title}'`,
      { theirEntryId: theirOffer.offer.id, yourEntryId: theirOffer.seek.id, similarity: round(theirOffer.similarity, 3), matchedTerms: theirOffer.shared },
    );
  }
  const myOffer = bestMatch(me.offers, them.seeks, detail);
  if (myOffer) {
    score += add(
      ReasonKind.SEEK_MATCHES_OFFER,
      weights.seekMatchesOffer,
      textComponent(myOffer.similarity),
      `your offer '${myOffer.offer.title}' matches their request '${myOffer.seek.title}'`,
      { yourEntryId: myOffer.offer.id, theirEntryId: myOffer.seek.id, similarity: round(myOffer.similarity, 3), matchedTerms: myOffer.shared },
    );
  }
  const themes = overlap(me.profile.themes, them.profile.themes);
  if (themes.shared.length) {
    score += add(ReasonKind.SHARED_THEMES, weights.sharedThemes, themes.value, `shared themes: ${themes.shared.join(', ')}`, { shared: themes.shared });
  }
  const sectors = overlap(me.profile.sectors, them.profile.sectors);
  if (sectors.shared.length) {
    score += add(ReasonKind.SHARED_SECTORS, weights.sharedSectors, sectors.value, `shared sectors: ${sectors.shared.join(', ')}`, { shared: sectors.shared });
  }
  const myType = me.profile.organisationType;
  const theirType = them.profile.organisationType;
  const complement = complementarity(myType, theirType);
  if (complement >= 0.5) {
    score += add(
      ReasonKind.COMPLEMENTARY_TYPES,
      weights.complementaryTypes,
      complement,
      `complementary organisations: ${TYPE_WORDS[theirType!] ?? theirType} and ${TYPE_WORDS[myType!] ?? myType}`,
      { yourType: myType, theirType },
    );
  }
  const diversity = regionDiversity(me.profile, them.profile);
  if (diversity > 0) {
    score += add(
      ReasonKind.REGION_DIVERSITY,
      weights.regionDiversity,
      diversity,
      diversity === 1
        ? `different country (${them.profile.country}): cross-regional value`
        : `different region (${them.profile.region}): cross-regional value`,
      { yourRegion: me.profile.region, theirRegion: them.profile.region, yourCountry: me.profile.country, theirCountry: them.profile.country },
    );
  }
  reasons.sort((a, b) => b.points - a.points);
  return { accountId: them.profile.accountId, score: round(score), reasons };
}

/**
 * One specific match says more than several vague ones: similarity is squared, so an offer
 * that meets a request on three rare terms outranks two offers that each share one.
 */
function textComponent(similarity: number): number {
  return Math.min(1, similarity) ** 2;
}

function regionDiversity(a: ScoringProfile, b: ScoringProfile): number {
  if (a.country && b.country && a.country !== b.country) return 1;
  if (a.region && b.region && a.region !== b.region) return 0.6;
  return 0;
}
