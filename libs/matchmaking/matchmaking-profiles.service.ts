import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CommonException } from '../common/index.js';
import { isUuid } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { EntryDirection, EntryKind, MarketplaceEntryEntity } from './entities/marketplace-entry.entity.js';
import {
  CONTACT_FIELDS,
  DEFAULT_VISIBILITY,
  FieldAudience,
  MatchmakingProfileEntity,
  ProfileField,
} from './entities/matchmaking-profile.entity.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingException } from './matchmaking.exception.js';
import { MatchmakingSettingsService } from './matchmaking-settings.service.js';

export interface ProfileInput {
  takingPart?: boolean;
  pitch?: string | null;
  themes?: string[];
  sectors?: string[];
  phone?: string | null;
  visibility?: { field: ProfileField; audience: FieldAudience }[];
}

export interface EntryInput {
  direction?: EntryDirection;
  kind?: EntryKind;
  title?: string;
  description?: string | null;
  tags?: string[];
}

export interface DirectoryFilter {
  organisationTypes?: string[];
  countries?: string[];
  regions?: string[];
  sectors?: string[];
  themes?: string[];
  entryKinds?: EntryKind[];
  entryDirection?: EntryDirection;
  text?: string;
}

export interface CardOrganisation {
  id: string;
  name: string;
  type: string;
  country: string | null;
  region: string | null;
}

/** A participant as one viewer may see them: withheld fields are null (or empty) and listed. */
export interface ParticipantCard {
  accountId: string;
  eventId: string;
  name: string;
  jobTitle: string | null;
  organisation: CardOrganisation | null;
  takingPart: boolean;
  pitch: string | null;
  themes: string[];
  sectors: string[];
  entries: MarketplaceEntryEntity[];
  email: string | null;
  phone: string | null;
  isMeetingPartner: boolean;
  hiddenFields: ProfileField[];
  /** The owner's visibility choices; only for the owner and organisers. */
  visibility: { field: ProfileField; audience: FieldAudience }[] | null;
}

export interface CardPage {
  items: ParticipantCard[];
  endCursor: string | null;
  hasNextPage: boolean;
}

interface CardRow {
  account_id: string;
  name: string;
  email: string;
  job_title: string | null;
  org_id: string | null;
  org_name: string | null;
  org_type: string | null;
  country: string | null;
  region: string | null;
  taking_part: boolean | null;
  pitch: string | null;
  themes: string[] | null;
  sectors: string[] | null;
  phone: string | null;
  visibility: Partial<Record<ProfileField, FieldAudience>> | null;
}

export interface Viewer {
  accountId: string;
  isOrganiser: boolean;
  partners: Set<string>;
}

const MAX_PAGE = 100;
const MAX_ENTRIES = 20;
const PHONE = /^\+?[0-9][0-9 ()./-]{3,29}$/;

/**
 * Profiles and marketplace entries, and the directory built on them. Reads join accounts and
 * organisations in SQL (read-only) so a page of the directory costs two queries, not one per row.
 */
