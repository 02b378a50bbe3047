import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor } from '../../../libs/identity/index.js';
import { AgendaWindowsService, type MatchmakingSettingsEntity, MatchmakingSettingsService, type MeetingSlotEntity } from '../../../libs/matchmaking/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { MatchmakingSettingsInput, MatchmakingSettingsModel } from './matchmaking.models.js';

@Resolver(() => MatchmakingSettingsModel)
export class MatchmakingSettingsResolver {
  constructor(
    private readonly settings: MatchmakingSettingsService,
    private readonly agendaWindows: AgendaWindowsService,
  ) {}

  @Query(() => MatchmakingSettingsModel, { description: 'Matchmaking settings and slots of an event (its approved members).' })
  async matchmakingSettings(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    const settings = await this.settings.get(actor, eventId);
    return this.toModel(settings, await this.settings.slots(eventId));
  }

  @Mutation(() => MatchmakingSettingsModel, {
    description: 'Change matchmaking settings (organisers). Slots are regenerated; removing a slot that holds a meeting is a CONFLICT.',
  })
  async updateMatchmakingSettings(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: MatchmakingSettingsInput,
  ) {
    const settings = await this.settings.update(actor, eventId, input);
    return this.toModel(settings, await this.settings.slots(eventId));
  }

  @Mutation(() => MatchmakingSettingsModel, {
    description: "Set the meeting windows to the agenda's published MATCHMAKING sessions (organisers); slots are regenerated.",
  })
  async useAgendaMatchmakingWindows(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    const settings = await this.agendaWindows.useAgendaWindows(actor, eventId);
    return this.toModel(settings, await this.settings.slots(eventId));
  }

  private toModel(settings: MatchmakingSettingsEntity, slots: MeetingSlotEntity[]): MatchmakingSettingsModel {
    return {
      ...settings,
      windows: settings.windows.map((w) => ({ startsAt: new Date(w.startsAt), endsAt: new Date(w.endsAt) })),
      tables: Array.from({ length: settings.tableCount }, (_, i) => ({ number: i + 1, name: settings.tableNames[i] ?? `Table ${i + 1}` })),
      weights: this.settings.weights(settings),
      requestsOpen: this.settings.isOpen(settings),
      slots,
    };
  }
}
