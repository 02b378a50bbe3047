import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommonException } from '../common/index.js';
import { type Actor } from '../identity/index.js';
import { FieldAudience, ProfileField } from './entities/matchmaking-profile.entity.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { audienceOf, MatchmakingProfilesService, type ParticipantCard } from './matchmaking-profiles.service.js';
import { MatchmakingSettingsService } from './matchmaking-settings.service.js';
import {
  buildIndex,
  rankWithIndex,
  type RecommendationIndex,
  type RecommendationReason,
  type ScoringEntry,
  type ScoringProfile,
} from './recommendation-scoring.js';

export interface Recommendation {
  participant: ParticipantCard;
  score: number;
  reasons: RecommendationReason[];
}

interface ProfileRow {
  account_id: string;
  organisation_id: string | null;
  org_type: string | null;
  country: string | null;
  region: string | null;
  themes: string[];
  sectors: string[];
  visibility: Partial<Record<ProfileField, FieldAudience>>;
}

interface EntryRow {
  id: string;
  account_id: string;
  direction: 'OFFER' | 'SEEK';
  title: string;
  description: string | null;
  tags: string[];
}

/**
 * Loads the event's profiles and asks the pure scorer (recommendation-scoring.ts) whom the
 * participant should meet. Only what others chose to show to all participants is used, so a
 * reason never reveals a hidden field. People already met, asked, or declined, and colleagues
 * from one's own organisation, are left out.
 */
interface CachedIndex {
  version: string;
  builtAt: number;
  index: RecommendationIndex;
  organisationOf: Map<string, string | null>;
}

/** Rebuild at least this often even when nothing seems to have changed (e.g. an organisation's region). */
const INDEX_TTL_MS = 5 * 60_000;
const MAX_CACHED_EVENTS = 20;

