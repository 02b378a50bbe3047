import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AgendaPersonalDataService } from '../agenda/index.js';
import { AuditLogService } from '../audit/index.js';
import { CalendarFeedTokensService } from '../calendar/index.js';
import { CommonException } from '../common/index.js';
import { ConsentsService } from '../consent/index.js';
import { EventAccessService, EventsService, ParticipationsService } from '../events/index.js';
import { AccountsService, type Actor } from '../identity/index.js';
import { MatchmakingPersonalDataService } from '../matchmaking/index.js';
import { NotificationKind, NotificationsPersonalDataService, NotificationsService } from '../notifications/index.js';
import { MaterialsPersonalDataService } from '../materials/index.js';
import { OutcomesPersonalDataService } from '../outcomes/index.js';
import { PRIVACY_CLOCK, type PrivacyClock } from './privacy-clock.js';
import { PrivacyException } from './privacy.exception.js';

export const EXPORT_FORMAT_VERSION = 1;

export interface EventRetentionView {
  eventId: string;
  retentionDays: number | null;
  /** When the retention job anonymises the event (null without a retention period). */
  anonymiseAfter: Date | null;
  anonymisedAt: Date | null;
}

export interface ErasureResult {
  cancelledMeetings: number;
}

const DAY_MS = 86_400_000;
/** What the other side of a cancelled meeting reads instead of the erased person's name. */
const ERASED_PERSON = 'a participant who has deleted their account';

