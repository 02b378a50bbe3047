import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommonException } from '../common/index.js';
import { type AppConfig, APP_CONFIG } from '../config/index.js';
import { EventAccessService, type EventEntity } from '../events/index.js';
import { type Actor, TokenService } from '../identity/index.js';
import { DEFAULT_VISIBILITY, FieldAudience, ProfileField } from '../matchmaking/index.js';
import { type Badge, parseBadgeSelection } from './badges.js';

export interface BookletEntry {
  accountId: string;
  name: string;
  jobTitle: string | null;
  organisation: string | null;
  organisationType: string | null;
  country: string | null;
  region: string | null;
  pitch: string | null;
  themes: string[];
  offers: string[];
  requests: string[];
}

/** The printouts a link can open on another computer. */
export enum Printout {
  TABLE_PLANS = 'TABLE_PLANS',
  BOOKLET = 'BOOKLET',
  MY_MEETINGS = 'MY_MEETINGS',
  BADGES = 'BADGES',
}

/** The printouts only the event's organisers print. */
const ORGANISERS_ONLY = new Set<Printout>([Printout.TABLE_PLANS, Printout.BADGES]);

const PRINTOUT_PATH: Record<Printout, string> = {
  TABLE_PLANS: 'meeting-plans/tables.html',
  BOOKLET: 'booklet.html',
  MY_MEETINGS: 'meeting-plans/me.html',
  BADGES: 'badges.html',
};

/** A venue day: long enough for the printer desk, short enough that a forgotten link soon dies. */
const LINK_SECONDS = 12 * 3600;

export interface PrintoutLink {
  url: string;
  expiresAt: Date;
}

export interface PlanMeeting {
  startsAt: Date;
  endsAt: Date;
  tableNumber: number;
  tableName: string | null;
  people: { accountId: string; name: string; organisation: string | null }[];
}

/**
 * Printouts: the participants' booklet and the meeting plans. The booklet is the same whoever
 * prints it: it lists those taking part in matchmaking and shows only the fields they made
 * visible to all participants, since the paper is handed round at the venue.
 */
