import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  ImportMode,
  ParticipantImportService,
  ParticipantRole,
  ParticipationsService,
  ParticipationStatus,
} from '../../../libs/events/index.js';
import { type Actor } from '../../../libs/identity/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { ImportReportModel, ParticipationModel } from './events.models.js';

@Resolver(() => ParticipationModel)
export class ParticipationsResolver {
  constructor(
    private readonly participations: ParticipationsService,
    private readonly importer: ParticipantImportService,
  ) {}

  @Query(() => [ParticipationModel], { description: 'Everyone registered for an event (organisers only).' })
  participants(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('role', { type: () => ParticipantRole, nullable: true }) role?: ParticipantRole,
    @Args('status', { type: () => ParticipationStatus, nullable: true }) status?: ParticipationStatus,
  ) {
    return this.participations.list(actor, eventId, { role, status });
  }

  @Query(() => [ParticipationModel], { description: 'Your registrations in every event.' })
  myParticipations(@CurrentActor() actor: Actor | null) {
    return this.participations.listMine(actor);
  }

  @Mutation(() => ParticipationModel, { description: 'Register for a published event (pending if it requires approval).' })
  registerForEvent(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('consentVersion', { type: () => String, nullable: true, description: 'Version of the consent wording the person agreed to (required; see docs/security.md).' })
    consentVersion?: string | null,
  ) {
    return this.participations.register(actor, eventId, consentVersion);
  }

  @Mutation(() => ParticipationModel, { description: 'Withdraw your registration.' })
  cancelMyRegistration(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.participations.cancelMine(actor, eventId);
  }

  @Mutation(() => ParticipationModel, { description: 'Approve or decline a registration (organisers).' })
  decideRegistration(
    @CurrentActor() actor: Actor | null,
    @Args('participationId', { type: () => ID }) participationId: string,
    @Args('approve') approve: boolean,
  ) {
    return this.participations.decide(actor, participationId, approve);
  }

  @Mutation(() => ParticipationModel, { description: "Change someone's role in the event (organisers)." })
  setParticipantRole(
    @CurrentActor() actor: Actor | null,
    @Args('participationId', { type: () => ID }) participationId: string,
    @Args('role', { type: () => ParticipantRole }) role: ParticipantRole,
  ) {
    return this.participations.setRole(actor, participationId, role);
  }

  @Mutation(() => ImportReportModel, {
    description:
      'Import participants from CSV with the columns name, email, organisation, type, country, region, role. ' +
      'Every row is reported; ALL_OR_NOTHING writes nothing when any row is rejected.',
  })
  importParticipants(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('csv') csv: string,
    @Args('mode', { type: () => ImportMode, defaultValue: ImportMode.ALL_OR_NOTHING }) mode: ImportMode,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return this.importer.import(actor, eventId, csv, { mode, dryRun });
  }

  @Mutation(() => Int, {
    description:
      'E-mail every approved participant who cannot sign in yet (imported, no password) a link, valid for a week, to set a password. ' +
      'Again: fresh links to those still without one. Returns how many were invited (organisers).',
  })
  inviteParticipantsWithoutPassword(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.participations.inviteWithoutPassword(actor, eventId);
  }
}
