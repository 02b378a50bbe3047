import { Extensions, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { SessionStatus, SessionType } from '../../../libs/agenda/index.js';

@ObjectType('MySessionFeedback', { description: 'Your own rating of a session.' })
export class MySessionFeedbackModel {
  @Field(() => ID) sessionId: string;
  @Field(() => Int) rating: number;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field() updatedAt: Date;
}

@ObjectType('SessionFeedbackSummary', {
  description:
    "A session's feedback without names: the count, the average, how many gave each rating and the comments (ordered by their text). " +
    'For the people on a session, a session with fewer than 3 ratings shows the count only (detailsHidden); organisers see everything.',
})
export class SessionFeedbackSummaryModel {
  @Field(() => ID) sessionId: string;
  @Field() title: string;
  @Field(() => SessionType) type: SessionType;
  @Field(() => SessionStatus) status: SessionStatus;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => String, { nullable: true }) roomName: string | null;
  @Field(() => Int) count: number;
  @Field(() => Float, { nullable: true, description: 'One decimal.' }) average: number | null;
  @Extensions({ listSize: 5 })
  @Field(() => [Int], { nullable: true, description: 'How many rated 1, 2, 3, 4 and 5.' })
  distribution: number[] | null;
  @Extensions({ listSize: 30 }) @Field(() => [String], { nullable: true }) comments: string[] | null;
  @Field({ description: 'True when fewer than 3 ratings keep the average, distribution and comments from the people on the session.' }) detailsHidden: boolean;
}
