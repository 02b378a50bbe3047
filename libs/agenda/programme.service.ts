import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { CommonException, describeSpan, eventBounds, type EventCopyPlan, isConstraintViolation, PgErrorCode } from '../common/index.js';
import { EventAccessService, type EventEntity, isUuid, ParticipationStatus } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { AgendaEvents, type SessionChangedEvent } from './agenda-events.js';
import { AgendaException } from './agenda.exception.js';
import { ConflictSeverity } from './agenda.views.js';
import { findConflicts } from './conflict-finder.js';
import { RoomEntity } from './entities/room.entity.js';
import { RoundTableEntity } from './entities/round-table.entity.js';
import { type ChangedValue, SessionChangeEntity } from './entities/session-change.entity.js';
import { SessionPersonEntity, SessionRole } from './entities/session-person.entity.js';
import { SessionEntity, SessionStatus, SessionType } from './entities/session.entity.js';
import { TrackEntity } from './entities/track.entity.js';

export interface RoomInput {
  name?: string;
  capacity?: number | null;
  location?: string | null;
  position?: number | null;
}

export interface TrackInput {
  name?: string;
  colour?: string | null;
}

export interface SessionInput {
  title?: string;
  description?: string | null;
  type?: SessionType;
  startsAt?: Date;
  endsAt?: Date;
  roomId?: string | null;
  trackId?: string | null;
  capacity?: number | null;
  language?: string | null;
}

export interface SessionPersonInput {
  accountId: string;
  role: SessionRole;
}

export interface RoundTableInput {
  topic?: string;
  hostAccountId?: string | null;
  seats?: number;
  position?: number | null;
}

