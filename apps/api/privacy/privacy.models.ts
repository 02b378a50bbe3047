import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConsentPurpose } from '../../../libs/consent/index.js';

registerEnumType(ConsentPurpose, { name: 'ConsentPurpose' });

@ObjectType('ConsentWording', { description: 'A consent text a client shows at registration, by version.' })
export class ConsentWordingModel {
  @Field(() => ConsentPurpose) purpose: ConsentPurpose;
  @Field({ description: 'Send this as consentVersion when the person agrees.' }) version: string;
  @Field() text: string;
  @Field({ description: 'True for the version clients should show today.' }) current: boolean;
}

@ObjectType('AccountErasure')
export class AccountErasureModel {
  @Field(() => Int, { description: 'Future meetings cancelled (the other side was notified).' }) cancelledMeetings: number;
}

@ObjectType('EventRetention')
export class EventRetentionModel {
  @Field(() => ID) eventId: string;
  @Field(() => Int, { nullable: true, description: 'Days after the event its personal data is kept; null: kept until deleted.' })
  retentionDays: number | null;
  @Field(() => Date, { nullable: true, description: 'When the retention job anonymises the event.' }) anonymiseAfter: Date | null;
  @Field(() => Date, { nullable: true }) anonymisedAt: Date | null;
}
