import { Extensions, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CommitmentReason,
  ConflictKind,
  ConflictSeverity,
  MyAgendaReason,
  SeatStatus,
  SessionRole,
  SessionStatus,
  SessionType,
} from '../../../libs/agenda/index.js';

registerEnumType(SessionType, { name: 'SessionType' });
registerEnumType(SessionStatus, { name: 'SessionStatus', description: 'Drafts are visible to the organisers only.' });
registerEnumType(SessionRole, { name: 'SessionRole', description: 'What a person does on the stage of a session.' });
registerEnumType(SeatStatus, { name: 'SeatStatus' });
registerEnumType(MyAgendaReason, { name: 'MyAgendaReason', description: 'Why a session is in my agenda.' });
registerEnumType(ConflictKind, { name: 'AgendaConflictKind' });
registerEnumType(ConflictSeverity, { name: 'AgendaConflictSeverity', description: 'HARD conflicts refuse publication.' });
registerEnumType(CommitmentReason, { name: 'CommitmentReason' });

@ObjectType('Room')
export class RoomModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Int, { nullable: true }) capacity: number | null;
  @Field(() => String, { nullable: true, description: 'Floor or directions.' }) location: string | null;
  @Field(() => Int) position: number;
}

@ObjectType('Track')
export class TrackModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: '#rrggbb' }) colour: string;
}

@ObjectType('SessionPerson', { description: 'A person on the programme (public facts only).' })
export class SessionPersonModel {
  @Field(() => ID) accountId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) jobTitle: string | null;
  @Field(() => String, { nullable: true }) organisationName: string | null;
  @Field(() => SessionRole) role: SessionRole;
  @Field(() => Int) position: number;
}

@ObjectType('RoundTable')
export class RoundTableModel {
  @Field(() => ID) id: string;
  @Field(() => ID) sessionId: string;
  @Field() topic: string;
  @Field(() => ID, { nullable: true }) hostAccountId: string | null;
  @Field(() => String, { nullable: true }) hostName: string | null;
  @Field(() => Int) seats: number;
  @Field(() => Int) seated: number;
  @Field(() => Int, { description: 'People on the waiting list.' }) waiting: number;
  @Field(() => Int) position: number;
}

@ObjectType('TableMate', { description: 'Someone at my round table; job title and organisation as their event profile allows, never an e-mail address.' })
export class TableMateModel {
  @Field(() => ID) accountId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) organisationName: string | null;
  @Field(() => String, { nullable: true }) jobTitle: string | null;
  @Field({ description: 'The host of the table.' }) isHost: boolean;
}

@ObjectType('AgendaSession')
export class AgendaSessionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => SessionType) type: SessionType;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field({ description: 'YYYY-MM-DD in the event time zone.' }) day: string;
  @Field({ description: 'The event time zone in which local times are given.' }) timeZone: string;
  @Field(() => RoomModel, { nullable: true }) room: RoomModel | null;
  @Field(() => TrackModel, { nullable: true }) track: TrackModel | null;
  @Field(() => Int, { nullable: true, description: 'Seats for registration; null for no limit.' }) capacity: number | null;
  @Field(() => Int, { description: 'Seats taken in the session itself (round tables count their own).' }) seated: number;
  @Field(() => Int) waiting: number;
  @Field(() => String, { nullable: true }) language: string | null;
  @Field(() => SessionStatus) status: SessionStatus;
  @Field(() => Int, { description: 'Raised on each change of time, room or status once published (iCal SEQUENCE).' }) revision: number;
  @Extensions({ listSize: 4 }) @Field(() => [SessionPersonModel]) people: SessionPersonModel[];
  @Extensions({ listSize: 6 }) @Field(() => [RoundTableModel]) roundTables: RoundTableModel[];
}

@ObjectType('AgendaDay')
export class AgendaDayModel {
  @Field({ description: 'YYYY-MM-DD in the event time zone.' }) date: string;
  @Extensions({ listSize: 25 }) @Field(() => [AgendaSessionModel]) sessions: AgendaSessionModel[];
}

@ObjectType('Agenda')
export class AgendaModel {
  @Field(() => ID) eventId: string;
  @Field() timeZone: string;
  @Extensions({ listSize: 3 }) @Field(() => [AgendaDayModel]) days: AgendaDayModel[];
  @Extensions({ listSize: 10 }) @Field(() => [RoomModel]) rooms: RoomModel[];
  @Extensions({ listSize: 6 }) @Field(() => [TrackModel]) tracks: TrackModel[];
}

