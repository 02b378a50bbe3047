import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { CommonException, isConstraintViolation, PgErrorCode } from '../common/index.js';
import { isValidTimeZone } from '../config/index.js';
import { AuditLogService } from '../audit/index.js';
import { type Actor } from '../identity/index.js';
import { EventEntity, EventStatus } from './entities/event.entity.js';
import { ParticipantRole, ParticipationEntity, ParticipationStatus } from './entities/participation.entity.js';
import { EventAccessService, isUuid } from './event-access.service.js';
import { EventsException } from './events.exception.js';

export interface EventDetailsInput {
  name?: string;
  slug?: string;
  description?: string | null;
  venue?: string | null;
  address?: string | null;
  timeZone?: string;
  startsOn?: string;
  endsOn?: string;
  requiresApproval?: boolean;
}

export interface CreateEventInput extends EventDetailsInput {
  name: string;
  slug: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
}

export interface Page<T> {
  items: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_PAGE = 100;

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly audit: AuditLogService,
  ) {}

  /** Published events, soonest first, with keyset pagination on (starts_on, id). */
  async listPublished(first = 20, after?: string | null): Promise<Page<EventEntity>> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw CommonException.invalidInput('first', `first must be between 1 and ${MAX_PAGE}.`);
    }
    const query = this.dataSource
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .where('e.status = :status', { status: EventStatus.PUBLISHED })
      .orderBy('e.starts_on', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(first + 1);
    if (after) {
      const [startsOn, id] = decodeCursor(after);
      query.andWhere('(e.starts_on, e.id) > (:startsOn, :id)', { startsOn, id });
    }
    const rows = await query.getMany();
    const items = rows.slice(0, first);
    const last = items.at(-1);
    return { items, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null };
  }

  /** An event by its address; drafts only for their organisers. One read (two for a draft). */
  async findBySlug(actor: Actor | null, slug: string): Promise<EventEntity> {
    const event = await this.dataSource.getRepository(EventEntity).findOneBy({ slug: String(slug).toLowerCase() });
    // Same rule as EventAccessService.findVisible, without reading the row a second time.
    if (!event || (event.status === EventStatus.DRAFT && !(await this.access.isOrganiser(actor, event.id)))) {
      throw CommonException.notFound('Event', slug);
    }
    return event;
  }

  findById(actor: Actor | null, id: string): Promise<EventEntity> {
    return this.access.findVisible(actor, id);
  }

  /** Pass the caller's manager when inside a transaction (no second connection). */
  findByIds(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<EventEntity[]> {
    return manager.getRepository(EventEntity).findBy({ id: In([...ids]) });
  }

  /** Creates a draft event; its creator becomes its first organiser. */
  async create(actor: Actor | null, input: CreateEventInput): Promise<EventEntity> {
    if (!actor) throw CommonException.authenticationRequired();
    const fields = validateDetails(input, true);
    return this.dataSource.transaction((manager) => this.insertDraft(manager, actor, fields, input.requiresApproval ?? false, {}));
  }

  /**
   * A draft event that takes `source`'s own settings (description, venue, address, approval,
   * matchmaking blob) wherever `input` gives no value; in the caller's transaction
   * (libs/event-copy). The caller has checked that the actor organises `source`.
   */
  async createFrom(manager: EntityManager, actor: Actor, source: EventEntity, input: CreateEventInput): Promise<EventEntity> {
    const fields = validateDetails(
      { ...input, description: input.description ?? source.description, venue: input.venue ?? source.venue, address: input.address ?? source.address },
      true,
    );
    return this.insertDraft(manager, actor, fields, input.requiresApproval ?? source.requiresApproval, { ...source.matchmaking }, source.id);
  }

  private async insertDraft(
    manager: EntityManager,
    actor: Actor,
    fields: ReturnType<typeof validateDetails>,
    requiresApproval: boolean,
    matchmaking: Record<string, unknown>,
    copiedFrom?: string,
  ): Promise<EventEntity> {
    const event = manager.getRepository(EventEntity).create({ ...fields, status: EventStatus.DRAFT, requiresApproval, matchmaking });
    const saved = await manager.getRepository(EventEntity).save(event).catch(slugConflict(fields.slug));
    await manager.getRepository(ParticipationEntity).insert({
      eventId: saved.id,
      accountId: actor.accountId,
      role: ParticipantRole.ORGANISER,
      status: ParticipationStatus.APPROVED,
    });
    const details = { slug: saved.slug, name: saved.name, ...(copiedFrom ? { copiedFrom } : {}) };
    await this.audit.record(manager, { eventId: saved.id, actorAccountId: actor.accountId, action: 'event.created', targetType: 'event', targetId: saved.id, details });
    return saved;
  }

  async update(actor: Actor | null, id: string, input: EventDetailsInput): Promise<EventEntity> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.access.requireOrganiser(actor, id, manager);
      const merged = { ...event, ...stripUndefined(input) };
      const fields = validateDetails(merged, false);
      const before: Record<string, unknown> = { ...event };
      Object.assign(event, fields, input.requiresApproval === undefined ? {} : { requiresApproval: input.requiresApproval });
      const saved = await manager.getRepository(EventEntity).save(event).catch(slugConflict(event.slug));
      const changed = Object.keys({ ...fields, requiresApproval: true }).filter((k) => before[k] !== (event as unknown as Record<string, unknown>)[k]);
      await this.audit.record(manager, { eventId: id, actorAccountId: actor!.accountId, action: 'event.updated', targetType: 'event', targetId: id, details: { changed } });
      return saved;
    });
  }

  async setStatus(actor: Actor | null, id: string, status: EventStatus): Promise<EventEntity> {
    if (!Object.values(EventStatus).includes(status)) throw CommonException.invalidInput('status', `Unknown status "${status}".`);
    return this.dataSource.transaction(async (manager) => {
      const event = await this.access.requireOrganiser(actor, id, manager);
      const from = event.status;
      event.status = status;
      const saved = await manager.getRepository(EventEntity).save(event);
      await this.audit.record(manager, { eventId: id, actorAccountId: actor!.accountId, action: 'event.status_changed', targetType: 'event', targetId: id, details: { from, to: status } });
      return saved;
    });
  }

  /** Events the actor takes part in (any role or status), soonest first. */
  async listMine(actor: Actor | null): Promise<EventEntity[]> {
    if (!actor) throw CommonException.authenticationRequired();
    return this.dataSource
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .innerJoin(ParticipationEntity, 'p', 'p.event_id = e.id AND p.account_id = :accountId', { accountId: actor.accountId })
      .orderBy('e.starts_on', 'ASC')
      .getMany();
  }
}

