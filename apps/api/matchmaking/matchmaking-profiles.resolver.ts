import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor } from '../../../libs/identity/index.js';
import { MatchmakingProfilesService, RecommendationsService } from '../../../libs/matchmaking/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { toParticipantModel } from './matchmaking.loaders.js';
import {
  DirectoryFilterInput,
  MarketplaceEntryInput,
  MarketplaceEntryModel,
  MatchmakingDirectoryModel,
  MatchmakingParticipantModel,
  MatchmakingProfileInput,
  RecommendationModel,
  RecommendationReasonDataModel,
  UpdateMarketplaceEntryInput,
} from './matchmaking.models.js';

const onBehalfOf = { type: () => ID, nullable: true, description: 'Organisers: act for this participant.' } as const;

@Resolver(() => MatchmakingParticipantModel)
export class MatchmakingProfilesResolver {
  constructor(
    private readonly profiles: MatchmakingProfilesService,
    private readonly recommendations: RecommendationsService,
  ) {}

  @Query(() => MatchmakingParticipantModel, { description: "A participant's matchmaking profile as you may see it; yours when accountId is omitted." })
  async matchmakingProfile(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('accountId', { type: () => ID, nullable: true }) accountId?: string | null,
  ) {
    return toParticipantModel(await this.profiles.profile(actor, eventId, accountId));
  }

  @Mutation(() => MatchmakingParticipantModel, { description: 'Create or change your matchmaking profile (or, for organisers, someone else’s).' })
  async updateMatchmakingProfile(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: MatchmakingProfileInput,
    @Args('onBehalfOf', onBehalfOf) onBehalfOfId?: string | null,
  ) {
    return toParticipantModel(await this.profiles.updateProfile(actor, eventId, input, onBehalfOfId));
  }

  @Mutation(() => MarketplaceEntryModel, { description: 'Add something you offer or seek.' })
  addMarketplaceEntry(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: MarketplaceEntryInput,
    @Args('onBehalfOf', onBehalfOf) onBehalfOfId?: string | null,
  ) {
    return this.profiles.addEntry(actor, eventId, input, onBehalfOfId);
  }

  @Mutation(() => MarketplaceEntryModel)
  updateMarketplaceEntry(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateMarketplaceEntryInput,
  ) {
    return this.profiles.updateEntry(actor, id, input);
  }

  @Mutation(() => Boolean)
  removeMarketplaceEntry(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string) {
    return this.profiles.removeEntry(actor, id);
  }

  @Query(() => MatchmakingDirectoryModel, { description: 'Participants who take part in matchmaking, filtered, by name, with cursors.' })
  async matchmakingDirectory(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('filter', { type: () => DirectoryFilterInput, nullable: true }) filter?: DirectoryFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const page = await this.profiles.directory(actor, eventId, filter ?? {}, first, after);
    return { nodes: page.items.map(toParticipantModel), pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }

  @Query(() => [RecommendationModel], { description: 'People you should meet, best first, each with a score and the reasons.' })
  async matchmakingRecommendations(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
    @Args('onBehalfOf', onBehalfOf) onBehalfOfId?: string | null,
  ) {
    const list = await this.recommendations.recommend(actor, eventId, first, onBehalfOfId);
    return list.map((r) => ({
      participant: toParticipantModel(r.participant),
      score: r.score,
      reasons: r.reasons.map((reason) => ({ ...reason, data: reason.data as RecommendationReasonDataModel })),
    }));
  }
}
