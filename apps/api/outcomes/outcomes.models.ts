import { Extensions, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AttendanceStatus, AttendanceVerdict, ExpectedOutcome, FollowUpResult, Printout } from '../../../libs/outcomes/index.js';

registerEnumType(AttendanceStatus, { name: 'AttendanceStatus', description: 'What a side or an organiser reports about a meeting.' });
registerEnumType(AttendanceVerdict, { name: 'AttendanceVerdict', description: "An organiser's mark wins; otherwise the sides' (DISPUTED when they disagree)." });
registerEnumType(ExpectedOutcome, { name: 'ExpectedOutcome' });
registerEnumType(FollowUpResult, { name: 'FollowUpResult' });
registerEnumType(Printout, { name: 'Printout', description: 'TABLE_PLANS and BADGES for organisers; BOOKLET and MY_MEETINGS for approved members.' });

@ObjectType('PrintoutLink')
export class PrintoutLinkModel {
  @Field({ description: 'Opens the printout without signing in; keep it to the computer that prints.' }) url: string;
  @Field() expiresAt: Date;
}

@ObjectType('MeetingAttendance')
export class MeetingAttendanceModel {
  @Field(() => ID) meetingId: string;
  @Field(() => AttendanceVerdict) verdict: AttendanceVerdict;
}

@ObjectType('CheckIn')
export class CheckInModel {
  @Field(() => ID) eventId: string;
  @Field(() => ID) accountId: string;
  @Field() checkedInAt: Date;
  @Field(() => ID, { nullable: true }) checkedInBy: string | null;
}

@InputType()
export class MeetingFeedbackInput {
  @Field(() => Int) rating: number;
  @Field(() => ExpectedOutcome) expectedOutcome: ExpectedOutcome;
  @Field(() => String, { nullable: true, description: 'Private: only you ever see it (not the other side, not the organisers).' }) note?: string | null;
}

@ObjectType('MeetingFeedback', { description: 'Your own feedback on a meeting.' })
export class MeetingFeedbackModel {
  @Field(() => ID) meetingId: string;
  @Field(() => Int) rating: number;
  @Field(() => ExpectedOutcome) expectedOutcome: ExpectedOutcome;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() updatedAt: Date;
}

@ObjectType('FeedbackSummary', { description: "One side's rating and expected outcome, as organisers see it (never the note)." })
export class FeedbackSummaryModel {
  @Field(() => ID) meetingId: string;
  @Field(() => ID) accountId: string;
  @Field(() => Int) rating: number;
  @Field(() => ExpectedOutcome) expectedOutcome: ExpectedOutcome;
  @Field() updatedAt: Date;
}

@ObjectType('FollowUpAnswer')
export class FollowUpAnswerModel {
  @Field(() => ID) roundId: string;
  @Field(() => Int) roundNumber: number;
  @Field(() => FollowUpResult) result: FollowUpResult;
  @Field(() => String, { nullable: true }) comment: string | null;
}

@ObjectType('MyMeetingOutcome', { description: 'One of your booked meetings with your own marks, feedback and answers.' })
export class MyMeetingOutcomeModel {
  @Field(() => ID) meetingId: string;
  @Field(() => ID) partnerId: string;
  @Field(() => Date, { nullable: true }) slotStartsAt: Date | null;
  @Field(() => Int, { nullable: true }) tableNumber: number | null;
  @Field(() => AttendanceStatus, { nullable: true }) myAttendance: AttendanceStatus | null;
  @Field(() => AttendanceVerdict) verdict: AttendanceVerdict;
  @Field(() => MeetingFeedbackModel, { nullable: true }) feedback: MeetingFeedbackModel | null;
  @Extensions({ listSize: 5 }) @Field(() => [FollowUpAnswerModel]) followUps: FollowUpAnswerModel[];
}