@Injectable()
export class PrintoutsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: EventAccessService,
    private readonly tokens: TokenService,
  ) {}

  /**
   * A link that opens one printout as the actor, without signing in, for 12 hours (the venue's
   * printer computer). Given only to whoever may open the printout now; at use the printout's own
   * rules apply again, and "sign out everywhere" ends the link too.
   */
  async link(actor: Actor | null, eventId: string, printout: Printout): Promise<PrintoutLink> {
    const event = ORGANISERS_ONLY.has(printout) ? await this.access.requireOrganiser(actor, eventId) : (await this.access.requireApprovedMember(actor, eventId)).event;
    const path = printoutPath(event.slug, printout);
    const { token, expiresAt } = await this.tokens.issueForPath(actor!.accountId, path, LINK_SECONDS);
    return { url: `${this.config.publicBaseUrl}${path}?access_token=${token}`, expiresAt };
  }

  async eventBySlug(actor: Actor | null, slug: string): Promise<EventEntity> {
    const [row] = await this.dataSource.query(`SELECT id FROM event WHERE slug = $1`, [String(slug).toLowerCase()]);
    if (!row) throw CommonException.notFound('Event', slug);
    return this.access.findVisible(actor, row.id);
  }

  /** Approved members of the event (any role) read the booklet; the CSV is for organisers. */
  async booklet(actor: Actor | null, eventId: string, forCsv = false): Promise<BookletEntry[]> {
    if (forCsv) await this.access.requireOrganiser(actor, eventId);
    else await this.access.requireApprovedMember(actor, eventId);
    const rows = await this.dataSource.query(
      `SELECT a.id, a.name, a.job_title, o.name AS org, o.type, o.country, o.region, mp.pitch, mp.themes, mp.visibility,
              coalesce(array_agg(e.title ORDER BY e.created_at, e.id) FILTER (WHERE e.direction = 'OFFER'), '{}') AS offers,
              coalesce(array_agg(e.title ORDER BY e.created_at, e.id) FILTER (WHERE e.direction = 'SEEK'), '{}') AS requests
         FROM matchmaking_profile mp
         JOIN participation p ON p.event_id = mp.event_id AND p.account_id = mp.account_id AND p.status = 'APPROVED'
         JOIN account a ON a.id = mp.account_id
         LEFT JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN marketplace_entry e ON e.event_id = mp.event_id AND e.account_id = mp.account_id
        WHERE mp.event_id = $1 AND mp.taking_part
        GROUP BY a.id, o.id, mp.event_id, mp.account_id
        ORDER BY a.name, a.id`,
      [eventId],
    );
    return rows.map((r: any) => {
      const shown = (f: ProfileField) => (r.visibility?.[f] ?? DEFAULT_VISIBILITY[f]) === FieldAudience.PARTICIPANTS;
      const org = shown(ProfileField.ORGANISATION);
      return {
        accountId: r.id,
        name: r.name,
        jobTitle: shown(ProfileField.JOB_TITLE) ? r.job_title : null,
        organisation: org ? r.org : null,
        organisationType: org ? r.type : null,
        country: org ? r.country : null,
        region: org ? r.region : null,
        pitch: shown(ProfileField.PITCH) ? r.pitch : null,
        themes: shown(ProfileField.INTERESTS) ? r.themes : [],
        offers: shown(ProfileField.MARKETPLACE) ? r.offers : [],
        requests: shown(ProfileField.MARKETPLACE) ? r.requests : [],
      };
    });
  }

  /**
   * Name badges of the event's approved participations (organisers), optionally one role's or a
   * few by id (the query of badges.html, read after the organiser check so nobody else learns
   * what it accepts). The organisation is left out when the person keeps it from other participants, as
   * the programme does: a badge is read by everyone in the room.
   */
  async badges(actor: Actor | null, eventId: string, query: { role?: unknown; ids?: unknown }): Promise<Badge[]> {
    await this.access.requireOrganiser(actor, eventId);
    const selection = parseBadgeSelection(query.role, query.ids);
    const rows = await this.dataSource.query(
      `SELECT p.id, p.role, a.name, o.name AS org, mp.visibility
         FROM participation p
         JOIN account a ON a.id = p.account_id
         LEFT JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN matchmaking_profile mp ON mp.event_id = p.event_id AND mp.account_id = p.account_id
        WHERE p.event_id = $1 AND p.status = 'APPROVED'
          AND ($2::text IS NULL OR p.role::text = $2::text)
          AND ($3::uuid[] IS NULL OR p.id = ANY($3::uuid[]))`,
      [eventId, selection.role, selection.ids],
    );
    return rows.map((r: any) => ({
      participationId: r.id,
      name: r.name,
      role: r.role,
      organisation: (r.visibility?.[ProfileField.ORGANISATION] ?? DEFAULT_VISIBILITY[ProfileField.ORGANISATION]) === FieldAudience.PARTICIPANTS ? r.org : null,
    }));
  }

  /** The actor's booked meetings (an approved member of the event). */
  async myPlan(actor: Actor | null, eventId: string): Promise<PlanMeeting[]> {
    await this.access.requireApprovedMember(actor, eventId);
    return this.plan(eventId, actor!.accountId, null);
  }

  /** Every table's meetings (organisers); one table when tableNumber is given. */
  async tablePlan(actor: Actor | null, eventId: string, tableNumber: number | null): Promise<PlanMeeting[]> {
    await this.access.requireOrganiser(actor, eventId);
    return this.plan(eventId, null, tableNumber);
  }

  /**
   * The partner's organisation is shown unless they keep it to organisers (people sharing a
   * confirmed meeting see MEETING_PARTNERS fields); organisers' table plans show everything.
   */
  private async plan(eventId: string, accountId: string | null, tableNumber: number | null): Promise<PlanMeeting[]> {
    const rows = await this.dataSource.query(
      `SELECT s.starts_at, s.ends_at, m.table_number, st.table_names[m.table_number] AS table_name,
              json_agg(json_build_object('accountId', a.id, 'name', a.name,
                 'organisation', CASE WHEN $2::uuid IS NULL OR a.id = $2::uuid OR coalesce(mp.visibility ->> 'ORGANISATION', '') <> 'ORGANISERS' THEN o.name END)
                 ORDER BY (a.id = m.requester_id) DESC) AS people
         FROM meeting m
         JOIN meeting_slot s ON s.id = m.slot_id
         LEFT JOIN matchmaking_settings st ON st.event_id = m.event_id
         JOIN account a ON a.id IN (m.requester_id, m.recipient_id)
         LEFT JOIN organisation o ON o.id = a.organisation_id
         LEFT JOIN matchmaking_profile mp ON mp.event_id = m.event_id AND mp.account_id = a.id
        WHERE m.event_id = $1 AND m.status = 'CONFIRMED'
          AND ($2::uuid IS NULL OR $2::uuid IN (m.requester_id, m.recipient_id))
          AND ($3::int IS NULL OR m.table_number = $3::int)
        GROUP BY m.id, s.id, st.table_names
        ORDER BY ${accountId ? 's.starts_at, m.table_number' : 'm.table_number, s.starts_at'}`,
      [eventId, accountId, tableNumber],
    );
    return rows.map((r: any) => ({ startsAt: r.starts_at, endsAt: r.ends_at, tableNumber: r.table_number, tableName: r.table_name, people: r.people }));
  }
}

/** The path a printout is served at (apps/api OutcomesExportController), which its link's token is bound to. */
export function printoutPath(slug: string, printout: Printout): string {
  return `/events/${slug}/${PRINTOUT_PATH[printout]}`;
}
