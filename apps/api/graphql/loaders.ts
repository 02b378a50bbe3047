import DataLoader from 'dataloader';
import { type AccountEntity, type AccountsService, type OrganisationEntity, type OrganisationsService } from '../../../libs/identity/index.js';
import { type EventEntity, type EventsService } from '../../../libs/events/index.js';

/** Per-request batching: a list of N rows costs one query per relation, not N. */
export interface Loaders {
  accounts: DataLoader<string, AccountEntity | null>;
  organisations: DataLoader<string, OrganisationEntity | null>;
  events: DataLoader<string, EventEntity | null>;
}

export interface LoaderSources {
  accounts: AccountsService;
  organisations: OrganisationsService;
  events: EventsService;
}

export function createLoaders(sources: LoaderSources): Loaders {
  return {
    accounts: byId((ids) => sources.accounts.findByIds(ids)),
    organisations: byId((ids) => sources.organisations.findByIds(ids)),
    events: byId((ids) => sources.events.findByIds(ids)),
  };
}

function byId<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const found = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
