import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('CalendarFeed', { description: 'Your personal calendar feed of one event: a secret URL; anyone holding it can read the feed.' })
export class CalendarFeedModel {
  @Field(() => ID)
  eventId: string;

  @Field({ description: 'https URL of the .ics feed (paste into "subscribe from URL").' })
  url: string;

  @Field({ description: 'The same feed as webcal://, which calendar apps open as a subscription.' })
  webcalUrl: string;

  @Field({ description: 'When this URL was issued; rotating issues a new one.' })
  createdAt: Date;
}
