import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EventCopyService } from '../../../libs/event-copy/index.js';
import { EventsService, EventStatus, ParticipationsService } from '../../../libs/events/index.js';
import { type Actor } from '../../../libs/identity/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { type GraphQLContext } from '../graphql/request.js';
import { AccountModel as AccountRef } from '../identity/identity.models.js';
import { CreateEventInput, EventConnectionModel, EventCopyReportModel, EventModel, ParticipationModel, UpdateEventInput } from './events.models.js';

@Resolver(() => EventModel)
export class EventsResolver {
  constructor(
    private readonly eventService: EventsService,
    private readonly participations: ParticipationsService,
    private readonly eventCopy: EventCopyService,
  ) {}

  @Query(() => EventConnectionModel, { description: 'Published events, soonest first.' })
  async events(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page = await this.eventService.listPublished(first, after);
    return { nodes: page.items, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }

  @Query(() => EventModel, { description: 'One event by its address. Drafts only for their organisers.' })
  event(@CurrentActor() actor: Actor | null, @Args('slug') slug: string) {
    return this.eventService.findBySlug(actor, slug);
  }

  @Query(() => [EventModel], { description: 'Events the signed-in account takes part in, in any role.' })
  myEvents(@CurrentActor() actor: Actor | null) {
    return this.eventService.listMine(actor);
  }

  @Mutation(() => EventModel, { description: 'Create a draft event; you become its organiser.' })
  createEvent(@CurrentActor() actor: Actor | null, @Args('input') input: CreateEventInput) {
    return this.eventService.create(actor, input);
  }

  @Mutation(() => EventCopyReportModel, {
    description:
      'Create a draft event set up like an earlier one you organise: its settings, rooms, tracks, matchmaking and materials rules, ' +
      'e-mail wordings and reminder rules, and with copyProgramme its sessions as drafts, times moved to the new dates. Never its people.',
  })
  createEventFromEarlier(
    @CurrentActor() actor: Actor | null,
    @Args('sourceEventId', { type: () => ID }) sourceEventId: string,
    @Args('input') input: CreateEventInput,
    @Args('copyProgramme', { type: () => Boolean, nullable: true, defaultValue: false, description: 'Also copy the sessions, as drafts.' })
    copyProgramme: boolean | null,
  ) {
    return this.eventCopy.createFromEarlier(actor, sourceEventId, input, copyProgramme ?? false);
  }

  @Mutation(() => EventModel)
  updateEvent(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateEventInput,
  ) {
    return this.eventService.update(actor, id, input);
  }

  @Mutation(() => EventModel, { description: 'Publish, archive, or return an event to draft.' })
  setEventStatus(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => EventStatus }) status: EventStatus,
  ) {
    return this.eventService.setStatus(actor, id, status);
  }

  @ResolveField(() => ParticipationModel, { nullable: true, description: 'Your own registration, if any.' })
  myParticipation(@CurrentActor() actor: Actor | null, @Parent() event: EventModel) {
    return actor ? this.participations.mine(actor, event.id) : null;
  }
}

@Resolver(() => ParticipationModel)
export class ParticipationResolver {
  constructor(private readonly participations: ParticipationsService) {}

  @ResolveField(() => EventModel)
  event(@Parent() participation: ParticipationModel, @Context() context: GraphQLContext) {
    return context.loaders.events.load(participation.eventId);
  }

  @ResolveField(() => AccountRef)
  account(@Parent() participation: ParticipationModel, @Context() context: GraphQLContext) {
    return context.loaders.accounts.load(participation.accountId);
  }
}


