import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor } from '../../../libs/identity/index.js';
import {
  AvailabilityService,
  MatchmakingProfilesService,
  MatchmakingSettingsService,
  MeetingRequestsService,
  MeetingRequestStatus,
  MeetingsService,
  RequestDirection,
} from '../../../libs/matchmaking/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { type GraphQLContext } from '../graphql/request.js';
import { RateLimit } from '../security/rate-limit.guard.js';
import { loadPerson, loadSlot } from './matchmaking.loaders.js';
import {
  AvailabilityBlockInput,
  AvailabilityBlockModel,
  MatchmakingParticipantModel,
  MeetingModel,
  MeetingRequestModel,
  MeetingSlotModel,
  SendMeetingRequestInput,
  UpdateMeetingRequestInput,
  SlotAvailabilityModel,
  SlotProposalModel,
} from './matchmaking.models.js';

const onBehalfOf = { type: () => ID, nullable: true, description: 'Organisers: act for this participant.' } as const;

@Resolver(() => MeetingRequestModel)
export class MeetingRequestsResolver {
  constructor(
    private readonly requests: MeetingRequestsService,
    private readonly settings: MatchmakingSettingsService,
    private readonly profiles: MatchmakingProfilesService,
  ) {}

  @Query(() => [MeetingRequestModel], { description: 'Your incoming and/or outgoing meeting requests, newest first.' })
  meetingRequests(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('direction', { type: () => RequestDirection, defaultValue: RequestDirection.BOTH }) direction: RequestDirection,
    @Args('status', { type: () => MeetingRequestStatus, nullable: true }) status?: MeetingRequestStatus | null,
    @Args('onBehalfOf', onBehalfOf) onBehalfOfId?: string | null,
  ) {
    return this.requests.list(actor, eventId, direction, status, onBehalfOfId);
  }

  @Query(() => [MeetingRequestModel], { description: 'Every meeting request of the event (organisers).' })
  eventMeetingRequests(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('status', { type: () => MeetingRequestStatus, nullable: true }) status?: MeetingRequestStatus | null,
  ) {
    return this.requests.listForEvent(actor, eventId, status);
  }

  @Mutation(() => MeetingRequestModel, { description: 'Ask someone for a one-to-one meeting.' })
  @RateLimit('meetingRequest')
  sendMeetingRequest(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: SendMeetingRequestInput,
    @Args('onBehalfOf', onBehalfOf) onBehalfOfId?: string | null,
  ) {
    return this.requests.send(actor, eventId, input, onBehalfOfId);
  }

  @Mutation(() => MeetingModel, {
    description: 'Accept a request. With slotId (or the proposed slot) and participants picking slots, the meeting is booked at once.',
  })
  async acceptMeetingRequest(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('slotId', { type: () => ID, nullable: true }) slotId?: string | null,
    @Args('tableNumber', { type: () => Int, nullable: true }) tableNumber?: number | null,
  ) {
    return (await this.requests.accept(actor, id, slotId, tableNumber)).meeting;
  }

  @Mutation(() => MeetingRequestModel)
  declineMeetingRequest(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ) {
    return this.requests.decline(actor, id, reason);
  }

  @Mutation(() => MeetingRequestModel, {
    description:
      'Change a pending request you sent (message, proposed slot, priority) instead of withdrawing and sending it again. ' +
      'The person asked is told when the message or the proposed time changed; the expiry stays.',
  })
  @RateLimit('meetingRequest')
  updateMeetingRequest(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateMeetingRequestInput) {
    return this.requests.update(actor, id, input);
  }

  @Mutation(() => MeetingRequestModel, { description: 'Withdraw a pending request you sent.' })
  cancelMeetingRequest(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string) {
    return this.requests.cancel(actor, id);
  }

  @Mutation(() => Int, { description: 'Expire overdue pending requests of the event now (organisers); returns how many.' })
  expireMeetingRequests(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.requests.expireForEvent(actor, eventId);
  }

  @ResolveField(() => MatchmakingParticipantModel, { nullable: true })
  requester(@Parent() r: MeetingRequestModel, @Context() context: GraphQLContext) {
    return loadPerson(context, { settings: this.settings, profiles: this.profiles }, r.eventId, r.requesterId);
  }

  @ResolveField(() => MatchmakingParticipantModel, { nullable: true })
  recipient(@Parent() r: MeetingRequestModel, @Context() context: GraphQLContext) {
    return loadPerson(context, { settings: this.settings, profiles: this.profiles }, r.eventId, r.recipientId);
  }

  @ResolveField(() => MeetingSlotModel, { nullable: true })
  proposedSlot(@Parent() r: MeetingRequestModel, @Context() context: GraphQLContext) {
    return loadSlot(context, { settings: this.settings, profiles: this.profiles }, r.proposedSlotId);
  }
}

