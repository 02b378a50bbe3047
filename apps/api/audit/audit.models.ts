import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../events/events.models.js';

@ObjectType('AuditEntry', { description: 'One recorded change in an event: who did what, to what, and when.' })
export class AuditEntryModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Dotted verb, e.g. "event.updated", "registration.decided", "participants.imported".' }) action: string;
  @Field(() => String, { nullable: true }) targetType: string | null;
  @Field(() => String, { nullable: true }) targetId: string | null;
  @Field({ description: 'What changed, as a JSON object.' }) details: string;
  @Field() at: Date;
  actorAccountId: string | null;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnectionModel {
  @Field(() => [AuditEntryModel]) nodes: AuditEntryModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

@InputType()
export class AuditFilterInput {
  @Field(() => String, { nullable: true, description: 'An exact action, or a prefix ending in "." such as "event.".' }) action?: string | null;
  @Field(() => ID, { nullable: true }) actorAccountId?: string | null;
  @Field(() => String, { nullable: true }) targetType?: string | null;
  @Field(() => String, { nullable: true }) targetId?: string | null;
  @Field(() => Date, { nullable: true }) since?: Date | null;
  @Field(() => Date, { nullable: true }) until?: Date | null;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => ID) eventId: string;
  @Field(() => AuditFilterInput, { nullable: true }) filter?: AuditFilterInput | null;
  @Field(() => Int, { defaultValue: 50 }) first: number;
  @Field(() => String, { nullable: true }) after?: string | null;
}