/** What copySetup copied. */
export interface ProgrammeCopyCounts {
  rooms: number;
  tracks: number;
  sessions: number;
  /** Sessions that would have fallen outside the new event's days. */
  skippedSessions: number;
  /** Cancelled sessions of the source, never copied. */
  cancelledSessions: number;
  roundTables: number;
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const COLOUR = /^#[0-9a-f]{6}$/;

/**
 * Building the programme (organisers; speakers may edit their own sessions' descriptions).
 * Writes that could create a clash take a per-event advisory lock, so two organisers cannot
 * publish clashing sessions at the same moment.
 */
@Injectable()
export class ProgrammeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly bus: AgendaEvents,
  ) {}

  // --- rooms and tracks -------------------------------------------------------------------

  createRoom(actor: Actor | null, eventId: string, input: RoomInput): Promise<RoomEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.requireOrganiser(actor, eventId, manager);
      const repo = manager.getRepository(RoomEntity);
      const room = repo.create({ eventId, ...validateRoom(input, true) });
      return repo.save(room).catch(nameTaken('room', room.name));
    });
  }

  updateRoom(actor: Actor | null, roomId: string, input: RoomInput): Promise<RoomEntity> {
    return this.dataSource.transaction(async (manager) => {
      const room = await this.organisersRow(manager, actor, RoomEntity, roomId, 'Room');
      Object.assign(room, validateRoom({ ...room, ...stripUndefined(input) }, false));
      return manager.getRepository(RoomEntity).save(room).catch(nameTaken('room', room.name));
    });
  }

  deleteRoom(actor: Actor | null, roomId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const room = await this.organisersRow(manager, actor, RoomEntity, roomId, 'Room');
      try {
        await manager.getRepository(RoomEntity).delete({ id: room.id });
      } catch (error) {
        if (isConstraintViolation(error, PgErrorCode.FOREIGN_KEY_VIOLATION) || isConstraintViolation(error, PgErrorCode.RESTRICT_VIOLATION)) {
          throw AgendaException.roomInUse(room.name);
        }
        throw error;
      }
      return true;
    });
  }

  createTrack(actor: Actor | null, eventId: string, input: TrackInput): Promise<TrackEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.requireOrganiser(actor, eventId, manager);
      const repo = manager.getRepository(TrackEntity);
      const track = repo.create({ eventId, ...validateTrack(input, true) });
      return repo.save(track).catch(nameTaken('track', track.name));
    });
  }

  updateTrack(actor: Actor | null, trackId: string, input: TrackInput): Promise<TrackEntity> {
    return this.dataSource.transaction(async (manager) => {
      const track = await this.organisersRow(manager, actor, TrackEntity, trackId, 'Track');
      Object.assign(track, validateTrack({ ...track, ...stripUndefined(input) }, false));
      return manager.getRepository(TrackEntity).save(track).catch(nameTaken('track', track.name));
    });
  }

  deleteTrack(actor: Actor | null, trackId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const track = await this.organisersRow(manager, actor, TrackEntity, trackId, 'Track');
      await manager.getRepository(TrackEntity).delete({ id: track.id });
      return true;
    });
  }

  /**
   * Copies rooms and tracks, and with `programme` the sessions (as drafts, times moved, rooms and
   * tracks mapped to the copies) with their round tables (without hosts), into a new event; in
   * the caller's transaction, no access check (libs/event-copy authorises). Never people: no one
   * on stage, no hosts, seats, waiting lists or bookmarks. Cancelled sessions stay behind.
   */
  async copySetup(manager: EntityManager, plan: EventCopyPlan, programme: boolean): Promise<ProgrammeCopyCounts> {
    const counts: ProgrammeCopyCounts = { rooms: 0, tracks: 0, sessions: 0, skippedSessions: 0, cancelledSessions: 0, roundTables: 0 };
    const roomIds = new Map<string, string>();
    const rooms = await manager.getRepository(RoomEntity).find({ where: { eventId: plan.fromEventId }, order: { position: 'ASC', name: 'ASC' } });
    for (const r of rooms) {
      const copy = await manager.getRepository(RoomEntity).save(
        manager.getRepository(RoomEntity).create({ eventId: plan.toEventId, name: r.name, capacity: r.capacity, location: r.location, position: r.position }),
      );
      roomIds.set(r.id, copy.id);
    }
    const trackIds = new Map<string, string>();
    const tracks = await manager.getRepository(TrackEntity).find({ where: { eventId: plan.fromEventId }, order: { name: 'ASC' } });
    for (const t of tracks) {
      const copy = await manager.getRepository(TrackEntity).save(manager.getRepository(TrackEntity).create({ eventId: plan.toEventId, name: t.name, colour: t.colour }));
      trackIds.set(t.id, copy.id);
    }
    counts.rooms = rooms.length;
    counts.tracks = tracks.length;
    if (!programme) return counts;

    const sessions = await manager.getRepository(SessionEntity).find({ where: { eventId: plan.fromEventId }, order: { startsAt: 'ASC', title: 'ASC' } });
    for (const s of sessions) {
      if (s.status === SessionStatus.CANCELLED) {
        counts.cancelledSessions++;
        continue;
      }
      const startsAt = plan.move(s.startsAt);
      const endsAt = plan.move(s.endsAt);
      if (startsAt < plan.bounds.start || endsAt > plan.bounds.end || endsAt <= startsAt) {
        counts.skippedSessions++;
        continue;
      }
      const copy = await manager.getRepository(SessionEntity).save(
        manager.getRepository(SessionEntity).create({
          eventId: plan.toEventId,
          title: s.title,
          description: s.description,
          type: s.type,
          startsAt,
          endsAt,
          roomId: s.roomId ? roomIds.get(s.roomId)! : null,
          trackId: s.trackId ? (trackIds.get(s.trackId) ?? null) : null,
          capacity: s.capacity,
          language: s.language,
          status: SessionStatus.DRAFT,
          revision: 0,
        }),
      );
      counts.sessions++;
      const tables = await manager.getRepository(RoundTableEntity).find({ where: { sessionId: s.id }, order: { position: 'ASC' } });
      if (tables.length) {
        await manager
          .getRepository(RoundTableEntity)
          .insert(tables.map((t) => ({ sessionId: copy.id, topic: t.topic, seats: t.seats, position: t.position, hostAccountId: null })));
        counts.roundTables += tables.length;
      }
    }
    return counts;
  }

  // --- sessions ---------------------------------------------------------------------------

  /** A new draft session. Returns its id. */
  async createSession(actor: Actor | null, eventId: string, input: SessionInput): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.access.requireOrganiser(actor, eventId, manager);
      await lockProgramme(manager, event.id);
      const repo = manager.getRepository(SessionEntity);
      const session = repo.create({ eventId, status: SessionStatus.DRAFT, revision: 0 });
      Object.assign(session, await this.validateSession(manager, event, input, true));
      const saved = await repo.save(session);
      return saved.id;
    });
  }

  /**
   * Changes a session. Organisers change anything; people on the session's stage may change its
   * description only. Once a session is visible, each change of time, room or status is logged
   * with a new revision.
   */
  async updateSession(actor: Actor | null, sessionId: string, input: SessionInput): Promise<string> {
    let changed: SessionChangedEvent | null = null;
    await this.dataSource.transaction(async (manager) => {
      const { event, session, organiser } = await this.lockedSession(manager, actor, sessionId, false);
      if (!organiser) {
        const onStage = await manager.getRepository(SessionPersonEntity).existsBy({ sessionId, accountId: actor!.accountId });
        if (!onStage) throw CommonException.forbidden('Only the organisers of this event can change this session.');
        const fields = Object.entries(input).filter(([, v]) => v !== undefined).map(([k]) => k);
        if (fields.some((f) => f !== 'description')) {
          throw CommonException.forbidden('Speakers may change the description of their own sessions only.');
        }
      }
      await lockProgramme(manager, event.id);
      const fields = await this.validateSession(manager, event, { ...session, ...stripUndefined(input) }, false);
      changed = await this.saveWithChangeLog(manager, actor, event, session, fields);
    });
    if (changed) await this.bus.emit(changed);
    return sessionId;
  }

  /** Publish, cancel or return a session to draft. Publishing with a hard conflict is refused. */
  async setSessionStatus(actor: Actor | null, sessionId: string, status: SessionStatus): Promise<string> {
    if (!Object.values(SessionStatus).includes(status)) throw CommonException.invalidInput('status', `Unknown status "${status}".`);
    let changed: SessionChangedEvent | null = null;
    await this.dataSource.transaction(async (manager) => {
      const { event, session } = await this.lockedSession(manager, actor, sessionId, true);
      await lockProgramme(manager, event.id);
      changed = await this.saveWithChangeLog(manager, actor, event, session, { status });
    });
    if (changed) await this.bus.emit(changed);
    return sessionId;
  }

  async deleteSession(actor: Actor | null, sessionId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const { session } = await this.lockedSession(manager, actor, sessionId, true);
      if (session.status !== SessionStatus.DRAFT) throw AgendaException.onlyDraftsDeleted();
      await manager.getRepository(SessionEntity).delete({ id: session.id });
      return true;
    });
  }

  /** Replaces the people of a session; their order is the order given. */
  async setSessionPeople(actor: Actor | null, sessionId: string, people: SessionPersonInput[]): Promise<string> {
    await this.dataSource.transaction(async (manager) => {
      const { event, session } = await this.lockedSession(manager, actor, sessionId, true);
      await lockProgramme(manager, event.id);
      const seen = new Set<string>();
      for (const [i, person] of people.entries()) {
        if (!Object.values(SessionRole).includes(person.role)) throw CommonException.invalidInput(`people.${i}.role`, `Unknown role "${person.role}".`);
        await this.requireParticipant(manager, event.id, person.accountId, `people.${i}.accountId`);
        if (seen.has(person.accountId)) throw CommonException.invalidInput(`people.${i}.accountId`, 'A person can be listed once per session.');
        seen.add(person.accountId);
      }
      const repo = manager.getRepository(SessionPersonEntity);
      await repo.delete({ sessionId });
      if (people.length) await repo.insert(people.map((p, position) => ({ sessionId, accountId: p.accountId, role: p.role, position })));
      await this.refuseHardConflicts(manager, event, session);
    });
    return sessionId;
  }

  // --- round tables -----------------------------------------------------------------------

  async addRoundTable(actor: Actor | null, sessionId: string, input: RoundTableInput): Promise<RoundTableEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { event, session } = await this.lockedSession(manager, actor, sessionId, true);
      if (session.type !== SessionType.ROUND_TABLE) throw AgendaException.notARoundTable();
      await lockProgramme(manager, event.id);
      const fields = await this.validateRoundTable(manager, event.id, input, true);
      const repo = manager.getRepository(RoundTableEntity);
      if (fields.position === undefined) fields.position = await repo.countBy({ sessionId });
      const saved = await repo.save(repo.create({ sessionId, ...fields }));
      await this.refuseHardConflicts(manager, event, session);
      return saved;
    });
  }

  /** Changes a table; more seats promote those waiting (a database trigger does it). */
  async updateRoundTable(actor: Actor | null, tableId: string, input: RoundTableInput): Promise<RoundTableEntity> {
    return this.dataSource.transaction(async (manager) => {
      const table = await this.lockedTable(manager, tableId);
      const { event, session } = await this.lockedSession(manager, actor, table.sessionId, true);
      await lockProgramme(manager, event.id);
      const fields = await this.validateRoundTable(manager, event.id, { ...table, ...stripUndefined(input) }, false);
      try {
        await manager.getRepository(RoundTableEntity).update({ id: table.id }, fields);
      } catch (error) {
        if (isConstraintViolation(error, PgErrorCode.CHECK_VIOLATION, 'agenda_round_table_seated_check')) {
          throw AgendaException.seatsBelowTaken(table.seated);
        }
        throw error;
      }
      await this.refuseHardConflicts(manager, event, session);
      return manager.getRepository(RoundTableEntity).findOneByOrFail({ id: table.id });
    });
  }

  async removeRoundTable(actor: Actor | null, tableId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const table = await this.lockedTable(manager, tableId);
      await this.lockedSession(manager, actor, table.sessionId, true);
      const [{ taken }] = await manager.query(`SELECT count(*)::int AS taken FROM agenda_seat WHERE round_table_id = $1`, [table.id]);
      if (taken > 0) throw AgendaException.tableNotEmpty();
      await manager.getRepository(RoundTableEntity).delete({ id: table.id });
      return true;
    });
  }

  // --- internals --------------------------------------------------------------------------

  private async saveWithChangeLog(
    manager: EntityManager,
    actor: Actor | null,
    event: EventEntity,
    session: SessionEntity,
    fields: Partial<SessionEntity>,
  ): Promise<SessionChangedEvent | null> {
    const before = { ...session };
    Object.assign(session, fields);
    const changes: Record<string, ChangedValue> = {};
    const iso = (d: Date) => d.toISOString();
    if (iso(before.startsAt) !== iso(session.startsAt)) changes.startsAt = { old: iso(before.startsAt), new: iso(session.startsAt) };
    if (iso(before.endsAt) !== iso(session.endsAt)) changes.endsAt = { old: iso(before.endsAt), new: iso(session.endsAt) };
    if (before.status !== session.status) changes.status = { old: before.status, new: session.status };
    if (before.roomId !== session.roomId) {
      changes.roomId = { old: before.roomId, new: session.roomId };
      const names = await roomNames(manager, [before.roomId, session.roomId]);
      changes.room = { old: names.get(before.roomId ?? '') ?? null, new: names.get(session.roomId ?? '') ?? null };
    }
    // People may have seen it (published, or cancelled after being published): log and bump.
    const logged = before.status !== SessionStatus.DRAFT && Object.keys(changes).length > 0;
    if (logged) session.revision = before.revision + 1;
    try {
      await manager.getRepository(SessionEntity).save(session);
    } catch (error) {
      if (isConstraintViolation(error, PgErrorCode.CHECK_VIOLATION, 'agenda_session_seated_check')) throw AgendaException.seatsBelowTaken(session.seated);
      throw error;
    }
    if (logged) {
      await manager.getRepository(SessionChangeEntity).insert({
        sessionId: session.id,
        eventId: event.id,
        revision: session.revision,
        changedBy: actor?.accountId ?? null,
        changes,
      });
    }
    if (Object.keys(changes).length) await this.refuseHardConflicts(manager, event, session);
    if (!logged) return null;
    const changed: SessionChangedEvent = { type: 'agenda.session-changed', eventId: event.id, sessionId: session.id, revision: session.revision, changes };
    await this.bus.emitInTransaction(manager, changed);
    return changed;
  }

  /** A published session must not clash with another published one, nor lie outside the event. */
  private async refuseHardConflicts(manager: EntityManager, event: EventEntity, session: SessionEntity): Promise<void> {
    if (session.status !== SessionStatus.PUBLISHED) return;
    const hard = (await findConflicts(manager, { event, sessionId: session.id, againstPublishedOnly: true })).filter(
      (c) => c.severity === ConflictSeverity.HARD,
    );
    if (hard.length) {
      throw AgendaException.hardConflict(`"${session.title}" cannot be published as planned: ${hard.map((c) => c.message).join(' ')}`, {
        title: session.title,
        conflicts: hard.map((c) => ({ kind: c.kind, sessionIds: c.sessionIds, accountId: c.accountId, roomId: c.roomId })),
      });
    }
  }

  private async lockedSession(manager: EntityManager, actor: Actor | null, sessionId: string, organiserOnly: boolean) {
    if (!actor) throw CommonException.authenticationRequired();
    const session = isUuid(sessionId)
      ? await manager.getRepository(SessionEntity).findOne({ where: { id: sessionId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!session) throw CommonException.notFound('Session', sessionId);
    const event = await this.access.findVisible(actor, session.eventId, manager).catch(() => {
      throw CommonException.notFound('Session', sessionId);
    });
    const organiser = await this.access.isOrganiser(actor, event.id, manager);
    if (!organiser) {
      const p = await this.access.participation(actor, event.id, manager);
      // Drafts do not exist outside the organisers.
      if (session.status === SessionStatus.DRAFT) throw CommonException.notFound('Session', sessionId);
      if (organiserOnly || p?.status !== ParticipationStatus.APPROVED) {
        throw CommonException.forbidden('Only the organisers of this event can change its programme.');
      }
    }
    return { event, session, organiser };
  }

  private async lockedTable(manager: EntityManager, tableId: string): Promise<RoundTableEntity> {
    const table = isUuid(tableId)
      ? await manager.getRepository(RoundTableEntity).findOne({ where: { id: tableId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!table) throw CommonException.notFound('Round table', tableId);
    return table;
  }

  private async organisersRow<T extends ObjectLiteral & { eventId: string }>(
    manager: EntityManager,
    actor: Actor | null,
    entity: EntityTarget<T>,
    id: string,
    what: string,
  ): Promise<T> {
    if (!actor) throw CommonException.authenticationRequired();
    const row = isUuid(id) ? await manager.getRepository(entity).findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } }) : null;
    if (!row) throw CommonException.notFound(what, id);
    await this.access.requireOrganiser(actor, row.eventId, manager).catch((error: unknown) => {
      if ((error as { kind?: string }).kind === 'NOT_FOUND') throw CommonException.notFound(what, id);
      throw error;
    });
    return row;
  }

  private async requireParticipant(manager: EntityManager, eventId: string, accountId: string, field: string) {
    const p = isUuid(accountId) ? await this.access.participation({ accountId }, eventId, manager) : null;
    if (p?.status !== ParticipationStatus.APPROVED) throw AgendaException.unknownPerson(accountId, field);
  }

  private async validateSession(manager: EntityManager, event: EventEntity, input: SessionInput, creating: boolean): Promise<Partial<SessionEntity>> {
    const title = input.title?.trim();
    if (!title || title.length > 300) throw CommonException.textLength('input.title', 'A session needs a title of 1 to 300 characters.', { min: 1, max: 300 });
    if (!input.type || !Object.values(SessionType).includes(input.type)) throw CommonException.invalidInput('input.type', `Unknown session type "${input.type}".`);
    const startsAt = input.startsAt;
    const endsAt = input.endsAt;
    if (!(startsAt instanceof Date) || Number.isNaN(startsAt.getTime())) throw AgendaException.invalidTimes('startsAt must be an instant.', 'input.startsAt');
    if (!(endsAt instanceof Date) || Number.isNaN(endsAt.getTime())) throw AgendaException.invalidTimes('endsAt must be an instant.', 'input.endsAt');
    if (endsAt <= startsAt) throw AgendaException.invalidTimes('A session must end after it starts.', 'input.endsAt');
    const bounds = eventBounds(event);
    if (startsAt < bounds.start || endsAt > bounds.end) {
      throw AgendaException.outsideEvent(
        `${describeSpan(startsAt, endsAt, event.timeZone)} (${event.timeZone}) lies outside the event's days, ${event.startsOn} to ${event.endsOn}.`,
        startsAt < bounds.start ? 'input.startsAt' : 'input.endsAt',
        { startsOn: event.startsOn, endsOn: event.endsOn },
      );
    }
    const roomId = input.roomId ?? null;
    if (roomId && !(isUuid(roomId) && (await manager.getRepository(RoomEntity).existsBy({ id: roomId, eventId: event.id })))) {
      throw AgendaException.unknownRoom(roomId);
    }
    const trackId = input.trackId ?? null;
    if (trackId && !(isUuid(trackId) && (await manager.getRepository(TrackEntity).existsBy({ id: trackId, eventId: event.id })))) {
      throw AgendaException.unknownTrack(trackId);
    }
    const capacity = input.capacity ?? null;
    if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 100000)) {
      throw CommonException.invalidInput('input.capacity', 'capacity must be a whole number of seats from 1, or null for no limit.');
    }
    const language = input.language?.trim() || null;
    if (language && !LANGUAGE.test(language)) throw CommonException.invalidInput('input.language', `"${language}" is not a language tag such as "en" or "fi".`);
    const description = input.description?.trim() || null;
    if (description && description.length > 20000) throw CommonException.textLength('input.description', 'The description is limited to 20,000 characters.', { max: 20000 });
    void creating;
    return { title, description, type: input.type, startsAt, endsAt, roomId, trackId, capacity, language };
  }

  private async validateRoundTable(manager: EntityManager, eventId: string, input: RoundTableInput, creating: boolean) {
    const topic = input.topic?.trim();
    if (!topic || topic.length > 300) throw CommonException.textLength('input.topic', 'A table needs a topic of 1 to 300 characters.', { min: 1, max: 300 });
    const seats = input.seats;
    if (!Number.isInteger(seats) || seats! < 1 || seats! > 1000) throw CommonException.invalidInput('input.seats', 'seats must be a whole number from 1 to 1000.');
    const hostAccountId = input.hostAccountId ?? null;
    if (hostAccountId) await this.requireParticipant(manager, eventId, hostAccountId, 'input.hostAccountId');
    const position = input.position ?? undefined;
    if (position !== undefined && (!Number.isInteger(position) || position < 0)) throw CommonException.invalidInput('input.position', 'position must be 0 or more.');
    void creating;
    return { topic, seats: seats!, hostAccountId, position } as { topic: string; seats: number; hostAccountId: string | null; position?: number };
  }
}

