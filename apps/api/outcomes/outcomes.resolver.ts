import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor } from '../../../libs/identity/index.js';
import { AttendanceStatus, FollowUpResult, OutcomesService, Printout, PrintoutsService, ReportsService } from '../../../libs/outcomes/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import {
  CheckInModel,
  FeedbackSummaryModel,
  FollowUpAnswerModel,
  FollowUpRoundInput,
  FollowUpRoundModel,
  MeetingAttendanceModel,
  MeetingFeedbackInput,
  MeetingFeedbackModel,
  MyMeetingOutcomeModel,
  OutcomeReportModel,
  PrintoutLinkModel,
} from './outcomes.models.js';

@Resolver()
export class OutcomesResolver {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly reports: ReportsService,
    private readonly printouts: PrintoutsService,
  ) {}

  @Mutation(() => PrintoutLinkModel, {
    description:
      'A link that opens a printout for 12 hours without signing in (the venue\'s printer computer). ' +
      'It opens that page only, as you; "sign out everywhere" ends it.',
  })
  printoutLink(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string, @Args('printout', { type: () => Printout }) printout: Printout) {
    return this.printouts.link(actor, eventId, printout);
  }

  @Mutation(() => MeetingAttendanceModel, { description: 'Mark a meeting held or a no-show (either side, or an organiser of the event).' })
  markMeetingAttendance(
    @CurrentActor() actor: Actor | null,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('status', { type: () => AttendanceStatus }) status: AttendanceStatus,
  ) {
    return this.outcomes.markAttendance(actor, meetingId, status);
  }

  @Mutation(() => CheckInModel, { description: 'Check in at the event: yourself, or (organisers) the given participant.' })
  checkInToEvent(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('accountId', { type: () => ID, nullable: true }) accountId?: string | null,
  ) {
    return this.outcomes.checkIn(actor, eventId, accountId);
  }

  @Query(() => [CheckInModel], { description: 'Who has checked in (organisers).' })
  eventCheckIns(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.outcomes.checkIns(actor, eventId);
  }

  @Mutation(() => MeetingFeedbackModel, { description: 'Your feedback on a meeting that has started (one of its two people); again to change it.' })
  giveMeetingFeedback(
    @CurrentActor() actor: Actor | null,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('input') input: MeetingFeedbackInput,
  ) {
    return this.outcomes.giveFeedback(actor, meetingId, input);
  }

  @Query(() => [MyMeetingOutcomeModel], { description: 'Your booked meetings with your own attendance marks, feedback and follow-up answers.' })
  myMeetingOutcomes(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.outcomes.myOutcomes(actor, eventId);
  }

  @Query(() => [FeedbackSummaryModel], { description: 'Ratings and expected outcomes of the event (organisers); private notes are never shown.' })
  eventMeetingFeedback(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.outcomes.eventFeedback(actor, eventId);
  }

  @Mutation(() => FollowUpRoundModel, { description: 'Open a follow-up round (organisers), e.g. months after the event.' })
  openFollowUpRound(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: FollowUpRoundInput,
  ) {
    return this.outcomes.openFollowUpRound(actor, eventId, { ...input, notify: input.notify ?? true });
  }

  @Query(() => [FollowUpRoundModel], { description: 'The follow-up rounds of the event (approved members).' })
  followUpRounds(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.outcomes.rounds(actor, eventId);
  }

  @Mutation(() => FollowUpAnswerModel, { description: 'What came of one of your meetings, in an open follow-up round; again to change it.' })
  answerFollowUp(
    @CurrentActor() actor: Actor | null,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('result', { type: () => FollowUpResult }) result: FollowUpResult,
    @Args('comment', { type: () => String, nullable: true }) comment?: string | null,
  ) {
    return this.outcomes.answerFollowUp(actor, roundId, meetingId, result, comment);
  }

  @Query(() => OutcomeReportModel, { description: "The event's statistics (organisers)." })
  outcomeReport(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.reports.report(actor, eventId);
  }
}
