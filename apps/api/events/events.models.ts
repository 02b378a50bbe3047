import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EventStatus, ImportMode, ImportRowOutcome, ParticipantRole, ParticipationStatus } from '../../../libs/events/index.js';
import { AccountModel } from '../identity/identity.models.js';

registerEnumType(EventStatus, { name: 'EventStatus' });
registerEnumType(ParticipantRole, { name: 'ParticipantRole' });
registerEnumType(ParticipationStatus, { name: 'ParticipationStatus' });
registerEnumType(ImportMode, { name: 'ImportMode' });
registerEnumType(ImportRowOutcome, { name: 'ImportRowOutcome' });

@ObjectType('Event')
export class EventModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Unique address of the event, e.g. "cmr-kittila-2023".' }) slug: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) venue: string | null;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field({ description: 'IANA time zone in which the event happens and its times are shown.' }) timeZone: string;
  @Field({ description: 'First day, YYYY-MM-DD in the event time zone.' }) startsOn: string;
  @Field({ description: 'Last day, YYYY-MM-DD in the event time zone.' }) endsOn: string;
  @Field(() => EventStatus) status: EventStatus;
  @Field({ description: 'Registrations wait for an organiser to approve them.' }) requiresApproval: boolean;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => String, { nullable: true }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

@ObjectType('EventConnection')
export class EventConnectionModel {
  @Field(() => [EventModel]) nodes: EventModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

@ObjectType('Participation')
export class ParticipationModel {
  @Field(() => ID) id: string;
  @Field(() => ParticipantRole) role: ParticipantRole;
  @Field(() => ParticipationStatus) status: ParticipationStatus;
  @Field() createdAt: Date;
  @Field(() => Boolean, {
    nullable: true,
    description: "In the organisers' participants list: false while the person has no password yet (imported; inviteParticipantsWithoutPassword). Null elsewhere.",
  })
  canSignIn?: boolean | null;
  eventId: string;
  accountId: string;
}

@InputType()
export class CreateEventInput {
  @Field() name: string;
  @Field() slug: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) venue?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field({ description: 'IANA time zone, e.g. Europe/Helsinki.' }) timeZone: string;
  @Field({ description: 'YYYY-MM-DD' }) startsOn: string;
  @Field({ description: 'YYYY-MM-DD' }) endsOn: string;
  @Field({ nullable: true }) requiresApproval?: boolean;
}

@InputType()
export class UpdateEventInput {
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) slug?: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) venue?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field({ nullable: true }) timeZone?: string;
  @Field({ nullable: true }) startsOn?: string;
  @Field({ nullable: true }) endsOn?: string;
  @Field({ nullable: true }) requiresApproval?: boolean;
}

@ObjectType('EventCopyReport', { description: 'What createEventFromEarlier copied into the new draft event (docs/event-copy.md).' })
export class EventCopyReportModel {
  @Field(() => EventModel) event: EventModel;
  @Field(() => Int, { description: 'Whole days every copied time moved: new startsOn minus the earlier event\'s startsOn.' }) dayOffset: number;
  @Field(() => Int) rooms: number;
  @Field(() => Int) tracks: number;
  @Field(() => Int, { description: 'Sessions copied as drafts (0 unless copyProgramme).' }) sessions: number;
  @Field(() => Int, { description: 'Sessions left out because they would fall outside the new event\'s days.' }) skippedSessions: number;
  @Field(() => Int, { description: 'Cancelled sessions of the earlier event, never copied.' }) cancelledSessions: number;
  @Field(() => Int, { description: 'Round tables of the copied sessions, without hosts.' }) roundTables: number;
  @Field({ description: 'Whether the earlier event had matchmaking settings of its own to copy.' }) matchmakingSettings: boolean;
  @Field(() => Int) meetingWindows: number;
  @Field(() => Int, { description: 'Meeting windows left out because they would fall outside the new event\'s days.' }) skippedMeetingWindows: number;
  @Field(() => Int, { description: 'Meeting slots derived from the copied windows.' }) meetingSlots: number;
  @Field({ description: 'Whether the earlier event had materials rules of its own to copy.' }) materialsSettings: boolean;
  @Field(() => Int, { description: 'E-mail wordings of the earlier event\'s own.' }) templates: number;
  @Field(() => Int) reminderRules: number;
  @Field(() => Int, { nullable: true }) retentionDays: number | null;
}

@ObjectType('ImportRowResult')
export class ImportRowResultModel {
  @Field(() => Int, { description: 'Line in the file (the header is line 1).' }) line: number;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => ImportRowOutcome) outcome: ImportRowOutcome;
  @Field(() => [String]) reasons: string[];
}

@ObjectType('ImportCounts')
export class ImportCountsModel {
  @Field(() => Int) CREATED: number;
  @Field(() => Int) ADDED: number;
  @Field(() => Int) UPDATED: number;
  @Field(() => Int) UNCHANGED: number;
  @Field(() => Int) REJECTED: number;
}

@ObjectType('ImportReport')
export class ImportReportModel {
  @Field({ description: 'Whether the changes were written (false for a dry run or a refused all-or-nothing import).' })
  applied: boolean;
  @Field() dryRun: boolean;
  @Field(() => ImportMode) mode: ImportMode;
  @Field(() => [ImportRowResultModel]) rows: ImportRowResultModel[];
  @Field(() => ImportCountsModel) counts: ImportCountsModel;
}

export { AccountModel };
