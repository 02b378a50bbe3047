import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { type EventCopyPlan } from '../common/index.js';
import { type Actor } from '../identity/index.js';
import { MatchmakingMode, MatchmakingSettingsEntity, type MeetingWindow } from './entities/matchmaking-settings.entity.js';
import { MeetingSlotEntity } from './entities/meeting-slot.entity.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MATCHMAKING_CLOCK, type MatchmakingClock } from './matchmaking-clock.js';
import { MatchmakingException } from './matchmaking.exception.js';
import { generateSlots, isWindowProblem } from './meeting-slots.js';
import { DEFAULT_WEIGHTS, type RecommendationWeights } from './recommendation-scoring.js';

export interface MatchmakingSettingsInput {
  meetingMinutes?: number;
  windows?: { startsAt: Date | string; endsAt: Date | string }[];
  tableCount?: number;
  tableNames?: string[];
  maxMeetingsPerParticipant?: number;
  requestsOpenAt?: Date | null;
  requestsCloseAt?: Date | null;
  expireAfterHours?: number | null;
  mode?: MatchmakingMode;
  themes?: string[];
  sectors?: string[];
  weights?: Partial<RecommendationWeights>;
}

/** The settings an event has before its organisers change anything (not stored until then). */
export function defaultSettings(eventId: string): MatchmakingSettingsEntity {
  return Object.assign(new MatchmakingSettingsEntity(), {
    eventId,
    meetingMinutes: 20,
    windows: [],
    tableCount: 10,
    tableNames: [],
    maxMeetingsPerParticipant: 12,
    requestsOpenAt: null,
    requestsCloseAt: null,
    expireAfterHours: null,
    mode: MatchmakingMode.PARTICIPANTS_PICK_SLOT,
    themes: [],
    sectors: [],
    weights: {},
  });
}