/**
 * Privacy: the person's data export, account erasure and per-event retention. Each domain lib
 * contributes its own part through its *PersonalDataService, always in this service's
 * transaction, so an erasure is all or nothing.
 */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PRIVACY_CLOCK) private readonly clock: PrivacyClock,
    private readonly accounts: AccountsService,
    private readonly consents: ConsentsService,
    private readonly participations: ParticipationsService,
    private readonly events: EventsService,
    private readonly access: EventAccessService,
    private readonly matchmaking: MatchmakingPersonalDataService,
    private readonly agenda: AgendaPersonalDataService,
    private readonly notificationData: NotificationsPersonalDataService,
    private readonly outcomes: OutcomesPersonalDataService,
    private readonly materials: MaterialsPersonalDataService,
    private readonly notifications: NotificationsService,
    private readonly calendarTokens: CalendarFeedTokensService,
    private readonly audit: AuditLogService,
  ) {}

  /** Everything ClusterMeet holds about the actor, as one JSON-ready object. Audited. */
  async exportMyData(actor: Actor | null): Promise<Record<string, unknown>> {
    if (!actor) throw CommonException.authenticationRequired();
    // Other libs' reads that use their own connection happen before our transaction opens.
    const account = await this.accounts.current(actor);
    const participations = await this.participations.listMine(actor);
    const events = await this.events.findByIds([...new Set(participations.map((p) => p.eventId))]);
    const eventNames = new Map(events.map((e) => [e.id, { name: e.name, slug: e.slug }]));
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [consents, matchmaking, agenda, notifications, outcomes, materials] = await Promise.all([
        this.consents.listForAccount(manager, actor.accountId),
        this.matchmaking.exportFor(manager, actor.accountId),
        this.agenda.exportFor(manager, actor.accountId),
        this.notificationData.exportFor(manager, actor.accountId),
        this.outcomes.exportFor(manager, actor.accountId),
        this.materials.exportFor(manager, actor.accountId),
      ]);
      await this.audit.record(manager, {
        eventId: null,
        actorAccountId: actor.accountId,
        action: 'personal_data.exported',
        targetType: 'account',
        targetId: actor.accountId,
      });
      return {
        format: 'clustermeet-personal-data',
        formatVersion: EXPORT_FORMAT_VERSION,
        exportedAt: this.clock.now().toISOString(),
        account: {
          id: account.id,
          email: account.email,
          name: account.name,
          jobTitle: account.jobTitle,
          organisationId: account.organisationId,
          createdAt: account.createdAt,
          updatedAt: account.updatedAt,
        },
        consents,
        participations: participations.map((p) => ({
          id: p.id,
          eventId: p.eventId,
          event: eventNames.get(p.eventId) ?? null,
          role: p.role,
          status: p.status,
          createdAt: p.createdAt,
        })),
        matchmaking,
        agenda,
        notifications,
        outcomes,
        materials,
      };
    });
  }

  /**
   * Erasure ("delete my account"): in one transaction, cancels the person's future meetings and
   * tells the other side, removes profile texts and private choices, tombstones the account
   * (name, e-mail, password) and revokes every token and calendar feed. Participations and past
   * meetings stay, now anonymous, so the events' statistics still add up.
   */
  async eraseMyAccount(actor: Actor | null, confirmEmail: string): Promise<ErasureResult> {
    if (!actor) throw CommonException.authenticationRequired();
    const account = await this.accounts.current(actor);
    if (typeof confirmEmail !== 'string' || confirmEmail.trim().toLowerCase() !== account.email.toLowerCase()) {
      throw PrivacyException.confirmationMismatch();
    }
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      // First: takes the account's row lock, so two erasures of one account run one after the other.
      await this.accounts.erasePersonalData(manager, actor.accountId);
      const cancelled = await this.matchmaking.cancelFutureMeetingsFor(manager, actor.accountId, now);
      for (const meeting of cancelled) {
        await this.notifications.notify(manager, {
          kind: NotificationKind.MEETING_REQUEST_CANCELLED,
          eventId: meeting.eventId,
          recipientAccountId: meeting.otherAccountId,
          subjectItem: { type: 'meeting-erasure', id: meeting.meetingId },
          data: { withWhom: ERASED_PERSON, startsAt: meeting.startsAt ?? 'not yet scheduled', reason: 'The other participant deleted their account.' },
        });
      }
      await this.matchmaking.erasePersonalData(manager, { accountId: actor.accountId });
      await this.agenda.erasePersonalData(manager, { accountId: actor.accountId, now });
      await this.notificationData.erasePersonalData(manager, { accountId: actor.accountId });
      await this.outcomes.erasePersonalData(manager, { accountId: actor.accountId });
      await this.calendarTokens.revokeAllFor(manager, actor.accountId);
      await this.audit.record(manager, {
        eventId: null,
        actorAccountId: actor.accountId,
        action: 'account.erased',
        targetType: 'account',
        targetId: actor.accountId,
        details: { cancelledMeetings: cancelled.length },
      });
      return { cancelledMeetings: cancelled.length };
    });
  }

  async retention(actor: Actor | null, eventId: string): Promise<EventRetentionView> {
    const event = await this.access.requireOrganiser(actor, eventId);
    const [row] = await this.dataSource.query(`SELECT retention_days, anonymised_at FROM event_retention WHERE event_id = $1`, [event.id]);
    return view(event.id, event.endsOn, row?.retention_days ?? null, row?.anonymised_at ?? null);
  }

  /** Organisers set (or with null, clear) how many days after the event its personal data is kept. */
  async setRetention(actor: Actor | null, eventId: string, days: number | null): Promise<EventRetentionView> {
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) throw PrivacyException.invalidRetention();
    return this.dataSource.transaction(async (manager) => {
      const event = await this.access.requireOrganiser(actor, eventId, manager);
      let anonymisedAt: Date | null = null;
      if (days === null) {
        await manager.query(`DELETE FROM event_retention WHERE event_id = $1 AND anonymised_at IS NULL`, [event.id]);
      } else {
        const [row] = await manager.query(
          `INSERT INTO event_retention (event_id, retention_days) VALUES ($1, $2)
           ON CONFLICT (event_id) DO UPDATE SET retention_days = EXCLUDED.retention_days, updated_at = now()
           RETURNING anonymised_at`,
          [event.id, days],
        );
        anonymisedAt = row.anonymised_at;
      }
      await this.audit.record(manager, {
        eventId: event.id,
        actorAccountId: actor!.accountId,
        action: 'event.retention_set',
        targetType: 'event',
        targetId: event.id,
        details: { retentionDays: days },
      });
      return view(event.id, event.endsOn, days, anonymisedAt);
    });
  }

  /** Copies the event's retention period (not its anonymisation) into a new event; libs/event-copy's transaction. */
  async copyRetention(manager: EntityManager, fromEventId: string, toEventId: string): Promise<number | null> {
    const [row] = await manager.query(
      `INSERT INTO event_retention (event_id, retention_days) SELECT $2, retention_days FROM event_retention WHERE event_id = $1 RETURNING retention_days`,
      [fromEventId, toEventId],
    );
    return row?.retention_days ?? null;
  }

  /** The retention job: anonymises every event whose retention period has run out. */
  async anonymiseDueEvents(now: Date = this.clock.now()): Promise<string[]> {
    const pending: { event_id: string; retention_days: number }[] = await this.dataSource.query(
      `SELECT event_id, retention_days FROM event_retention WHERE anonymised_at IS NULL`,
    );
    if (pending.length === 0) return [];
    const events = new Map((await this.events.findByIds(pending.map((p) => p.event_id))).map((e) => [e.id, e]));
    const done: string[] = [];
    for (const p of pending) {
      const event = events.get(p.event_id);
      const due = event ? dueAt(event.endsOn, p.retention_days) : null;
      if (!due || due > now) continue;
      if (await this.anonymiseEvent(p.event_id)) done.push(p.event_id);
    }
    return done;
  }

  private anonymiseEvent(eventId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      // The row lock makes concurrent job runs anonymise an event once.
      const locked = await manager.query(`SELECT 1 FROM event_retention WHERE event_id = $1 AND anonymised_at IS NULL FOR UPDATE SKIP LOCKED`, [eventId]);
      if (locked.length === 0) return false;
      await this.matchmaking.erasePersonalData(manager, { eventId });
      await this.agenda.erasePersonalData(manager, { eventId });
      await this.notificationData.erasePersonalData(manager, { eventId });
      await this.outcomes.erasePersonalData(manager, { eventId });
      await manager.query(`UPDATE event_retention SET anonymised_at = now(), updated_at = now() WHERE event_id = $1`, [eventId]);
      await this.audit.record(manager, { eventId, actorAccountId: null, action: 'event.personal_data_anonymised', targetType: 'event', targetId: eventId });
      return true;
    });
  }
}

/**
 * The day after the event's last day plus the retention, at 00:00 UTC of the following day:
 * one spare day covers every time zone, so no event is anonymised before its last local day ends.
 */
function dueAt(endsOn: string, retentionDays: number): Date {
  return new Date(Date.parse(`${endsOn}T00:00:00Z`) + (retentionDays + 2) * DAY_MS);
}

function view(eventId: string, endsOn: string, days: number | null, anonymisedAt: Date | null): EventRetentionView {
  return { eventId, retentionDays: days, anonymiseAfter: days === null ? null : dueAt(endsOn, days), anonymisedAt };
}