@Resolver(() => MeetingModel)
export class MeetingsResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly availability: AvailabilityService,
    private readonly settings: MatchmakingSettingsService,
    private readonly profiles: MatchmakingProfilesService,
  ) {}

  @Query(() => [MeetingModel], { description: 'Your meetings in time order (unscheduled last).' })
  myMeetings(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('includeCancelled', { defaultValue: false }) includeCancelled: boolean,
    @Args('onBehalfOf', onBehalfOf) onBehalfOfId?: string | null,
  ) {
    return this.meetings.listMine(actor, eventId, onBehalfOfId, { includeCancelled });
  }

  @Query(() => [MeetingModel], { description: 'Every meeting of the event (organisers).' })
  eventMeetings(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('scheduled', { type: () => Boolean, nullable: true }) scheduled?: boolean | null,
    @Args('includeCancelled', { defaultValue: false }) includeCancelled?: boolean,
  ) {
    return this.meetings.listForEvent(actor, eventId, { scheduled: scheduled ?? undefined, includeCancelled });
  }

  @Mutation(() => MeetingModel, {
    description: 'Book or move a meeting into a slot, at a table (or the lowest free one). Participants when they pick slots; organisers always.',
  })
  bookMeeting(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('slotId', { type: () => ID }) slotId: string,
    @Args('tableNumber', { type: () => Int, nullable: true }) tableNumber?: number | null,
  ) {
    return this.meetings.book(actor, id, slotId, tableNumber);
  }

  @Mutation(() => MeetingModel)
  cancelMeeting(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ) {
    return this.meetings.cancel(actor, id, reason);
  }

  @Mutation(() => MeetingModel, { description: 'Propose another slot; the meeting moves when the other person accepts.' })
  proposeMeetingReschedule(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('slotId', { type: () => ID }) slotId: string,
  ) {
    return this.meetings.proposeReschedule(actor, id, slotId);
  }

  @Mutation(() => MeetingModel)
  respondToMeetingReschedule(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
  ) {
    return this.meetings.respondToReschedule(actor, id, accept);
  }

  @Mutation(() => MeetingModel, { description: 'Lock a meeting where it is, so the scheduler keeps it (organisers).' })
  setMeetingLocked(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string, @Args('locked') locked: boolean) {
    return this.meetings.setLocked(actor, id, locked);
  }

  @Mutation(() => MeetingModel, {
    description:
      'Set, change or (null or empty) remove the video link of a confirmed meeting, for a partner joining remotely. ' +
      'Its two people or the organisers; the other person (both, when an organiser changed it) is told.',
  })
  setMeetingOnlineLink(
    @CurrentActor() actor: Actor | null,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('url', { type: () => String, nullable: true }) url?: string | null,
  ) {
    return this.meetings.setOnlineLink(actor, meetingId, url ?? null);
  }

  @Query(() => [SlotAvailabilityModel], { description: 'Each meeting slot for you: free, blocked by hand, busy in the agenda, or in a meeting.' })
  myAvailability(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('onBehalfOf', onBehalfOf) onBehalfOfId?: string | null,
  ) {
    return this.availability.availability(actor, eventId, onBehalfOfId);
  }

  @Query(() => [AvailabilityBlockModel])
  availabilityBlocks(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('onBehalfOf', onBehalfOf) onBehalfOfId?: string | null,
  ) {
    return this.availability.blocks(actor, eventId, onBehalfOfId);
  }

  @Query(() => [SlotProposalModel], { description: 'The next slots in which you and this person are both free, each with a free table.' })
  findMeetingSlots(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('withAccountId', { type: () => ID }) withAccountId: string,
    @Args('first', { type: () => Int, defaultValue: 5 }) first: number,
    @Args('onBehalfOf', onBehalfOf) onBehalfOfId?: string | null,
  ) {
    return this.availability.findSlots(actor, eventId, withAccountId, first, onBehalfOfId);
  }

  @Mutation(() => AvailabilityBlockModel, { description: 'Mark a time when you are not available for meetings.' })
  blockAvailability(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: AvailabilityBlockInput,
    @Args('onBehalfOf', onBehalfOf) onBehalfOfId?: string | null,
  ) {
    return this.availability.block(actor, eventId, input, onBehalfOfId);
  }

  @Mutation(() => Boolean)
  unblockAvailability(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string) {
    return this.availability.unblock(actor, id);
  }

  @ResolveField(() => MeetingSlotModel, { nullable: true })
  slot(@Parent() m: MeetingModel, @Context() context: GraphQLContext) {
    return loadSlot(context, { settings: this.settings, profiles: this.profiles }, m.slotId);
  }

  @ResolveField(() => MeetingSlotModel, { nullable: true, description: 'A new slot one side proposed, waiting for the other.' })
  rescheduleSlot(@Parent() m: MeetingModel, @Context() context: GraphQLContext) {
    return loadSlot(context, { settings: this.settings, profiles: this.profiles }, m.rescheduleSlotId);
  }

  @ResolveField(() => ID, { nullable: true })
  rescheduleProposedBy(@Parent() m: MeetingModel) {
    return m.rescheduleBy;
  }

  @ResolveField(() => MatchmakingParticipantModel, { nullable: true })
  requester(@Parent() m: MeetingModel, @Context() context: GraphQLContext) {
    return loadPerson(context, { settings: this.settings, profiles: this.profiles }, m.eventId, m.requesterId);
  }

  @ResolveField(() => MatchmakingParticipantModel, { nullable: true })
  recipient(@Parent() m: MeetingModel, @Context() context: GraphQLContext) {
    return loadPerson(context, { settings: this.settings, profiles: this.profiles }, m.eventId, m.recipientId);
  }
}