@ObjectType('MyAgendaItem')
export class MyAgendaItemModel {
  @Field(() => AgendaSessionModel) session: AgendaSessionModel;
  @Extensions({ listSize: 2 }) @Field(() => [MyAgendaReason]) reasons: MyAgendaReason[];
  @Field(() => SeatStatus, { nullable: true }) seatStatus: SeatStatus | null;
  @Field(() => ID, { nullable: true }) roundTableId: string | null;
  @Field(() => Int, { nullable: true, description: '1 for the first in line.' }) waitingPosition: number | null;
  @Extensions({ listSize: 2 }) @Field(() => [ID], { description: 'Other items of my agenda at the same time.' }) overlapsWith: string[];
  @Field({ description: 'True when this item overlaps another of my agenda.' }) overlaps: boolean;
}

@ObjectType('AgendaConflict')
export class AgendaConflictModel {
  @Field(() => ConflictKind) kind: ConflictKind;
  @Field(() => ConflictSeverity) severity: ConflictSeverity;
  @Field() message: string;
  @Extensions({ listSize: 2 }) @Field(() => [ID]) sessionIds: string[];
  @Field(() => ID, { nullable: true }) accountId: string | null;
  @Field(() => ID, { nullable: true }) roomId: string | null;
}

@ObjectType('Seat', { description: 'A seat held, or a place on a waiting list.' })
export class SeatModel {
  @Field(() => ID) id: string;
  @Field(() => ID) sessionId: string;
  @Field(() => ID, { nullable: true }) roundTableId: string | null;
  @Field(() => ID) accountId: string;
  @Field() accountName: string;
  @Field(() => SeatStatus) status: SeatStatus;
  @Field(() => Int, { nullable: true, description: '1 for the first in line; null when seated.' }) waitingPosition: number | null;
  @Field() createdAt: Date;
}

@ObjectType('SessionFieldChange')
export class SessionFieldChangeModel {
  @Field() field: string;
  @Field(() => String, { nullable: true }) old: string | null;
  @Field(() => String, { nullable: true }) new: string | null;
}

@ObjectType('SessionChange')
export class SessionChangeModel {
  @Field(() => ID) id: string;
  @Field(() => Int) revision: number;
  @Field(() => ID, { nullable: true }) changedBy: string | null;
  @Field() changedAt: Date;
  @Extensions({ listSize: 4 }) @Field(() => [SessionFieldChangeModel]) changes: SessionFieldChangeModel[];
}

@InputType()
export class AgendaFilterInput {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD in the event time zone.' }) day?: string | null;
  @Field(() => ID, { nullable: true }) trackId?: string | null;
  @Field(() => SessionType, { nullable: true }) type?: SessionType | null;
  @Field(() => ID, { nullable: true }) roomId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Sessions where this account is on stage or hosts a table.' }) personId?: string | null;
  @Field(() => String, { nullable: true, description: 'Words in the title, description, people or table topics.' }) text?: string | null;
}

@InputType()
export class RoomInput {
  @Field() name: string;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => Int, { nullable: true }) position?: number | null;
}

@InputType()
export class UpdateRoomInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => Int, { nullable: true }) position?: number | null;
}

@InputType()
export class TrackInput {
  @Field() name: string;
  @Field(() => String, { nullable: true, description: '#rrggbb' }) colour?: string | null;
}

@InputType()
export class UpdateTrackInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) colour?: string | null;
}

@InputType()
export class CreateSessionInput {
  @Field() title: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => SessionType) type: SessionType;
  @Field({ description: 'An instant, e.g. 2023-04-26T09:00:00+03:00.' }) startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => ID, { nullable: true }) roomId?: string | null;
  @Field(() => ID, { nullable: true }) trackId?: string | null;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => String, { nullable: true, description: 'BCP 47 tag, e.g. "en".' }) language?: string | null;
}

@InputType()
export class UpdateSessionInput {
  @Field({ nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => SessionType, { nullable: true }) type?: SessionType;
  @Field({ nullable: true }) startsAt?: Date;
  @Field({ nullable: true }) endsAt?: Date;
  @Field(() => ID, { nullable: true }) roomId?: string | null;
  @Field(() => ID, { nullable: true }) trackId?: string | null;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => String, { nullable: true }) language?: string | null;
}

@InputType()
export class SessionPersonInput {
  @Field(() => ID) accountId: string;
  @Field(() => SessionRole) role: SessionRole;
}

@InputType()
export class RoundTableInput {
  @Field() topic: string;
  @Field(() => ID, { nullable: true }) hostAccountId?: string | null;
  @Field(() => Int) seats: number;
  @Field(() => Int, { nullable: true }) position?: number | null;
}

@InputType()
export class UpdateRoundTableInput {
  @Field({ nullable: true }) topic?: string;
  @Field(() => ID, { nullable: true }) hostAccountId?: string | null;
  @Field(() => Int, { nullable: true }) seats?: number;
  @Field(() => Int, { nullable: true }) position?: number | null;
}
