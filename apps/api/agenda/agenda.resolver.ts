import { Args, Extensions, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgendaService, ProgrammeService, SeatingService, SessionStatus } from '../../../libs/agenda/index.js';
import { type Actor } from '../../../libs/identity/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import {
  AgendaConflictModel,
  AgendaFilterInput,
  AgendaModel,
  AgendaSessionModel,
  CreateSessionInput,
  MyAgendaItemModel,
  RoomInput,
  RoomModel,
  RoundTableInput,
  SeatModel,
  SessionChangeModel,
  SessionPersonInput,
  TableMateModel,
  TrackInput,
  TrackModel,
  UpdateRoomInput,
  UpdateRoundTableInput,
  UpdateSessionInput,
  UpdateTrackInput,
} from './agenda.models.js';

/** Reading the programme, personal agendas, seats and bookmarks. */
@Resolver(() => AgendaSessionModel)
export class AgendaResolver {
  constructor(
    private readonly agenda: AgendaService,
    private readonly seating: SeatingService,
  ) {}

  @Query(() => AgendaModel, {
    name: 'agenda',
    description: 'The programme of an event by day, with rooms, tracks, people and round tables. Drafts only for organisers.',
  })
  eventAgenda(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('filter', { type: () => AgendaFilterInput, nullable: true }) filter?: AgendaFilterInput | null,
  ) {
    return this.agenda.agenda(actor, eventId, filter ?? {});
  }

  @Query(() => AgendaSessionModel)
  session(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string) {
    return this.agenda.session(actor, id);
  }

  @Extensions({ listSize: 30 })
  @Query(() => [MyAgendaItemModel], { description: 'My bookmarks, seats, places in line and sessions on stage, in time order.' })
  async myAgenda(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    const items = await this.agenda.myAgenda(actor, eventId);
    return items.map((item) => ({ ...item, overlaps: item.overlapsWith.length > 0 }));
  }

  @Query(() => [AgendaConflictModel], { description: 'Every clash in the programme (organisers).' })
  agendaConflicts(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.agenda.conflicts(actor, eventId);
  }

  @Query(() => [SessionChangeModel], { description: 'Changes of time, room and status of a published session, newest first (organisers).' })
  sessionChanges(@CurrentActor() actor: Actor | null, @Args('sessionId', { type: () => ID }) sessionId: string) {
    return this.agenda.changes(actor, sessionId);
  }

  @Query(() => [SeatModel], { description: 'Seats and waiting lists of a session, in queue order (organisers).' })
  sessionSeats(@CurrentActor() actor: Actor | null, @Args('sessionId', { type: () => ID }) sessionId: string) {
    return this.seating.seats(actor, sessionId);
  }

  @Extensions({ listSize: 12 })
  @Query(() => [TableMateModel], {
    description:
      'The others seated at my round table of this session and its host, host first, then by name. ' +
      'Empty unless I am seated at (or host) a table of it.',
  })
  tableMates(@CurrentActor() actor: Actor | null, @Args('sessionId', { type: () => ID }) sessionId: string) {
    return this.seating.tableMates(actor, sessionId);
  }

  @Mutation(() => SeatModel, { description: 'Take a seat (at a table of a round-table session), or join the waiting list when full.' })
  takeSeat(
    @CurrentActor() actor: Actor | null,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('roundTableId', { type: () => ID, nullable: true }) roundTableId?: string | null,
  ) {
    return this.seating.takeSeat(actor, sessionId, roundTableId);
  }

  @Mutation(() => SeatModel, {
    description:
      'Move to another table of a round-table session in one step: you never lose your seat on the way. ' +
      'A full table is refused (TABLE_FULL) and you stay where you were; the first in line at your old table moves up.',
  })
  moveSeat(
    @CurrentActor() actor: Actor | null,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('roundTableId', { type: () => ID }) roundTableId: string,
  ) {
    return this.seating.moveSeat(actor, sessionId, roundTableId);
  }

  @Mutation(() => Boolean, { description: 'Give up your seat or place in line; the first in line moves up.' })
  leaveSeat(@CurrentActor() actor: Actor | null, @Args('sessionId', { type: () => ID }) sessionId: string) {
    return this.seating.leaveSeat(actor, sessionId);
  }

