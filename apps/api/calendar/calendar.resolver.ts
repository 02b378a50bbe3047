import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CalendarFeedTokensService } from '../../../libs/calendar/index.js';
import { type Actor } from '../../../libs/identity/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { CalendarFeedModel } from './calendar.models.js';

@Resolver(() => CalendarFeedModel)
export class CalendarResolver {
  constructor(private readonly feeds: CalendarFeedTokensService) {}

  @Query(() => CalendarFeedModel, {
    description: 'Your secret calendar feed for an event (approved participants); issued on first ask, the same URL afterwards.',
  })
  myCalendarFeed(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.feeds.myFeed(actor, eventId);
  }

  @Mutation(() => CalendarFeedModel, { description: 'Issue a new feed URL; the old one stops working at once.' })
  rotateMyCalendarFeed(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.feeds.rotate(actor, eventId);
  }

  @Mutation(() => Boolean, { description: 'Switch your feed off (its URL answers 404); true when there was one.' })
  revokeMyCalendarFeed(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.feeds.revoke(actor, eventId);
  }
}