async function lockProgramme(manager: EntityManager, eventId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('clustermeet:agenda:' || $1))`, [eventId]);
}

async function roomNames(manager: EntityManager, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((id): id is string => !!id);
  if (!wanted.length) return new Map();
  const rows: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM agenda_room WHERE id = ANY($1::uuid[])`, [wanted]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

function validateRoom(input: RoomInput, creating: boolean) {
  const name = input.name?.trim();
  if (!name || name.length > 120) throw CommonException.textLength('input.name', 'A room needs a name of 1 to 120 characters.', { min: 1, max: 120 });
  const capacity = input.capacity ?? null;
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1)) throw CommonException.invalidInput('input.capacity', 'capacity must be a whole number from 1, or null.');
  const position = input.position ?? 0;
  if (!Number.isInteger(position) || position < 0) throw CommonException.invalidInput('input.position', 'position must be 0 or more.');
  void creating;
  return { name, capacity, location: input.location?.trim() || null, position };
}

function validateTrack(input: TrackInput, creating: boolean) {
  const name = input.name?.trim();
  if (!name || name.length > 120) throw CommonException.textLength('input.name', 'A track needs a name of 1 to 120 characters.', { min: 1, max: 120 });
  const colour = (input.colour ?? '#1f6feb').trim().toLowerCase();
  if (!COLOUR.test(colour)) throw CommonException.invalidInput('input.colour', 'colour must be written #rrggbb.');
  void creating;
  return { name, colour };
}

function nameTaken(what: string, name: string) {
  return (error: unknown): never => {
    if (isConstraintViolation(error, PgErrorCode.UNIQUE_VIOLATION)) throw AgendaException.nameTaken(what, name);
    throw error;
  };
}

function stripUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