@InputType()
export class FollowUpRoundInput {
  @Field() opensAt: Date;
  @Field() closesAt: Date;
  @Field(() => String, { nullable: true }) message?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'E-mail everyone with a booked meeting when the round opens (default true).' }) notify?: boolean | null;
}

@ObjectType('FollowUpRound')
export class FollowUpRoundModel {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field(() => Int, { description: 'Round 1 is the feedback right after the meeting; follow-ups are 2, 3, …' }) number: number;
  @Field() opensAt: Date;
  @Field() closesAt: Date;
  @Field(() => String, { nullable: true }) message: string | null;
}

@ObjectType('ReportCount')
export class CountRowModel {
  @Field() key: string;
  @Field(() => Int) count: number;
}

@ObjectType('ReportMatrixCell')
export class MatrixCellModel {
  @Field() row: string;
  @Field() column: string;
  @Field(() => Int) count: number;
}

@ObjectType('ReportRoundOutcome')
export class RoundOutcomeModel {
  @Field(() => Int) round: number;
  @Field() outcome: string;
  @Field(() => Int) count: number;
  @Field(() => Float, { nullable: true }) averageRating: number | null;
}

@ObjectType('ReportTheme')
export class ThemeRowModel {
  @Field() theme: string;
  @Field(() => Int) offered: number;
  @Field(() => Int) demanded: number;
  @Field(() => Int) participants: number;
}

@ObjectType('ReportMeetings')
export class MeetingCountsModel {
  @Field(() => Int) accepted: number;
  @Field(() => Int) scheduled: number;
  @Field(() => Int) waitingForSlot: number;
  @Field(() => Int) cancelled: number;
  @Field(() => Int) held: number;
  @Field(() => Int) noShows: number;
  @Field(() => Int) disputed: number;
  @Field(() => Int) unreported: number;
  @Field(() => Int) checkedIn: number;
  @Field(() => Float, { nullable: true }) averageRating: number | null;
}

@ObjectType('ReportActivityDay', { description: "One day of matchmaking activity, in the event's time zone." })
export class ActivityDayModel {
  @Field({ description: 'YYYY-MM-DD in the event time zone.' }) day: string;
  @Field(() => Int) requestsSent: number;
  @Field(() => Int) requestsAccepted: number;
  @Field(() => Int) requestsDeclined: number;
  @Field(() => Int) meetingsCancelled: number;
}

@ObjectType('OutcomeReport', { description: 'Statistics for organisers; each list is also a CSV at /events/{slug}/reports/<name>.csv.' })
export class OutcomeReportModel {
  @Field(() => ID) eventId: string;
  @Extensions({ listSize: 10 }) @Field(() => [CountRowModel]) participantsByType: CountRowModel[];
  @Extensions({ listSize: 30 }) @Field(() => [CountRowModel]) participantsByCountry: CountRowModel[];
  @Extensions({ listSize: 50 }) @Field(() => [CountRowModel]) participantsByRegion: CountRowModel[];
  @Extensions({ listSize: 6 }) @Field(() => [CountRowModel], { description: 'SENT (all), PENDING, ACCEPTED, DECLINED, EXPIRED, CANCELLED.' }) requests: CountRowModel[];
  @Field(() => MeetingCountsModel) meetings: MeetingCountsModel;
  @Extensions({ listSize: 20 }) @Field(() => [RoundOutcomeModel]) outcomesByRound: RoundOutcomeModel[];
  @Extensions({ listSize: 100 }) @Field(() => [MatrixCellModel]) regionMatrix: MatrixCellModel[];
  @Extensions({ listSize: 50 }) @Field(() => [MatrixCellModel]) typeMatrix: MatrixCellModel[];
  @Extensions({ listSize: 30 }) @Field(() => [ThemeRowModel]) themes: ThemeRowModel[];
  @Extensions({ listSize: 60 })
  @Field(() => [ActivityDayModel], { description: 'Requests and meetings over time: every day from the first to the last with activity.' })
  activity: ActivityDayModel[];
}
