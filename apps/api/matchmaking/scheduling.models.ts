import { Extensions, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SchedulingRunStatus } from '../../../libs/matchmaking/index.js';
import { MeetingSlotModel } from './matchmaking.models.js';

registerEnumType(SchedulingRunStatus, { name: 'SchedulingRunStatus', description: 'QUEUED → RUNNING → DRAFT → PUBLISHED; or FAILED, or SUPERSEDED by a newer run.' });

export enum UnplacedMeetingReason {
  NO_COMMON_FREE_SLOT = 'NO_COMMON_FREE_SLOT',
  TABLES_FULL_IN_COMMON_SLOTS = 'TABLES_FULL_IN_COMMON_SLOTS',
  PARTICIPANT_LIMIT_REACHED = 'PARTICIPANT_LIMIT_REACHED',
  PARTICIPANT_BUSY_IN_COMMON_SLOTS = 'PARTICIPANT_BUSY_IN_COMMON_SLOTS',
}
registerEnumType(UnplacedMeetingReason, { name: 'UnplacedMeetingReason', description: 'Why a scheduling run left a meeting out.' });

@InputType()
export class SchedulingRunOptionsInput {
  @Field(() => Int, { nullable: true, description: 'Search budget in seconds (1–600); default scales with the number of people.' })
  timeLimitSeconds?: number | null;
  @Field(() => Int, { nullable: true, description: 'Seed of the search (same data + seed = same draft).' }) seed?: number | null;
}

@ObjectType()
export class SchedulingPersonModel {
  @Field(() => ID) accountId: string;
  @Field() name: string;
}

@ObjectType({ description: 'Where the draft puts one meeting.' })
export class SchedulingAssignmentModel {
  @Field(() => ID) meetingId: string;
  @Field(() => MeetingSlotModel) slot: MeetingSlotModel;
  @Field(() => Int) tableNumber: number;
  @Field({ description: 'A re-run keeps it here (locked or moved by an organiser, or already booked).' }) locked: boolean;
  @Field({ description: 'Already booked before the run; publishing leaves it as it is.' }) booked: boolean;
  @Extensions({ listSize: 2 }) @Field(() => [SchedulingPersonModel]) people: SchedulingPersonModel[];
}

@ObjectType({ description: 'A meeting the draft could not place, and why.' })
export class UnplacedMeetingModel {
  @Field(() => ID) meetingId: string;
  @Field(() => UnplacedMeetingReason) reason: UnplacedMeetingReason;
  @Field({ description: 'The reason in words.' }) message: string;
  @Field(() => Int, { description: 'Slots in which both people are free.' }) commonSlots: number;
  @Extensions({ listSize: 2 }) @Field(() => [SchedulingPersonModel]) people: SchedulingPersonModel[];
}

@ObjectType({ description: 'One run of the meeting scheduler and, once done, its draft.' })
export class SchedulingRunModel {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field(() => SchedulingRunStatus) status: SchedulingRunStatus;
  @Field(() => Int) seed: number;
  @Field(() => Int, { nullable: true }) timeLimitSeconds: number | null;
  @Field(() => Int, { description: 'Confirmed meetings considered (booked ones included).' }) meetingsTotal: number;
  @Field(() => Int, { nullable: true, description: 'Meetings placed (booked ones included); live while RUNNING.' }) placed: number | null;
  @Field(() => Int, { nullable: true, description: 'Proven upper bound on the meetings any schedule can place.' }) upperBound: number | null;
  @Field(() => Float, { nullable: true, description: 'placed / upperBound (1 = provably optimal count).' }) ratio: number | null;
  @Field(() => Int, { nullable: true, description: 'Sum of 4 − priority over placed meetings.' }) weight: number | null;
  @Field(() => Int, { nullable: true, description: 'People with accepted meetings but none placed.' }) peopleWithNone: number | null;
  @Field(() => Int, { nullable: true }) elapsedMs: number | null;
  @Field(() => Float, { nullable: true }) iterations: number | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Last progress report.' }) progressAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
}
