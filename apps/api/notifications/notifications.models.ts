import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DeliveryStatus, NotificationKind, ReminderKind } from '../../../libs/notifications/index.js';

registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'A kind of message ClusterMeet sends.' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'Where a message stands in the delivery log.' });
registerEnumType(ReminderKind, { name: 'ReminderKind', description: 'What a reminder is about; the kind decides who receives it.' });

@ObjectType('NotificationDelivery', { description: 'One message to one person, as recorded in the delivery log.' })
export class NotificationDeliveryModel {
  @Field(() => ID) id: string;
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field({ description: 'Essential messages are sent even to people who unsubscribed from optional ones.' }) essential: boolean;
  @Field(() => ID) recipientAccountId: string;
  @Field(() => String, { nullable: true, description: 'The address it was sent to (once sent).' }) recipientEmail: string | null;
  @Field(() => String, { nullable: true, description: 'The subject line it was sent with (once sent).' }) subject: string | null;
  @Field() subjectType: string;
  @Field() subjectId: string;
  @Field(() => DeliveryStatus) status: DeliveryStatus;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field() messageId: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
}

@ObjectType('NotificationTemplate')
export class NotificationTemplateModel {
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field() essential: boolean;
  @Field({ description: 'Subject with {{placeholders}}.' }) subject: string;
  @Field({ description: 'Plain-text body with {{placeholders}}; the HTML part is made from it.' }) body: string;
  @Field({ description: 'The event changed the default wording.' }) customised: boolean;
  @Field({ description: 'The subject ClusterMeet uses unless the event changes it.' }) defaultSubject: string;
  @Field({ description: 'The body ClusterMeet uses unless the event changes it.' }) defaultBody: string;
  @Field(() => [String], { description: 'Placeholder names this kind of message has values for (others are accepted but stay empty).' })
  placeholders: string[];
  @Field({ description: 'False where each message brings its own wording: reminders (see reminderKinds) and announcements.' }) editable: boolean;
  @Field(() => [ReminderKind], { description: 'Reminder rules of these kinds send this kind of message, in their own wording.' }) reminderKinds: ReminderKind[];
}

@ObjectType('ReminderRule')
export class ReminderRuleModel {
  @Field(() => ID, { nullable: true, description: 'Null for the built-in defaults of an event without rules.' }) id: string | null;
  @Field(() => ReminderKind) kind: ReminderKind;
  @Field(() => Int, { description: 'Minutes before the start; whole days keep the local time of day.' }) offsetMinutes: number;
  @Field() subject: string;
  @Field() body: string;
  @Field() enabled: boolean;
}

@InputType('ReminderRuleInput')
export class ReminderRuleInput {
  @Field(() => ReminderKind) kind: ReminderKind;
  @Field(() => Int) offsetMinutes: number;
  @Field() subject: string;
  @Field() body: string;
  @Field({ defaultValue: true }) enabled: boolean;
}

@InputType('AnnouncementInput')
export class AnnouncementInput {
  @Field() subject: string;
  @Field({ description: 'Plain text; {{recipientName}}, {{eventName}} and {{eventUrl}} are filled in.' }) body: string;
}
