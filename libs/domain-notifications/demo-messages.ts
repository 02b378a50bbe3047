import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AppConfig, APP_CONFIG } from '../config/index.js';
import { DEMO_EVENT, DEMO_LOGINS } from '../demo/index.js';
import { EventsService, type ParticipationEntity, ParticipationEvents, ParticipationsService, ParticipationStatus } from '../events/index.js';
import { AccountsService } from '../identity/index.js';
import { MeetingsService } from '../matchmaking/index.js';
import { DEFAULT_REMINDER_RULES, NotificationKind, NotificationsService, ReminderKind } from '../notifications/index.js';
import { DailyDigests } from './daily-digest.js';
import { MatchmakingMessages } from './matchmaking-messages.js';
import { MeetingReminders } from './reminder-sources.js';

/** The demo day whose digest the start-up writes (the event's middle day, full of meetings). */
export const DEMO_DIGEST_DATE = '2023-04-26';

/**
 * A few representative messages for the demo logins, written once right after a fresh demo seed.
 * The demo event is in the past, so no reminder or digest would ever be due: instead this sends,
 * through the production paths, what those people would have received — registration approved
 * (the participation event), the participant's booked meetings with their invitations and tables
 * (MatchmakingMessages), a day-before meeting reminder (MeetingReminders + the default rule) and
 * the digest of 26 April (DailyDigests). The worker then writes them as .eml files (MAIL_DIR).
 * Idempotency keys make a second call harmless.
 */
@Injectable()
export class DemoMessages {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventsService,
    private readonly accounts: AccountsService,
    private readonly participations: ParticipationsService,
    private readonly participationEvents: ParticipationEvents,
    private readonly meetings: MeetingsService,
    private readonly matchmaking: MatchmakingMessages,
    private readonly meetingReminders: MeetingReminders,
    private readonly digests: DailyDigests,
    private readonly notifications: NotificationsService,
  ) {}

  /** Queues the demo messages; returns how many were new. */
  async send(): Promise<number> {
    // Everything is read first; the transaction then only writes (one connection).
    const event = await this.events.findBySlug(null, DEMO_EVENT.slug);
    const logins = await this.accounts.findByEmails(DEMO_LOGINS.map((l) => l.email));
    const participant = logins.find((a) => a.email === DEMO_LOGINS.find((l) => l.role === 'PARTICIPANT')!.email);
    const approved: ParticipationEntity[] = [];
    for (const account of logins) {
      const p = await this.participations.mine({ accountId: account.id }, event.id);
      if (p?.status === ParticipationStatus.APPROVED) approved.push(p);
    }
    const booked = participant
      ? (await this.meetings.calendarMeetings(event.id, { cancelledSince: new Date(), accountId: participant.id })).filter((m) => m.status === 'CONFIRMED')
      : [];
    const first = booked[0];
    const rule = DEFAULT_REMINDER_RULES.find((r) => r.kind === ReminderKind.MEETING && r.offsetMinutes === 1440)!;
    const reminder = first
      ? (await this.meetingReminders.itemsStartingBetween(ReminderKind.MEETING, first.startsAt, new Date(first.startsAt.getTime() + 1)))
          .find((item) => item.id === first.id)
      : undefined;
    const loginIds = new Set(logins.map((a) => a.id));
    const agendas = (await this.digests.agendas(event, DEMO_DIGEST_DATE)).filter((a) => loginIds.has(a.accountId));
    const url = `${this.config.publicBaseUrl}/events/${event.slug}/matchmaking`;

    let before = 0;
    await this.dataSource.transaction(async (manager) => {
      [{ count: before }] = await manager.query(`SELECT count(*)::int AS count FROM notification_delivery WHERE event_id = $1`, [event.id]);
      for (const participation of approved) {
        await this.participationEvents.emit(manager, { type: 'DECIDED', participation, approved: true });
      }
      for (const m of booked.slice(0, 3)) {
        await this.matchmaking.meetingBooked(manager, event, { id: m.id, requesterId: m.requester.accountId, recipientId: m.recipient.accountId }, false, url, participant!.id);
      }
      for (const recipient of reminder?.recipients.filter((r) => r.accountId === participant!.id) ?? []) {
        // As RemindersService.sweep records a due reminder.
        await this.notifications.notify(manager, {
          kind: NotificationKind.MEETING_REMINDER,
          eventId: event.id,
          recipientAccountId: recipient.accountId,
          subjectItem: { type: `${reminder!.type}-${rule.kind}-${rule.offsetMinutes}`, id: reminder!.id, revision: reminder!.revision },
          data: {
            title: reminder!.title,
            startsAt: reminder!.startsAt,
            endsAt: reminder!.endsAt ?? null,
            location: reminder!.location ?? null,
            url: reminder!.url ?? null,
            minutesBefore: rule.offsetMinutes,
            ...recipient.details,
          },
          template: { subject: rule.subject, body: rule.body },
        });
      }
      await this.digests.send(manager, event, DEMO_DIGEST_DATE, agendas);
    });
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM notification_delivery WHERE event_id = $1`, [event.id]);
    return count - before;
  }
}