function validateDetails(input: EventDetailsInput, creating: boolean) {
  const name = input.name?.trim();
  if (creating || input.name !== undefined) {
    if (!name || name.length > 200) throw CommonException.textLength('name', 'The event needs a name of 1 to 200 characters.', { min: 1, max: 200 });
  }
  const slug = input.slug?.trim().toLowerCase();
  if (slug === undefined || slug.length > 80 || !SLUG.test(slug)) throw EventsException.invalidSlug(input.slug ?? '');
  if (!input.timeZone || !isValidTimeZone(input.timeZone)) throw EventsException.invalidTimeZone(input.timeZone ?? '');
  const startsOn = requireDate(input.startsOn, 'startsOn');
  const endsOn = requireDate(input.endsOn, 'endsOn');
  if (endsOn < startsOn) throw EventsException.invalidDates('The event cannot end before it starts.', 'endsOn');
  return {
    name: name!,
    slug,
    timeZone: input.timeZone,
    startsOn,
    endsOn,
    description: input.description?.trim() || null,
    venue: input.venue?.trim() || null,
    address: input.address?.trim() || null,
  };
}

function requireDate(value: string | undefined, field: string): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw EventsException.invalidDates(`${field} must be a calendar date written YYYY-MM-DD.`, field);
  }
  return value!;
}

function slugConflict(slug: string) {
  return (error: unknown): never => {
    if (isConstraintViolation(error, PgErrorCode.UNIQUE_VIOLATION, 'event_slug_key')) throw EventsException.slugTaken(slug);
    throw error;
  };
}

function stripUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function encodeCursor(event: EventEntity): string {
  return Buffer.from(`${event.startsOn}|${event.id}`).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  const [startsOn, id] = Buffer.from(String(cursor), 'base64url').toString().split('|');
  const date = /^\d{4}-\d{2}-\d{2}$/.test(startsOn ?? '') ? new Date(`${startsOn}T00:00:00Z`) : null;
  // A well-shaped but impossible date (2023-13-45) or id must not reach the query.
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== startsOn || !isUuid(id ?? '')) {
    throw CommonException.invalidInput('after', 'The cursor is not one this API returned.');
  }
  return [startsOn, id];
}
