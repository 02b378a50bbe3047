import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CONSENT_WORDINGS, type ConsentPurpose, CURRENT_CONSENT_VERSION } from '../../../libs/consent/index.js';
import { type Actor } from '../../../libs/identity/index.js';
import { PrivacyService } from '../../../libs/privacy/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { RateLimit } from '../security/rate-limit.guard.js';
import { AccountErasureModel, ConsentWordingModel, EventRetentionModel } from './privacy.models.js';

@Resolver()
export class PrivacyResolver {
  constructor(private readonly privacy: PrivacyService) {}

  @Query(() => [ConsentWordingModel], { description: 'The consent wordings, by purpose and version (public).' })
  consentWordings(): ConsentWordingModel[] {
    return Object.entries(CONSENT_WORDINGS).flatMap(([purpose, versions]) =>
      Object.entries(versions).map(([version, text]) => ({ purpose: purpose as ConsentPurpose, version, text, current: version === CURRENT_CONSENT_VERSION })),
    );
  }

  @Query(() => String, {
    description: 'Everything ClusterMeet holds about you, as a JSON document (also GET /me/export.json). Rate-limited and audited.',
  })
  @RateLimit('export')
  async exportMyData(@CurrentActor() actor: Actor | null): Promise<string> {
    return JSON.stringify(await this.privacy.exportMyData(actor));
  }

  @Mutation(() => AccountErasureModel, {
    description:
      'Delete your account: personal data is erased or anonymised, future meetings are cancelled (the other side is told) and every token stops working.',
  })
  deleteMyAccount(@CurrentActor() actor: Actor | null, @Args('confirmEmail', { description: "Your account's e-mail, to confirm." }) confirmEmail: string) {
    return this.privacy.eraseMyAccount(actor, confirmEmail);
  }

  @Query(() => EventRetentionModel, { description: "The event's personal-data retention (organisers)." })
  eventRetention(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.privacy.retention(actor, eventId);
  }

  @Mutation(() => EventRetentionModel, { description: 'Set (or clear with null) how many days after the event its personal data is kept (organisers).' })
  setEventRetention(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('days', { type: () => Int, nullable: true }) days: number | null,
  ) {
    return this.privacy.setRetention(actor, eventId, days ?? null);
  }
}
