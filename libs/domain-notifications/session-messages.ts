import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AgendaService, SessionAudienceGroup, SessionAudienceService } from '../agenda/index.js';
import { AuditLogService } from '../audit/index.js';
import { CommonException } from '../common/index.js';
import { type Actor } from '../identity/index.js';
import { NotificationKind, NotificationsException, NotificationsService } from '../notifications/index.js';

/**
 * An organiser's message to the people of one session ("the round tables move to room B"):
 * who they are comes from the agenda, the outbox and the wording rules from notifications.
 * Drafts (to reach the people on stage) and cancelled sessions (to tell people) are allowed.
 */
@Injectable()
export class SessionMessages {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agenda: AgendaService,
    private readonly audiences: SessionAudienceService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLogService,
  ) {}

  /**
   * Writes to the approved participants of the session's event in any of the groups (all groups
   * when none is given), each once. Returns how many people were written to.
   */
  async send(
    actor: Actor | null,
    sessionId: string,
    input: { subject: string; body: string },
    groups?: readonly SessionAudienceGroup[] | null,
  ): Promise<number> {
    if (!actor) throw CommonException.authenticationRequired();
    // NOT_FOUND for sessions the actor cannot see (drafts of other events' organisers), FORBIDDEN otherwise.
    const { event, session, organiser } = await this.agenda.sessionEvent(actor, sessionId);
    if (!organiser) throw CommonException.forbidden('Only the organisers of this event can write to the people of its sessions.');
    const { subject, body } = this.notifications.writtenMessage(input, NotificationKind.SESSION_MESSAGE);
    const chosen = groups?.length ? [...new Set(groups)].sort() : Object.values(SessionAudienceGroup).sort();
    const [summary] = await this.audiences.summaries([session.id]);
    const messageId = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      // Read inside the transaction: whoever is in the groups now is who gets the message.
      const people = await this.audiences.groupMembers(session.id, chosen, manager);
      if (people.length === 0) throw NotificationsException.noRecipients();
      for (const person of people) {
        await this.notifications.notify(manager, {
          kind: NotificationKind.SESSION_MESSAGE,
          eventId: event.id,
          recipientAccountId: person.accountId,
          subjectItem: { type: 'session_message', id: messageId },
          template: { subject, body },
          data: { title: summary.title, startsAt: summary.startsAt, endsAt: summary.endsAt, location: summary.location ?? 'the venue', sessionId: session.id },
          replyToAccountIds: [actor.accountId],
        });
      }
      await this.audit.record(manager, {
        eventId: event.id,
        actorAccountId: actor.accountId,
        action: 'session.messaged',
        targetType: 'session',
        targetId: session.id,
        details: { messageId, groups: chosen, recipients: people.length, subject },
      });
      return people.length;
    });
  }
}
