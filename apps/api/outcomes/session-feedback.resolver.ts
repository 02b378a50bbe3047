import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor } from '../../../libs/identity/index.js';
import { SessionFeedbackService } from '../../../libs/outcomes/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { MySessionFeedbackModel, SessionFeedbackSummaryModel } from './session-feedback.models.js';

@Resolver()
export class SessionFeedbackResolver {
  constructor(private readonly sessionFeedback: SessionFeedbackService) {}

  @Mutation(() => MySessionFeedbackModel, {
    description: 'Rate a published session that has started (approved members of its event); again to replace your rating. Others see it without your name.',
  })
  rateSession(
    @CurrentActor() actor: Actor | null,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('rating', { type: () => Int, description: '1 to 5.' }) rating: number,
    @Args('comment', { type: () => String, nullable: true, description: 'At most 2,000 characters; shown to the organisers and the people on the session without your name.' })
    comment?: string | null,
  ) {
    return this.sessionFeedback.rate(actor, sessionId, rating, comment);
  }

  @Mutation(() => Boolean, { description: 'Remove your rating of a session; false when you had none.' })
  removeSessionFeedback(@CurrentActor() actor: Actor | null, @Args('sessionId', { type: () => ID }) sessionId: string) {
    return this.sessionFeedback.remove(actor, sessionId);
  }

  @Query(() => [MySessionFeedbackModel], { description: "Your own ratings of the event's sessions." })
  mySessionFeedback(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.sessionFeedback.mine(actor, eventId);
  }

  @Query(() => [SessionFeedbackSummaryModel], { description: 'Every session of the event with feedback, without names (organisers).' })
  sessionFeedbackReport(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.sessionFeedback.report(actor, eventId);
  }

  @Query(() => [SessionFeedbackSummaryModel], {
    description: 'The feedback on the sessions you are on (speaker, moderator, panellist, host), without names; fewer than 3 ratings show the count only.',
  })
  mySessionsFeedback(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.sessionFeedback.mySessions(actor, eventId);
  }
}