@Injectable()
export class RecommendationsService {
  private readonly cache = new Map<string, CachedIndex>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MatchmakingAccessService,
    private readonly settings: MatchmakingSettingsService,
    private readonly profiles: MatchmakingProfilesService,
  ) {}

  async recommend(actor: Actor | null, eventId: string, first = 10, onBehalfOf?: string | null): Promise<Recommendation[]> {
    if (!Number.isInteger(first) || first < 1 || first > 50) throw CommonException.invalidInput('first', 'first must be between 1 and 50.');
    const subject = await this.access.subject(actor, eventId, onBehalfOf);
    const [settings, cached, mine, excluded] = await Promise.all([
      this.settings.forEvent(eventId),
      this.indexOf(eventId),
      this.profileRows(eventId, subject.accountId),
      this.dataSource.query(
        `SELECT CASE WHEN requester_id = $2 THEN recipient_id ELSE requester_id END AS other
           FROM meeting_request
          WHERE event_id = $1 AND (requester_id = $2 OR recipient_id = $2) AND status IN ('PENDING', 'ACCEPTED', 'DECLINED')`,
        [eventId, subject.accountId],
      ) as Promise<{ other: string }[]>,
    ]);
    const me = mine.rows[0];
    if (!me) return [];
    const skip = new Set(excluded.map((e) => e.other));
    const candidates: string[] = [];
    for (const [id, organisationId] of cached.organisationOf) {
      if (id === me.account_id || skip.has(id)) continue;
      if (me.organisation_id && organisationId === me.organisation_id) continue;
      candidates.push(id);
    }
    // The viewer is scored on everything they wrote, hidden or not: it is their own data.
    const viewer = toScoring(me, mine.entries, true);
    const ranked = rankWithIndex(cached.index, viewer, candidates, this.settings.weights(settings), first);
    const viewerInfo = await this.profiles.viewer(eventId, subject.actorId, subject.actorIsOrganiser);
    const cards = new Map((await this.profiles.cards(eventId, ranked.map((r) => r.accountId), viewerInfo)).map((c) => [c.accountId, c]));
    return ranked.filter((r) => cards.has(r.accountId)).map((r) => ({ participant: cards.get(r.accountId)!, score: r.score, reasons: r.reasons }));
  }

  /**
   * The event's term index over what participants show to everyone, rebuilt when a profile,
   * entry or registration of the event changed (or after a few minutes).
   */
  private async indexOf(eventId: string): Promise<CachedIndex> {
    const [{ version }]: { version: string }[] = await this.dataSource.query(
      `SELECT concat_ws('|',
         (SELECT concat(count(*), '/', max(updated_at)) FROM matchmaking_profile WHERE event_id = $1),
         (SELECT concat(count(*), '/', max(updated_at)) FROM marketplace_entry WHERE event_id = $1),
         (SELECT concat(count(*), '/', max(updated_at)) FROM participation WHERE event_id = $1)) AS version`,
      [eventId],
    );
    const hit = this.cache.get(eventId);
    if (hit && hit.version === version && Date.now() - hit.builtAt < INDEX_TTL_MS) return hit;
    const { rows, entries } = await this.profileRows(eventId);
    const byAccount = groupEntries(entries);
    const index = buildIndex(rows.map((r) => toScoring(r, byAccount.get(r.account_id) ?? [], false)));
    const built: CachedIndex = { version, builtAt: Date.now(), index, organisationOf: new Map(rows.map((r) => [r.account_id, r.organisation_id])) };
    this.cache.delete(eventId);
    this.cache.set(eventId, built);
    if (this.cache.size > MAX_CACHED_EVENTS) this.cache.delete(this.cache.keys().next().value!);
    return built;
  }

  /** Approved participants taking part (or one person, whether taking part or not), with entries. */
  private async profileRows(eventId: string, accountId?: string): Promise<{ rows: ProfileRow[]; entries: EntryRow[] }> {
    const [rows, entries] = await Promise.all([
      this.dataSource.query(
        `SELECT p.account_id, a.organisation_id, o.type AS org_type, o.country, o.region, p.themes, p.sectors, p.visibility
           FROM matchmaking_profile p
           JOIN participation pa ON pa.event_id = p.event_id AND pa.account_id = p.account_id AND pa.status = 'APPROVED'
           JOIN account a ON a.id = p.account_id
           LEFT JOIN organisation o ON o.id = a.organisation_id
          WHERE p.event_id = $1 AND ${accountId ? 'p.account_id = $2' : 'p.taking_part'}
          ORDER BY p.account_id`,
        accountId ? [eventId, accountId] : [eventId],
      ) as Promise<ProfileRow[]>,
      this.dataSource.query(
        `SELECT e.id, e.account_id, e.direction, e.title, e.description, e.tags FROM marketplace_entry e
          WHERE e.event_id = $1 ${accountId ? 'AND e.account_id = $2' : ''} ORDER BY e.created_at, e.id`,
        accountId ? [eventId, accountId] : [eventId],
      ) as Promise<EntryRow[]>,
    ]);
    return { rows, entries };
  }
}

function groupEntries(entries: EntryRow[]): Map<string, EntryRow[]> {
  const byAccount = new Map<string, EntryRow[]>();
  for (const e of entries) {
    const list = byAccount.get(e.account_id);
    if (list) list.push(e);
    else byAccount.set(e.account_id, [e]);
  }
  return byAccount;
}

function toScoring(row: ProfileRow, entries: EntryRow[], self: boolean): ScoringProfile {
  const shown = (field: ProfileField) => self || audienceOf(row.visibility, field) === FieldAudience.PARTICIPANTS;
  const asEntry = (e: EntryRow): ScoringEntry => ({ id: e.id, title: e.title, description: e.description, tags: e.tags });
  const market = shown(ProfileField.MARKETPLACE) ? entries : [];
  const organisation = shown(ProfileField.ORGANISATION);
  return {
    accountId: row.account_id,
    organisationType: organisation ? row.org_type : null,
    country: organisation ? row.country : null,
    region: organisation ? row.region : null,
    themes: shown(ProfileField.INTERESTS) ? row.themes : [],
    sectors: shown(ProfileField.INTERESTS) ? row.sectors : [],
    offers: market.filter((e) => e.direction === 'OFFER').map(asEntry),
    seeks: market.filter((e) => e.direction === 'SEEK').map(asEntry),
  };
}
