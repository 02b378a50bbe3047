import { Args, ID, Int, Mutation, Resolver, registerEnumType } from '@nestjs/graphql';
import { SessionAudienceGroup } from '../../../libs/agenda/index.js';
import { SessionMessages } from '../../../libs/domain-notifications/index.js';
import { type Actor } from '../../../libs/identity/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { AnnouncementInput } from './notifications.models.js';

registerEnumType(SessionAudienceGroup, {
  name: 'SessionAudienceGroup',
  description: "A group of a session's people an organiser can write to.",
  valuesMap: {
    SEATED: { description: 'Seated at the session or at one of its round tables.' },
    WAITING: { description: 'On a waiting list of the session or of one of its round tables.' },
    BOOKMARKED: { description: 'Bookmarked the session.' },
    ON_STAGE: { description: "The session's people and its round tables' hosts." },
  },
});

@Resolver()
export class SessionMessagesResolver {
  constructor(private readonly messages: SessionMessages) {}

  @Mutation(() => Int, {
    description:
      "Mail the approved participants among a session's people, each once (organisers of its event). Default audience: every group. Returns the number of recipients.",
  })
  sendSessionMessage(
    @CurrentActor() actor: Actor | null,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('input') input: AnnouncementInput,
    @Args('audience', { type: () => [SessionAudienceGroup], nullable: true }) audience?: SessionAudienceGroup[] | null,
  ) {
    return this.messages.send(actor, sessionId, input, audience);
  }
}