@Injectable()
export class MatchmakingSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MatchmakingAccessService,
    @Inject(MATCHMAKING_CLOCK) private readonly clock: MatchmakingClock,
  ) {}

  /** Settings of an event, for its approved members. */
  async get(actor: Actor | null, eventId: string): Promise<MatchmakingSettingsEntity> {
    await this.access.member(actor, eventId);
    return this.forEvent(eventId);
  }

  /**
   * Events whose meeting requests open (or close) in [from, to), with the approved participants
   * taking part in matchmaking, for reminders. No actor: callers authorise.
   */
  async requestWindowEdgesBetween(edge: 'OPENS' | 'CLOSES', from: Date, to: Date): Promise<{ eventId: string; at: Date; accountIds: string[] }[]> {
    const column = edge === 'OPENS' ? 'requests_open_at' : 'requests_close_at';
    const rows: { event_id: string; at: Date; account_ids: string[] | null }[] = await this.dataSource.query(
      `SELECT s.event_id, s.${column} AS at,
              (SELECT array_agg(p.account_id ORDER BY p.account_id) FROM matchmaking_profile p
                 JOIN participation pa ON pa.event_id = p.event_id AND pa.account_id = p.account_id AND pa.status = 'APPROVED'
                WHERE p.event_id = s.event_id AND p.taking_part) AS account_ids
         FROM matchmaking_settings s
        WHERE s.${column} >= $1 AND s.${column} < $2`,
      [from, to],
    );
    return rows.map((r) => ({ eventId: r.event_id, at: r.at, accountIds: r.account_ids ?? [] }));
  }

  async forEvent(eventId: string, manager: EntityManager = this.dataSource.manager): Promise<MatchmakingSettingsEntity> {
    return (await manager.getRepository(MatchmakingSettingsEntity).findOneBy({ eventId })) ?? defaultSettings(eventId);
  }

  /**
   * Settings as a booking sees them, held steady until its transaction ends: bookings take a
   * shared advisory lock per event, a settings change the exclusive one. (A shared row lock on
   * the settings row would do the same, but hundreds of concurrent row sharers turn into
   * multixacts on one hot tuple; advisory locks stay in the lock manager.)
   */
  async forBooking(eventId: string, manager: EntityManager): Promise<MatchmakingSettingsEntity> {
    await manager.query(`SELECT pg_advisory_xact_lock_shared(hashtext('matchmaking-settings:' || $1))`, [eventId]);
    return this.forEvent(eventId, manager);
  }

  weights(settings: MatchmakingSettingsEntity): RecommendationWeights {
    return { ...DEFAULT_WEIGHTS, ...settings.weights };
  }

  isOpen(settings: MatchmakingSettingsEntity, now = this.clock.now()): boolean {
    return (!settings.requestsOpenAt || settings.requestsOpenAt <= now) && (!settings.requestsCloseAt || now < settings.requestsCloseAt);
  }

  requireOpen(settings: MatchmakingSettingsEntity): void {
    if (!this.isOpen(settings)) throw MatchmakingException.closed(settings.requestsOpenAt, settings.requestsCloseAt);
  }

  slots(eventId: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingSlotEntity[]> {
    return manager.getRepository(MeetingSlotEntity).find({ where: { eventId }, order: { startsAt: 'ASC' } });
  }

  /** The visible slots of an event, for its members. */
  async listSlots(actor: Actor | null, eventId: string): Promise<MeetingSlotEntity[]> {
    await this.access.member(actor, eventId);
    return this.slots(eventId);
  }

  slotsByIds(ids: readonly string[]): Promise<MeetingSlotEntity[]> {
    return this.dataSource.getRepository(MeetingSlotEntity).findBy({ id: In([...ids]) });
  }

  /** A slot of this event, or SLOT_OUTSIDE_WINDOWS naming the field. */
  async requireSlot(eventId: string, slotId: string, field: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingSlotEntity> {
    const slot = UUID.test(slotId) ? await manager.getRepository(MeetingSlotEntity).findOneBy({ id: slotId, eventId }) : null;
    if (!slot) throw MatchmakingException.slotOutsideWindows(field, slotId);
    return slot;
  }

  /**
   * Changes the settings (organisers). Slots are regenerated from the windows: unchanged slots
   * keep their id, new ones appear, and removed ones go only when no meeting is booked in them.
   */
  async update(actor: Actor | null, eventId: string, input: MatchmakingSettingsInput): Promise<MatchmakingSettingsEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.requireOrganiser(actor, eventId, manager);
      // Waits for bookings in progress, and they for it (see forBooking).
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('matchmaking-settings:' || $1))`, [eventId]);
      await manager.query(`INSERT INTO matchmaking_settings (event_id) VALUES ($1) ON CONFLICT (event_id) DO NOTHING`, [eventId]);
      const settings = await this.forEvent(eventId, manager);
      applyInput(settings, input);
      await this.deriveSlots(manager, eventId, settings);

      const [{ highest }] = await manager.query(
        `SELECT coalesce(max(table_number), 0)::int AS highest FROM meeting WHERE event_id = $1 AND status = 'CONFIRMED'`,
        [eventId],
      );
      if (highest > settings.tableCount) throw MatchmakingException.tablesInUse(highest);
      return manager.getRepository(MatchmakingSettingsEntity).save(settings);
    });
  }

  /**
   * Copies the settings into a new event (libs/event-copy; its transaction, no access check):
   * instants moved with the plan, windows that would fall outside the new event's days left out,
   * then the slots derived as an update derives them. Nothing when the source kept the defaults.
   */
  async copySetup(manager: EntityManager, plan: EventCopyPlan): Promise<{ copied: boolean; windows: number; skippedWindows: number; slots: number }> {
    const source = await manager.getRepository(MatchmakingSettingsEntity).findOneBy({ eventId: plan.fromEventId });
    if (!source) return { copied: false, windows: 0, skippedWindows: 0, slots: 0 };
    const moved = source.windows.map((w) => ({ startsAt: plan.move(new Date(w.startsAt)), endsAt: plan.move(new Date(w.endsAt)) }));
    const windows = moved
      .filter((w) => w.startsAt >= plan.bounds.start && w.endsAt <= plan.bounds.end && w.endsAt > w.startsAt)
      .map((w): MeetingWindow => ({ startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() }));
    const move = (at: Date | null) => (at ? plan.move(at) : null);
    const settings = manager.getRepository(MatchmakingSettingsEntity).create({
      eventId: plan.toEventId,
      meetingMinutes: source.meetingMinutes,
      windows,
      tableCount: source.tableCount,
      tableNames: [...source.tableNames],
      maxMeetingsPerParticipant: source.maxMeetingsPerParticipant,
      requestsOpenAt: move(source.requestsOpenAt),
      requestsCloseAt: move(source.requestsCloseAt),
      expireAfterHours: source.expireAfterHours,
      mode: source.mode,
      themes: [...source.themes],
      sectors: [...source.sectors],
      weights: { ...source.weights },
    });
    await manager.getRepository(MatchmakingSettingsEntity).insert(settings);
    const slots = await this.deriveSlots(manager, plan.toEventId, settings);
    return { copied: true, windows: windows.length, skippedWindows: moved.length - windows.length, slots };
  }

  /**
   * Makes the event's slots those its windows give: unchanged slots keep their id, new ones
   * appear, removed ones go only when no meeting is booked in them. Returns how many there are.
   */
  private async deriveSlots(manager: EntityManager, eventId: string, settings: MatchmakingSettingsEntity): Promise<number> {
    const generated = generateSlots(settings.windows, settings.meetingMinutes);
    if (isWindowProblem(generated)) throw MatchmakingException.invalidSettings(generated.field, generated.message);

    const existing = await this.slots(eventId, manager);
    const key = (s: { startsAt: Date; endsAt: Date }) => `${s.startsAt.getTime()}-${s.endsAt.getTime()}`;
    const wanted = new Set(generated.map(key));
    const have = new Set(existing.map(key));
    const removed = existing.filter((s) => !wanted.has(key(s)));
    if (removed.length) {
      const ids = removed.map((s) => s.id);
      const busy: { slot_id: string; meetings: number }[] = await manager.query(
        `SELECT slot_id, count(*)::int AS meetings FROM meeting WHERE slot_id = ANY($1) AND status = 'CONFIRMED' GROUP BY slot_id`,
        [ids],
      );
      if (busy.length) {
        const byId = new Map(removed.map((s) => [s.id, s]));
        throw MatchmakingException.slotsInUse(
          busy.map((b) => ({ startsAt: byId.get(b.slot_id)!.startsAt, meetings: b.meetings })).sort((a, b) => +a.startsAt - +b.startsAt),
        );
      }
      await manager.query(`UPDATE meeting SET slot_id = NULL, table_number = NULL WHERE slot_id = ANY($1)`, [ids]);
      await manager.getRepository(MeetingSlotEntity).delete({ id: In(ids) });
    }
    const added = generated.filter((s) => !have.has(key(s)));
    if (added.length) await manager.getRepository(MeetingSlotEntity).insert(added.map((s) => ({ eventId, ...s })));
    return generated.length;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function applyInput(settings: MatchmakingSettingsEntity, input: MatchmakingSettingsInput): void {
  const int = (field: keyof MatchmakingSettingsInput, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw MatchmakingException.invalidSettings(field, `${field} must be a whole number from ${min} to ${max}.`, { variant: 'RANGE', min, max });
    }
    return value;
  };
  if (input.meetingMinutes !== undefined) settings.meetingMinutes = int('meetingMinutes', input.meetingMinutes, 5, 240);
  if (input.tableCount !== undefined) settings.tableCount = int('tableCount', input.tableCount, 1, 1000);
  if (input.maxMeetingsPerParticipant !== undefined) {
    settings.maxMeetingsPerParticipant = int('maxMeetingsPerParticipant', input.maxMeetingsPerParticipant, 1, 500);
  }
  if (input.expireAfterHours !== undefined) {
    settings.expireAfterHours = input.expireAfterHours === null ? null : int('expireAfterHours', input.expireAfterHours, 1, 8760);
  }
  if (input.mode !== undefined) {
    if (!Object.values(MatchmakingMode).includes(input.mode)) throw MatchmakingException.invalidSettings('mode', `Unknown mode "${input.mode}".`);
    settings.mode = input.mode;
  }
  if (input.windows !== undefined) {
    settings.windows = input.windows.map((w, i): MeetingWindow => {
      const startsAt = new Date(w.startsAt);
      const endsAt = new Date(w.endsAt);
      if (Number.isNaN(+startsAt) || Number.isNaN(+endsAt)) {
        throw MatchmakingException.invalidSettings(`windows.${i}`, `Window ${i + 1} needs valid startsAt and endsAt instants.`);
      }
      return { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
    });
  }
  if (input.tableNames !== undefined) settings.tableNames = cleanList('tableNames', input.tableNames, 100);
  if (settings.tableNames.length > settings.tableCount) {
    throw MatchmakingException.invalidSettings('tableNames', `There are ${settings.tableNames.length} table names for ${settings.tableCount} tables.`, {
      variant: 'TABLE_NAMES',
      names: settings.tableNames.length,
      tables: settings.tableCount,
    });
  }
  if (input.themes !== undefined) settings.themes = cleanList('themes', input.themes, 80);
  if (input.sectors !== undefined) settings.sectors = cleanList('sectors', input.sectors, 80);
  if (input.requestsOpenAt !== undefined) settings.requestsOpenAt = input.requestsOpenAt;
  if (input.requestsCloseAt !== undefined) settings.requestsCloseAt = input.requestsCloseAt;
  if (settings.requestsOpenAt && settings.requestsCloseAt && settings.requestsCloseAt <= settings.requestsOpenAt) {
    throw MatchmakingException.invalidSettings('requestsCloseAt', 'Requests must close after they open.', { variant: 'CLOSE_BEFORE_OPEN' });
  }
  if (input.weights !== undefined) {
    const weights: Partial<RecommendationWeights> = {};
    for (const [name, value] of Object.entries(input.weights)) {
      if (value === undefined || value === null) continue;
      if (!(name in DEFAULT_WEIGHTS)) throw MatchmakingException.invalidSettings(`weights.${name}`, `Unknown weight "${name}".`);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
        throw MatchmakingException.invalidSettings(`weights.${name}`, 'Weights are numbers from 0 to 100.', { variant: 'RANGE', min: 0, max: 100 });
      }
      weights[name as keyof RecommendationWeights] = value;
    }
    settings.weights = { ...settings.weights, ...weights };
  }
}

function cleanList(field: string, values: string[], maxLength: number): string[] {
  const cleaned = [...new Set(values.map((v) => String(v).trim()))];
  for (const v of cleaned) {
    if (!v || v.length > maxLength) {
      throw MatchmakingException.invalidSettings(field, `Each of ${field} needs 1 to ${maxLength} characters.`, { variant: 'EACH_LENGTH', min: 1, max: maxLength });
    }
  }
  if (cleaned.length > 200) throw MatchmakingException.invalidSettings(field, `At most 200 ${field}.`);
  return cleaned;
}