  @Mutation(() => Boolean, { description: "Free someone's seat or place in line (organisers)." })
  removeSeat(
    @CurrentActor() actor: Actor | null,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('accountId', { type: () => ID }) accountId: string,
  ) {
    return this.seating.removeSeatOf(actor, sessionId, accountId);
  }

  @Mutation(() => Boolean)
  bookmarkSession(@CurrentActor() actor: Actor | null, @Args('sessionId', { type: () => ID }) sessionId: string) {
    return this.seating.bookmark(actor, sessionId);
  }

  @Mutation(() => Boolean)
  removeBookmark(@CurrentActor() actor: Actor | null, @Args('sessionId', { type: () => ID }) sessionId: string) {
    return this.seating.removeBookmark(actor, sessionId);
  }
}

/** Building the programme: organisers (speakers may edit their own descriptions). */
@Resolver(() => AgendaSessionModel)
export class ProgrammeResolver {
  constructor(
    private readonly programme: ProgrammeService,
    private readonly agenda: AgendaService,
  ) {}

  @Mutation(() => RoomModel)
  createRoom(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string, @Args('input') input: RoomInput) {
    return this.programme.createRoom(actor, eventId, input);
  }

  @Mutation(() => RoomModel)
  updateRoom(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateRoomInput) {
    return this.programme.updateRoom(actor, id, input);
  }

  @Mutation(() => Boolean)
  deleteRoom(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string) {
    return this.programme.deleteRoom(actor, id);
  }

  @Mutation(() => TrackModel)
  createTrack(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string, @Args('input') input: TrackInput) {
    return this.programme.createTrack(actor, eventId, input);
  }

  @Mutation(() => TrackModel)
  updateTrack(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateTrackInput) {
    return this.programme.updateTrack(actor, id, input);
  }

  @Mutation(() => Boolean)
  deleteTrack(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string) {
    return this.programme.deleteTrack(actor, id);
  }

  @Mutation(() => AgendaSessionModel, { description: 'A new draft session.' })
  async createSession(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: CreateSessionInput,
  ) {
    return this.agenda.session(actor, await this.programme.createSession(actor, eventId, input));
  }

  @Mutation(() => AgendaSessionModel, { description: 'Change a session; speakers may change the description of their own.' })
  async updateSession(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateSessionInput,
  ) {
    return this.agenda.session(actor, await this.programme.updateSession(actor, id, input));
  }

  @Mutation(() => AgendaSessionModel, { description: 'Publish, cancel or return to draft. Publishing with a hard conflict is refused.' })
  async setSessionStatus(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => SessionStatus }) status: SessionStatus,
  ) {
    return this.agenda.session(actor, await this.programme.setSessionStatus(actor, id, status));
  }

  @Mutation(() => Boolean, { description: 'Delete a draft session.' })
  deleteSession(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string) {
    return this.programme.deleteSession(actor, id);
  }

  @Mutation(() => AgendaSessionModel, { description: 'Replace the people of a session, in the order given.' })
  async setSessionPeople(
    @CurrentActor() actor: Actor | null,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('people', { type: () => [SessionPersonInput] }) people: SessionPersonInput[],
  ) {
    return this.agenda.session(actor, await this.programme.setSessionPeople(actor, sessionId, people));
  }

  @Mutation(() => AgendaSessionModel, { description: 'Add a parallel table to a round-table session.' })
  async addRoundTable(
    @CurrentActor() actor: Actor | null,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('input') input: RoundTableInput,
  ) {
    const table = await this.programme.addRoundTable(actor, sessionId, input);
    return this.agenda.session(actor, table.sessionId);
  }

  @Mutation(() => AgendaSessionModel, { description: 'Change a table; added seats go to those waiting, first come first served.' })
  async updateRoundTable(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateRoundTableInput,
  ) {
    const table = await this.programme.updateRoundTable(actor, id, input);
    return this.agenda.session(actor, table.sessionId);
  }

  @Mutation(() => Boolean, { description: 'Remove a table nobody sits or waits at.' })
  removeRoundTable(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string) {
    return this.programme.removeRoundTable(actor, id);
  }
}
