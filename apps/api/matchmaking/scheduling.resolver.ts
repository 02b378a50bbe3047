import { Args, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor } from '../../../libs/identity/index.js';
import { SchedulingRunsService, type SchedulingRunView } from '../../../libs/matchmaking/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { SchedulingAssignmentModel, SchedulingRunModel, SchedulingRunOptionsInput, UnplacedMeetingModel } from './scheduling.models.js';

/** The organiser scheduler: runs, draft review, moves and locks, publishing (organisers of the event). */
@Resolver(() => SchedulingRunModel)
export class SchedulingResolver {
  constructor(private readonly runs: SchedulingRunsService) {}

  @Query(() => SchedulingRunModel, { nullable: true, description: 'A scheduling run of the event (default: the latest) with its draft.' })
  schedulingRun(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('runId', { type: () => ID, nullable: true }) runId?: string | null,
  ) {
    return this.runs.run(actor, eventId, runId);
  }

  @Mutation(() => SchedulingRunModel, { description: 'Queues a scheduler run; it supersedes the current draft and keeps its locked meetings.' })
  startSchedulingRun(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('options', { type: () => SchedulingRunOptionsInput, nullable: true }) options?: SchedulingRunOptionsInput | null,
  ) {
    return this.runs.start(actor, eventId, options ?? {});
  }

  @Mutation(() => SchedulingRunModel, { description: 'Moves a meeting of the draft to a slot and table, and locks it there.' })
  moveDraftMeeting(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('slotId', { type: () => ID }) slotId: string,
    @Args('tableNumber', { type: () => Int }) tableNumber: number,
  ) {
    return this.runs.move(actor, eventId, meetingId, slotId, tableNumber);
  }

  @Mutation(() => SchedulingRunModel, { description: 'Locks (or unlocks) a meeting where the draft put it; re-runs keep locked meetings.' })
  lockDraftMeeting(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('locked', { type: () => Boolean, defaultValue: true }) locked: boolean,
  ) {
    return this.runs.setLocked(actor, eventId, meetingId, locked);
  }

  @Mutation(() => SchedulingRunModel, { description: 'Books every meeting of the draft and notifies the people, all or nothing.' })
  publishSchedulingRun(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('runId', { type: () => ID }) runId: string,
  ) {
    return this.runs.publish(actor, eventId, runId);
  }

  @ResolveField(() => Float, { nullable: true })
  ratio(@Parent() run: SchedulingRunView): number | null {
    if (run.placed === null || run.upperBound === null) return null;
    return run.upperBound === 0 ? 1 : run.placed / run.upperBound;
  }

  // Parents come from the service, which authorised the organiser; one query per list.
  @ResolveField(() => [SchedulingAssignmentModel])
  assignments(@Parent() run: SchedulingRunView) {
    return this.runs.assignments(run.id);
  }

  @ResolveField(() => [UnplacedMeetingModel])
  unplaced(@Parent() run: SchedulingRunView) {
    return this.runs.unplaced(run.id);
  }
}
