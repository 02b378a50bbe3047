import { buildIndex, complementarity, DEFAULT_WEIGHTS, rankCandidates, rankWithIndex, ReasonKind, type ScoringProfile, terms } from './recommendation-scoring.js';

const profile = (accountId: string, overrides: Partial<ScoringProfile> = {}): ScoringProfile => ({
  accountId,
  organisationType: 'SME',
  country: 'FI',
  region: 'Lapland',
  themes: [],
  sectors: [],
  offers: [],
  seeks: [],
  ...overrides,
});

describe('recommendation scoring', () => {
  const me = profile('me', {
    themes: ['circular economy', 'water'],
    seeks: [{ id: 's1', title: 'Partners for mine waste reuse', description: 'valorisation of tailings from gold mining', tags: ['tailings'] }],
    offers: [{ id: 'o1', title: 'Drone surveys of mine sites', tags: ['drones', 'remote sensing'] }],
  });

  it('ranks the complementary offer first and explains why, in words and data', () => {
    const match = profile('match', {
      organisationType: 'RESEARCH',
      country: 'ES',
      region: 'Asturias',
      themes: ['circular economy'],
      offers: [{ id: 'x1', title: 'Tailings valorisation pilot plant', description: 'reuse of mine waste as construction material' }],
    });
    const noise = profile('noise', { offers: [{ id: 'y1', title: 'Accounting software for municipalities' }] });
    const [first, second] = rankCandidates(me, [noise, match]);
    expect(first.accountId).toBe('match');
    expect(first.score).toBeGreaterThan(second.score);
    const offer = first.reasons.find((r) => r.kind === ReasonKind.OFFER_MATCHES_SEEK)!;
    expect(offer.text).toBe("their offer 'Tailings valorisation pilot plant' matches your request 'Partners for mine waste reuse'");
    expect(offer.data).toMatchObject({ theirEntryId: 'x1', yourEntryId: 's1' });
    expect(offer.data.matchedTerms).toEqual(expect.arrayContaining(['tail', 'waste', 'reuse']));
    expect(first.reasons.map((r) => r.text)).toEqual(
      expect.arrayContaining(['shared themes: circular economy', 'different country (ES): cross-regional value']),
    );
    // The points of the reasons add up to the score.
    expect(first.reasons.reduce((sum, r) => sum + r.points, 0)).toBeCloseTo(first.score, 1);
  });

  it('matches in both directions: what I offer and they seek counts too', () => {
    const seeker = profile('seeker', { seeks: [{ id: 'z', title: 'Remote sensing with drones over mine sites' }] });
    const [result] = rankCandidates(me, [seeker]);
    expect(result.reasons[0]).toMatchObject({ kind: ReasonKind.SEEK_MATCHES_OFFER, data: { yourEntryId: 'o1', theirEntryId: 'z' } });
  });

  it('follows the organiser-tuned weights', () => {
    const sameThemes = profile('themes', { themes: ['circular economy', 'water'] });
    const otherCountry = profile('abroad', { country: 'SE', region: 'Västerbotten' });
    const themeHeavy = rankCandidates(me, [sameThemes, otherCountry], { ...DEFAULT_WEIGHTS, sharedThemes: 50, regionDiversity: 1 });
    expect(themeHeavy[0].accountId).toBe('themes');
    const regionHeavy = rankCandidates(me, [sameThemes, otherCountry], { ...DEFAULT_WEIGHTS, sharedThemes: 1, regionDiversity: 50 });
    expect(regionHeavy[0].accountId).toBe('abroad');
    const zero = rankCandidates(me, [sameThemes], { ...DEFAULT_WEIGHTS, sharedThemes: 0 });
    expect(zero[0].reasons.find((r) => r.kind === ReasonKind.SHARED_THEMES)).toBeUndefined();
  });

  it('is deterministic and limits the list', () => {
    const many = Array.from({ length: 30 }, (_, i) => profile(`p${String(i).padStart(2, '0')}`));
    const a = rankCandidates(me, many, DEFAULT_WEIGHTS, 5);
    expect(a).toHaveLength(5);
    expect(a.map((c) => c.accountId)).toEqual(['p00', 'p01', 'p02', 'p03', 'p04']);
  });

  it('stems, drops stop words and accents', () => {
    expect(terms('Valorisation of the tailings, Minería')).toEqual(['valor', 'tail', 'mineria']);
    expect(complementarity('SME', 'INVESTOR')).toBe(1);
    expect(complementarity('INVESTOR', 'SME')).toBe(1);
    expect(complementarity(null, 'SME')).toBe(0);
  });
});

describe('recommendation index', () => {
  it('ranks only the named candidates, never the viewer, and scores the viewer’s private entries too', () => {
    const viewer = profile('v', { seeks: [{ id: 's', title: 'Bioleaching of nickel slag' }] });
    const a = profile('a', { offers: [{ id: 'a1', title: 'Nickel slag bioleaching trials' }] });
    const b = profile('b', { offers: [{ id: 'b1', title: 'Bioleaching of nickel slag at scale' }] });
    // The index holds what others show publicly; the viewer's entries are not in it.
    const index = buildIndex([profile('v'), a, b]);
    expect(rankWithIndex(index, viewer, ['a', 'v', 'unknown']).map((r) => r.accountId)).toEqual(['a']);
    const both = rankWithIndex(index, viewer, ['a', 'b']);
    expect(both.map((r) => r.accountId).sort()).toEqual(['a', 'b']);
    expect(both[0].reasons[0].kind).toBe(ReasonKind.OFFER_MATCHES_SEEK);
  });
});