@Injectable()
export class MatchmakingProfilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MatchmakingAccessService,
    private readonly settings: MatchmakingSettingsService,
  ) {}

  /** A participant's profile as the actor may see it; the actor's own when accountId is omitted. */
  async profile(actor: Actor | null, eventId: string, accountId?: string | null): Promise<ParticipantCard> {
    const member = await this.access.member(actor, eventId);
    const target = accountId ?? actor!.accountId;
    if (target !== actor!.accountId) await this.access.requireParticipant(eventId, target, 'accountId');
    const viewer = await this.viewer(eventId, actor!.accountId, member.isOrganiser);
    const [card] = await this.cards(eventId, [target], viewer);
    if (!card) throw CommonException.notFound('Matchmaking profile', target);
    // Someone who does not take part is not shown to other participants at all.
    if (!card.takingPart && target !== viewer.accountId && !viewer.isOrganiser) throw CommonException.notFound('Matchmaking profile', target);
    return card;
  }

  async updateProfile(actor: Actor | null, eventId: string, input: ProfileInput, onBehalfOf?: string | null): Promise<ParticipantCard> {
    const subject = await this.access.subject(actor, eventId, onBehalfOf);
    await this.dataSource.transaction(async (manager) => {
      const settings = await this.settings.forEvent(eventId, manager);
      const profile = await this.ensureProfile(manager, eventId, subject.accountId, true);
      if (input.takingPart !== undefined && input.takingPart !== null) profile.takingPart = input.takingPart;
      if (input.pitch !== undefined) {
        const pitch = input.pitch?.trim() || null;
        if (pitch && pitch.length > 2000) throw CommonException.textLength('pitch', 'The pitch can have at most 2,000 characters.', { max: 2000 });
        profile.pitch = pitch;
      }
      if (input.themes) profile.themes = fromList('themes', input.themes, settings.themes);
      if (input.sectors) profile.sectors = fromList('sectors', input.sectors, settings.sectors);
      if (input.phone !== undefined) {
        const phone = input.phone?.trim() || null;
        if (phone && !PHONE.test(phone)) throw CommonException.invalidInput('phone', 'Write the phone number with digits, e.g. +358 40 123 4567.');
        profile.phone = phone;
      }
      if (input.visibility) {
        const visibility = { ...profile.visibility };
        for (const { field, audience } of input.visibility) {
          if (!Object.values(ProfileField).includes(field)) throw CommonException.invalidInput('visibility', `Unknown field "${field}".`);
          if (!Object.values(FieldAudience).includes(audience)) throw CommonException.invalidInput('visibility', `Unknown audience "${audience}".`);
          if (CONTACT_FIELDS.includes(field) && audience === FieldAudience.PARTICIPANTS) {
            throw CommonException.invalidInput('visibility', 'Contact details are shown only to meeting partners or organisers.');
          }
          if (DEFAULT_VISIBILITY[field] === audience) delete visibility[field];
          else visibility[field] = audience;
        }
        profile.visibility = visibility;
      }
      await manager.getRepository(MatchmakingProfileEntity).save(profile);
    });
    const viewer = await this.viewer(eventId, subject.actorId, subject.actorIsOrganiser);
    return (await this.cards(eventId, [subject.accountId], viewer))[0];
  }

  async addEntry(actor: Actor | null, eventId: string, input: EntryInput, onBehalfOf?: string | null): Promise<MarketplaceEntryEntity> {
    const subject = await this.access.subject(actor, eventId, onBehalfOf);
    return this.dataSource.transaction(async (manager) => {
      await this.ensureProfile(manager, eventId, subject.accountId, false);
      // Serialise one person's additions so the cap holds.
      await manager.query(`SELECT 1 FROM matchmaking_profile WHERE event_id = $1 AND account_id = $2 FOR UPDATE`, [eventId, subject.accountId]);
      const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM marketplace_entry WHERE event_id = $1 AND account_id = $2`, [
        eventId,
        subject.accountId,
      ]);
      if (count >= MAX_ENTRIES) throw CommonException.invalidInput('input', `At most ${MAX_ENTRIES} offers and requests per person.`);
      const entry = manager.getRepository(MarketplaceEntryEntity).create({ eventId, accountId: subject.accountId, ...validEntry(input) });
      return manager.getRepository(MarketplaceEntryEntity).save(entry);
    });
  }

  async updateEntry(actor: Actor | null, entryId: string, input: EntryInput): Promise<MarketplaceEntryEntity> {
    const entry = await this.ownedEntry(actor, entryId);
    Object.assign(entry, validEntry({ ...entry, ...stripUndefined(input) }));
    return this.dataSource.getRepository(MarketplaceEntryEntity).save(entry);
  }

  async removeEntry(actor: Actor | null, entryId: string): Promise<boolean> {
    const entry = await this.ownedEntry(actor, entryId);
    await this.dataSource.getRepository(MarketplaceEntryEntity).delete({ id: entry.id });
    return true;
  }

  /** Participants who take part, filtered, in name order, keyset-paginated on (lower(name), id). */
  async directory(actor: Actor | null, eventId: string, filter: DirectoryFilter = {}, first = 20, after?: string | null): Promise<CardPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw CommonException.invalidInput('first', `first must be between 1 and ${MAX_PAGE}.`);
    const member = await this.access.member(actor, eventId);
    const viewer = await this.viewer(eventId, actor!.accountId, member.isOrganiser);
    const params: unknown[] = [eventId, viewer.accountId];
    const p = (value: unknown) => `$${params.push(value)}`;
    // A filter never looks at a field the viewer may not see, or it would reveal it.
    const shown = (field: ProfileField) =>
      viewer.isOrganiser ? 'true' : `coalesce(p.visibility->>'${field}', '${DEFAULT_VISIBILITY[field]}') = 'PARTICIPANTS'`;
    const where = [`p.event_id = $1`, `p.taking_part`, `p.account_id <> $2`];
    if (filter.organisationTypes?.length) where.push(`${shown(ProfileField.ORGANISATION)} AND o.type = ANY(${p(filter.organisationTypes)})`);
    if (filter.countries?.length) where.push(`${shown(ProfileField.ORGANISATION)} AND o.country = ANY(${p(filter.countries.map((c) => c.toUpperCase()))})`);
    if (filter.regions?.length) where.push(`${shown(ProfileField.ORGANISATION)} AND lower(o.region) = ANY(${p(filter.regions.map((r) => r.toLowerCase()))})`);
    if (filter.themes?.length) where.push(`${shown(ProfileField.INTERESTS)} AND p.themes && ${p(filter.themes)}::text[]`);
    if (filter.sectors?.length) where.push(`${shown(ProfileField.INTERESTS)} AND p.sectors && ${p(filter.sectors)}::text[]`);
    if (filter.entryKinds?.length || filter.entryDirection) {
      const kinds = filter.entryKinds?.length ? `AND e.kind = ANY(${p(filter.entryKinds)})` : '';
      const direction = filter.entryDirection ? `AND e.direction = ${p(filter.entryDirection)}` : '';
      where.push(
        `${shown(ProfileField.MARKETPLACE)} AND EXISTS (SELECT 1 FROM marketplace_entry e WHERE e.event_id = p.event_id AND e.account_id = p.account_id ${kinds} ${direction})`,
      );
    }
    const text = filter.text?.trim();
    if (text) {
      if (text.length > 200) throw CommonException.textLength('filter.text', 'Search text can have at most 200 characters.', { max: 200 });
      const like = p(`%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
      where.push(`(a.name ILIKE ${like}
        OR (${shown(ProfileField.ORGANISATION)} AND o.name ILIKE ${like})
        OR (${shown(ProfileField.PITCH)} AND p.pitch ILIKE ${like})
        OR (${shown(ProfileField.MARKETPLACE)} AND EXISTS (
              SELECT 1 FROM marketplace_entry e WHERE e.event_id = p.event_id AND e.account_id = p.account_id
                AND (e.title ILIKE ${like} OR e.description ILIKE ${like} OR array_to_string(e.tags, ' ') ILIKE ${like}))))`);
    }
    if (after) {
      const [name, id] = decodeCursor(after);
      where.push(`(lower(a.name), a.id) > (${p(name)}, ${p(id)}::uuid)`);
    }
    const rows: CardRow[] = await this.dataSource.query(
      `${CARD_SELECT}
       WHERE ${where.join(' AND ')}
       ORDER BY lower(a.name), a.id
       LIMIT ${first + 1}`,
      params,
    );
    const items = await this.toCards(eventId, rows.slice(0, first), viewer);
    const last = items.at(-1);
    return { items, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.name.toLowerCase(), last.accountId) : null };
  }

  /** Cards as this actor may see them, for DataLoaders resolving the people of requests and meetings. */
  async cardsFor(actor: Actor | null, eventId: string, accountIds: string[]): Promise<ParticipantCard[]> {
    if (!actor) return [];
    const viewer = await this.viewer(eventId, actor.accountId, await this.access.isOrganiser(actor, eventId));
    return this.cards(eventId, accountIds, viewer);
  }

  /** What a viewer needs to decide visibility: organiser or not, and who they have met. */
  async viewer(eventId: string, accountId: string, isOrganiser: boolean, manager: EntityManager = this.dataSource.manager): Promise<Viewer> {
    const rows: { partner: string }[] = await manager.query(
      `SELECT CASE WHEN requester_id = $2 THEN recipient_id ELSE requester_id END AS partner
         FROM meeting WHERE event_id = $1 AND status = 'CONFIRMED' AND (requester_id = $2 OR recipient_id = $2)`,
      [eventId, accountId],
    );
    return { accountId, isOrganiser, partners: new Set(rows.map((r) => r.partner)) };
  }

  /** Cards of these accounts as the viewer may see them (accounts without a profile too). */
  async cards(eventId: string, accountIds: string[], viewer: Viewer): Promise<ParticipantCard[]> {
    if (!accountIds.length) return [];
    const rows: CardRow[] = await this.dataSource.query(
      `SELECT a.id AS account_id, a.name, a.email, a.job_title,
              o.id AS org_id, o.name AS org_name, o.type AS org_type, o.country, o.region,
              p.taking_part, p.pitch, p.themes, p.sectors, p.phone, p.visibility
         FROM account a
         LEFT JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN matchmaking_profile p ON p.account_id = a.id AND p.event_id = $1
        WHERE a.id = ANY($2::uuid[])`,
      [eventId, accountIds],
    );
    const byId = new Map((await this.toCards(eventId, rows, viewer)).map((c) => [c.accountId, c]));
    return accountIds.map((id) => byId.get(id)).filter((c): c is ParticipantCard => !!c);
  }

  private async toCards(eventId: string, rows: CardRow[], viewer: Viewer): Promise<ParticipantCard[]> {
    const entries = rows.length
      ? await this.dataSource.getRepository(MarketplaceEntryEntity).find({
          where: rows.map((r) => ({ eventId, accountId: r.account_id })),
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const entriesOf = new Map<string, MarketplaceEntryEntity[]>();
    for (const e of entries) entriesOf.set(e.accountId, [...(entriesOf.get(e.accountId) ?? []), e]);
    return rows.map((row) => toCard(eventId, row, entriesOf.get(row.account_id) ?? [], viewer));
  }

  private async ensureProfile(manager: EntityManager, eventId: string, accountId: string, lock: boolean): Promise<MatchmakingProfileEntity> {
    await manager.query(`INSERT INTO matchmaking_profile (event_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [eventId, accountId]);
    return manager.getRepository(MatchmakingProfileEntity).findOneOrFail({
      where: { eventId, accountId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  private async ownedEntry(actor: Actor | null, entryId: string): Promise<MarketplaceEntryEntity> {
    if (!actor) throw CommonException.authenticationRequired();
    const entry = isUuid(entryId) ? await this.dataSource.getRepository(MarketplaceEntryEntity).findOneBy({ id: entryId }) : null;
    if (!entry) throw CommonException.notFound('Marketplace entry', entryId);
    if (entry.accountId !== actor.accountId) await this.access.requireOrganiser(actor, entry.eventId);
    else await this.access.member(actor, entry.eventId);
    return entry;
  }
}

const CARD_SELECT = `
  SELECT a.id AS account_id, a.name, a.email, a.job_title,
         o.id AS org_id, o.name AS org_name, o.type AS org_type, o.country, o.region,
         p.taking_part, p.pitch, p.themes, p.sectors, p.phone, p.visibility
    FROM matchmaking_profile p
    JOIN participation pa ON pa.event_id = p.event_id AND pa.account_id = p.account_id AND pa.status = 'APPROVED'
    JOIN account a ON a.id = p.account_id
    LEFT JOIN organisation o ON o.id = a.organisation_id`;

export function audienceOf(visibility: Partial<Record<ProfileField, FieldAudience>> | null, field: ProfileField): FieldAudience {
  return visibility?.[field] ?? DEFAULT_VISIBILITY[field];
}

function toCard(eventId: string, row: CardRow, entries: MarketplaceEntryEntity[], viewer: Viewer): ParticipantCard {
  const self = row.account_id === viewer.accountId;
  const partner = viewer.partners.has(row.account_id);
  const hidden: ProfileField[] = [];
  const can = (field: ProfileField) => {
    const audience = audienceOf(row.visibility, field);
    const ok =
      self ||
      viewer.isOrganiser ||
      audience === FieldAudience.PARTICIPANTS ||
      (audience === FieldAudience.MEETING_PARTNERS && partner);
    if (!ok) hidden.push(field);
    return ok;
  };
  const organisation =
    row.org_id && can(ProfileField.ORGANISATION)
      ? { id: row.org_id, name: row.org_name!, type: row.org_type!, country: row.country, region: row.region }
      : null;
  const interests = can(ProfileField.INTERESTS);
  return {
    accountId: row.account_id,
    eventId,
    name: row.name,
    jobTitle: can(ProfileField.JOB_TITLE) ? row.job_title : null,
    organisation,
    takingPart: row.taking_part ?? false,
    pitch: can(ProfileField.PITCH) ? row.pitch : null,
    themes: interests ? (row.themes ?? []) : [],
    sectors: interests ? (row.sectors ?? []) : [],
    entries: can(ProfileField.MARKETPLACE) ? entries : [],
    email: can(ProfileField.EMAIL) ? row.email : null,
    phone: can(ProfileField.PHONE) ? row.phone : null,
    isMeetingPartner: partner,
    hiddenFields: hidden,
    visibility:
      self || viewer.isOrganiser ? Object.values(ProfileField).map((field) => ({ field, audience: audienceOf(row.visibility, field) })) : null,
  };
}

function fromList(field: string, values: string[], allowed: string[]): string[] {
  const cleaned = [...new Set(values.map((v) => String(v).trim()))];
  for (const value of cleaned) if (!allowed.includes(value)) throw MatchmakingException.unknownTerm(field, value, allowed);
  return cleaned;
}

function validEntry(input: EntryInput) {
  if (!input.direction || !Object.values(EntryDirection).includes(input.direction)) {
    throw CommonException.invalidInput('direction', 'direction must be OFFER or SEEK.');
  }
  if (!input.kind || !Object.values(EntryKind).includes(input.kind)) {
    throw CommonException.invalidInput('kind', `kind must be one of ${Object.values(EntryKind).join(', ')}.`);
  }
  const title = input.title?.trim();
  if (!title || title.length > 200) throw CommonException.textLength('title', 'The title needs 1 to 200 characters.', { min: 1, max: 200 });
  const description = input.description?.trim() || null;
  if (description && description.length > 4000) throw CommonException.textLength('description', 'The description can have at most 4,000 characters.', { max: 4000 });
  const tags = [...new Set((input.tags ?? []).map((t) => String(t).trim().toLowerCase()).filter(Boolean))];
  if (tags.length > 20 || tags.some((t) => t.length > 60)) throw CommonException.invalidInput('tags', 'At most 20 tags of up to 60 characters.');
  return { direction: input.direction, kind: input.kind, title, description, tags };
}

function stripUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function encodeCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (typeof name === 'string' && isUuid(id)) return [name, id];
  } catch {
    // fall through
  }
  throw CommonException.invalidInput('after', 'The cursor is not one this API returned.');
}
