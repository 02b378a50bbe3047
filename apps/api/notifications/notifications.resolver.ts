import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParticipantRole, ParticipationStatus } from '../../../libs/events/index.js';
import { type Actor } from '../../../libs/identity/index.js';
import { DeliveryStatus, NotificationKind, NotificationsService, RemindersService } from '../../../libs/notifications/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import {
  AnnouncementInput,
  NotificationDeliveryModel,
  NotificationTemplateModel,
  ReminderRuleInput,
  ReminderRuleModel,
} from './notifications.models.js';

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly reminders: RemindersService,
  ) {}

  @Query(() => [NotificationDeliveryModel], { description: "The event's delivery log, newest first (organisers)." })
  notificationDeliveries(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('kind', { type: () => NotificationKind, nullable: true }) kind?: NotificationKind,
    @Args('status', { type: () => DeliveryStatus, nullable: true }) status?: DeliveryStatus,
    @Args('recipientAccountId', { type: () => ID, nullable: true }) recipientAccountId?: string,
    @Args('first', { type: () => Int, defaultValue: 100 }) first?: number,
  ) {
    return this.notifications.deliveries(actor, eventId, { kind, status, recipientAccountId, first });
  }

  @Mutation(() => NotificationDeliveryModel, { description: 'Send a FAILED message again (organisers).' })
  resendNotification(@CurrentActor() actor: Actor | null, @Args('deliveryId', { type: () => ID }) deliveryId: string) {
    return this.notifications.resend(actor, deliveryId);
  }

  @Mutation(() => Int, { description: 'Mail everyone in the event, or one role and/or status (default: approved). Returns the number of recipients.' })
  sendAnnouncement(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: AnnouncementInput,
    @Args('role', { type: () => ParticipantRole, nullable: true }) role?: ParticipantRole,
    @Args('status', { type: () => ParticipationStatus, nullable: true }) status?: ParticipationStatus,
  ) {
    return this.notifications.announce(actor, eventId, { ...input, role, status });
  }

  @Query(() => [NotificationTemplateModel], { description: 'The wording of every kind of message in this event (organisers).' })
  notificationTemplates(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.notifications.templates(actor, eventId);
  }

  @Mutation(() => NotificationTemplateModel, { description: 'Change the wording of one kind; leave both null to return to the default.' })
  setNotificationTemplate(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('kind', { type: () => NotificationKind }) kind: NotificationKind,
    @Args('subject', { type: () => String, nullable: true }) subject: string | null,
    @Args('body', { type: () => String, nullable: true }) body: string | null,
  ) {
    return this.notifications.setTemplate(actor, eventId, kind, subject ?? null, body ?? null);
  }

  @Query(() => [ReminderRuleModel], { description: "The event's reminder rules (the defaults until organisers change them)." })
  reminderRules(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.reminders.rules(actor, eventId);
  }

  @Mutation(() => [ReminderRuleModel], { description: "Replace the event's reminder rules (an empty list turns reminders off)." })
  setReminderRules(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('rules', { type: () => [ReminderRuleInput] }) rules: ReminderRuleInput[],
  ) {
    return this.reminders.setRules(actor, eventId, rules);
  }

  @Query(() => [NotificationKind], { description: 'The optional kinds of message you turned off.' })
  myUnsubscribedNotificationKinds(@CurrentActor() actor: Actor | null) {
    return this.notifications.unsubscribedKinds(actor);
  }

  @Mutation(() => [NotificationKind], { description: 'Turn an optional kind of message on or off for yourself; returns the kinds now off.' })
  setNotificationSubscription(
    @CurrentActor() actor: Actor | null,
    @Args('kind', { type: () => NotificationKind }) kind: NotificationKind,
    @Args('subscribed') subscribed: boolean,
  ) {
    return this.notifications.setSubscribed(actor, kind, subscribed);
  }
}
