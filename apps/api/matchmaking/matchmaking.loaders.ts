import DataLoader from 'dataloader';
import { type Actor } from '../../../libs/identity/index.js';
import {
  type MatchmakingProfilesService,
  type MatchmakingSettingsService,
  type MeetingSlotEntity,
  type ParticipantCard,
} from '../../../libs/matchmaking/index.js';
import { type GraphQLContext } from '../graphql/request.js';
import { type MarketplaceEntryModel, type MatchmakingParticipantModel } from './matchmaking.models.js';

const KEY = Symbol('matchmaking-loaders');

interface MatchmakingLoaders {
  slots: DataLoader<string, MeetingSlotEntity | null>;
  /** Key: `${eventId}|${accountId}`; cards as the request's actor may see them. */
  cards: DataLoader<string, ParticipantCard | null>;
}

/**
 * Per-request DataLoaders of matchmaking, kept on the GraphQL context, so the people and slots
 * of a list of requests or meetings cost one query each, not one per row.
 */
export function matchmakingLoaders(
  context: GraphQLContext,
  services: { settings: MatchmakingSettingsService; profiles: MatchmakingProfilesService },
): MatchmakingLoaders {
  const holder = context as GraphQLContext & { [KEY]?: MatchmakingLoaders };
  holder[KEY] ??= {
    slots: new DataLoader(async (ids) => {
      const found = new Map((await services.settings.slotsByIds(ids)).map((s) => [s.id, s]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    cards: new DataLoader(async (keys) => {
      const actor: Actor | null = context.req.actor ?? null;
      const byEvent = new Map<string, string[]>();
      for (const key of keys) {
        const [eventId, accountId] = key.split('|');
        byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), accountId]);
      }
      const found = new Map<string, ParticipantCard>();
      for (const [eventId, ids] of byEvent) {
        for (const card of await services.profiles.cardsFor(actor, eventId, [...new Set(ids)])) found.set(`${eventId}|${card.accountId}`, card);
      }
      return keys.map((k) => found.get(k) ?? null);
    }),
  };
  return holder[KEY]!;
}

export function toParticipantModel(card: ParticipantCard): MatchmakingParticipantModel {
  const entries = card.entries as MarketplaceEntryModel[];
  return {
    ...card,
    organisation: card.organisation as MatchmakingParticipantModel['organisation'],
    offers: entries.filter((e) => e.direction === 'OFFER'),
    seeks: entries.filter((e) => e.direction === 'SEEK'),
  };
}

type Services = { settings: MatchmakingSettingsService; profiles: MatchmakingProfilesService };

/** A person of a request or meeting, as the actor may see them. */
export async function loadPerson(context: GraphQLContext, services: Services, eventId: string, accountId: string) {
  const card = await matchmakingLoaders(context, services).cards.load(`${eventId}|${accountId}`);
  return card ? toParticipantModel(card) : null;
}

export function loadSlot(context: GraphQLContext, services: Services, slotId: string | null) {
  return slotId ? matchmakingLoaders(context, services).slots.load(slotId) : null;
}
