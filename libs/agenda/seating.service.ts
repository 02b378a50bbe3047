import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CommonException, isConstraintViolation, PgErrorCode } from '../common/index.js';
import { EventAccessService, isUuid } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { AgendaEvents, type SeatPromotedEvent } from './agenda-events.js';
import { AgendaException } from './agenda.exception.js';
import { type SeatView, type TableMateView } from './agenda.views.js';
import { SeatEntity, SeatStatus } from './entities/seat.entity.js';
import { SessionEntity, SessionStatus, SessionType } from './entities/session.entity.js';
import { readTableMates } from './session-reader.js';

/**
 * Seats, waiting lists and bookmarks. Every seat change locks its round table (or session) row
 * first, so joins and leaves of one table run one after the other; the database counts seats
 * (trigger + CHECK), allows one seat or place in line per person and session (unique key) and
 * promotes the first in line when a seat frees up (trigger), recording it in agenda_promotion.
 */
@Injectable()
export class SeatingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly bus: AgendaEvents,
  ) {}

  /** Takes a seat, or a place on the waiting list when the table (or session) is full. */
  async takeSeat(actor: Actor | null, sessionId: string, roundTableId?: string | null): Promise<SeatView> {
    if (!actor) throw CommonException.authenticationRequired();
    return this.dataSource.transaction(async (manager) => {
      const session = await this.openSession(manager, actor, sessionId);
      let free: number;
      if (session.type === SessionType.ROUND_TABLE) {
        if (!roundTableId) throw AgendaException.roundTableRequired();
        const [table]: { seats: number; seated: number }[] = isUuid(roundTableId)
          ? await manager.query(`SELECT seats, seated FROM agenda_round_table WHERE id = $1 AND session_id = $2 FOR UPDATE`, [roundTableId, session.id])
          : [];
        if (!table) throw AgendaException.unknownRoundTable(roundTableId);
        free = table.seats - table.seated;
      } else {
        if (roundTableId) throw AgendaException.notARoundTable();
        const [row]: { capacity: number | null; seated: number }[] = await manager.query(
          `SELECT capacity, seated FROM agenda_session WHERE id = $1 FOR UPDATE`,
          [session.id],
        );
        free = row.capacity === null ? Number.POSITIVE_INFINITY : row.capacity - row.seated;
      }
      const existing = await manager.getRepository(SeatEntity).findOneBy({ sessionId: session.id, accountId: actor.accountId });
      if (existing) throw AgendaException.alreadySeated(existing.status === SeatStatus.WAITING);
      const status = free > 0 ? SeatStatus.SEATED : SeatStatus.WAITING;
      let id: string;
      try {
        [{ id }] = await manager.query(
          `INSERT INTO agenda_seat (event_id, session_id, round_table_id, account_id, status, seated_at)
           VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'SEATED' THEN now() END) RETURNING id`,
          [session.eventId, session.id, session.type === SessionType.ROUND_TABLE ? roundTableId : null, actor.accountId, status],
        );
      } catch (error) {
        // The same person racing themselves: the unique key lets one request win.
        if (isConstraintViolation(error, PgErrorCode.UNIQUE_VIOLATION, 'agenda_seat_session_account_key')) throw AgendaException.alreadySeated(false);
        throw error;
      }
      if (status === SeatStatus.SEATED) {
        await this.bus.emitInTransaction(manager, {
          type: 'agenda.seat-taken', seatId: id, eventId: session.eventId, sessionId: session.id,
          roundTableId: session.type === SessionType.ROUND_TABLE ? roundTableId! : null, accountId: actor.accountId,
        });
      }
      return (await this.seatViews(manager, { seatId: id }))[0];
    });
  }

  /**
   * Moves the actor from their table (seat or place in line) to another table of the same
   * round-table session, in one transaction: the new seat is taken as the old one is given up, so
   * a full table leaves the person where they were (TABLE_FULL) instead of seatless, and the first
   * in line at the old table moves up. Both tables are locked in id order (takeSeat and removeSeat
   * lock one), so concurrent moves cannot deadlock.
   */
  async moveSeat(actor: Actor | null, sessionId: string, roundTableId: string): Promise<SeatView> {
    if (!actor) throw CommonException.authenticationRequired();
    const { view, promotions } = await this.dataSource.transaction(async (manager) => {
      const session = await this.openSession(manager, actor, sessionId);
      if (session.type !== SessionType.ROUND_TABLE) throw AgendaException.notARoundTable();
      const seat = await manager.getRepository(SeatEntity).findOneBy({ sessionId: session.id, accountId: actor.accountId });
      if (!seat) throw AgendaException.notSeated();
      if (!isUuid(roundTableId)) throw AgendaException.unknownRoundTable(roundTableId);
      const tables: { id: string; topic: string; seats: number; seated: number }[] = await manager.query(
        `SELECT id, topic, seats, seated FROM agenda_round_table WHERE id = ANY($1::uuid[]) AND session_id = $2 ORDER BY id FOR UPDATE`,
        [[seat.roundTableId, roundTableId], session.id],
      );
      const target = tables.find((t) => t.id === roundTableId);
      if (!target) throw AgendaException.unknownRoundTable(roundTableId);
      if (seat.roundTableId === target.id) return { view: (await this.seatViews(manager, { seatId: seat.id }))[0], promotions: [] };
      if (target.seated >= target.seats) throw AgendaException.tableFull(target.topic, seat.status === SeatStatus.SEATED ? 'seat' : 'place');
      await manager.query(`DELETE FROM agenda_seat WHERE id = $1`, [seat.id]);
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO agenda_seat (event_id, session_id, round_table_id, account_id, status, seated_at)
         VALUES ($1, $2, $3, $4, 'SEATED', now()) RETURNING id`,
        [session.eventId, session.id, target.id, actor.accountId],
      );
      await this.bus.emitInTransaction(manager, {
        type: 'agenda.seat-taken', seatId: id, eventId: session.eventId, sessionId: session.id, roundTableId: target.id, accountId: actor.accountId,
      });
      const promoted = await this.promotionsOfThisTransaction(manager);
      for (const r of promoted) await this.bus.emitInTransaction(manager, promotedEvent(r));
      return { view: (await this.seatViews(manager, { seatId: id }))[0], promotions: promoted };
    });
    await this.announce(promotions);
    return view;
  }

  /** Gives up a seat or a place in line; the first in line is promoted automatically. */
  async leaveSeat(actor: Actor | null, sessionId: string): Promise<boolean> {
    if (!actor) throw CommonException.authenticationRequired();
    return this.removeSeat(actor, sessionId, actor.accountId, false);
  }

  /** An organiser frees someone's seat (or place in line) in a session. */
  async removeSeatOf(actor: Actor | null, sessionId: string, accountId: string): Promise<boolean> {
    return this.removeSeat(actor, sessionId, accountId, true);
  }

  private async removeSeat(actor: Actor | null, sessionId: string, accountId: string, asOrganiser: boolean): Promise<boolean> {
    if (!actor) throw CommonException.authenticationRequired();
    const promotions = await this.dataSource.transaction(async (manager) => {
      const session = await this.visibleSession(manager, actor, sessionId);
      if (asOrganiser) await this.access.requireOrganiser(actor, session.eventId, manager);
      const seat = isUuid(accountId) ? await manager.getRepository(SeatEntity).findOneBy({ sessionId: session.id, accountId }) : null;
      if (!seat) throw AgendaException.notSeated();
      // Lock order as in takeSeat: the table (or session) first, then the seat rows.
      if (seat.roundTableId) await manager.query(`SELECT 1 FROM agenda_round_table WHERE id = $1 FOR UPDATE`, [seat.roundTableId]);
      else await manager.query(`SELECT 1 FROM agenda_session WHERE id = $1 FOR UPDATE`, [session.id]);
      // TypeORM answers a DELETE ... RETURNING with [rows, affected count].
      const [deleted]: [unknown[], number] = await manager.query(`DELETE FROM agenda_seat WHERE id = $1 RETURNING id`, [seat.id]);
      if (!deleted.length) throw AgendaException.notSeated();
      const promoted = await this.promotionsOfThisTransaction(manager);
      for (const r of promoted) await this.bus.emitInTransaction(manager, promotedEvent(r));
      return promoted;
    });
    await this.announce(promotions);
    return true;
  }

  /** Seats and waiting lists of a session (organisers), in table and queue order. */
  async seats(actor: Actor | null, sessionId: string): Promise<SeatView[]> {
    const session = await this.visibleSession(this.dataSource.manager, actor, sessionId);
    await this.access.requireOrganiser(actor, session.eventId);
    return this.seatViews(this.dataSource.manager, { sessionId: session.id });
  }

  /**
   * "Who's at my table": for an approved member SEATED at (or hosting) a table of a round-table
   * session, the others at that table and its host. Anyone else in the event (waiting, bookmarked,
   * organisers without a seat) gets [] rather than an error, so a client can simply show nothing.
   */
  async tableMates(actor: Actor | null, sessionId: string): Promise<TableMateView[]> {
    if (!actor) throw CommonException.authenticationRequired();
    const manager = this.dataSource.manager;
    const session = await this.visibleSession(manager, actor, sessionId);
    await this.access.requireApprovedMember(actor, session.eventId, manager);
    if (session.type !== SessionType.ROUND_TABLE) return [];
    return readTableMates(manager, { eventId: session.eventId, sessionId: session.id, accountId: actor.accountId });
  }

  async bookmark(actor: Actor | null, sessionId: string): Promise<boolean> {
    if (!actor) throw CommonException.authenticationRequired();
    const session = await this.visibleSession(this.dataSource.manager, actor, sessionId);
    await this.access.requireApprovedMember(actor, session.eventId);
    await this.dataSource.query(
      `INSERT INTO agenda_bookmark (account_id, session_id, event_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [actor.accountId, session.id, session.eventId],
    );
    return true;
  }

  async removeBookmark(actor: Actor | null, sessionId: string): Promise<boolean> {
    if (!actor) throw CommonException.authenticationRequired();
    await this.dataSource.query(`DELETE FROM agenda_bookmark WHERE account_id = $1 AND session_id = $2`, [
      actor.accountId,
      isUuid(sessionId) ? sessionId : null,
    ]);
    return true;
  }

  /**
   * Emits promotions still unannounced (e.g. after a crash between commit and emit).
   * Safe to call at start-up or from a periodic job.
   */
  async publishPendingPromotions(): Promise<number> {
    const rows: PromotionRow[] = await this.dataSource.query(
      `SELECT id, event_id, session_id, round_table_id, account_id, promoted_at FROM agenda_promotion
        WHERE published_at IS NULL ORDER BY promoted_at LIMIT 1000`,
    );
    await this.announce(rows);
    return rows.length;
  }

  private async promotionsOfThisTransaction(manager: EntityManager): Promise<PromotionRow[]> {
    return manager.query(
      `SELECT id, event_id, session_id, round_table_id, account_id, promoted_at FROM agenda_promotion
        WHERE tx_id = pg_current_xact_id() ORDER BY promoted_at, id`,
    );
  }

  private async announce(rows: PromotionRow[]): Promise<void> {
    if (!rows.length) return;
    for (const r of rows) await this.bus.emit(promotedEvent(r));
    await this.dataSource.query(`UPDATE agenda_promotion SET published_at = now() WHERE id = ANY($1::uuid[]) AND published_at IS NULL`, [
      rows.map((r) => r.id),
    ]);
  }

  /** A published session the actor, an approved member, may register for. */
  private async openSession(manager: EntityManager, actor: Actor, sessionId: string): Promise<SessionEntity> {
    const session = await this.visibleSession(manager, actor, sessionId);
    await this.access.requireApprovedMember(actor, session.eventId, manager);
    if (session.status !== SessionStatus.PUBLISHED) throw AgendaException.sessionNotOpen(session.title);
    return session;
  }

  private async visibleSession(manager: EntityManager, actor: Actor | null, sessionId: string): Promise<SessionEntity> {
    const session = isUuid(sessionId) ? await manager.getRepository(SessionEntity).findOneBy({ id: sessionId }) : null;
    if (!session) throw CommonException.notFound('Session', sessionId);
    const visible =
      (await this.access.findVisible(actor, session.eventId, manager).then(
        () => true,
        () => false,
      )) &&
      (session.status !== SessionStatus.DRAFT || (await this.access.isOrganiser(actor, session.eventId, manager)));
    if (!visible) throw CommonException.notFound('Session', sessionId);
    return session;
  }

  private async seatViews(manager: EntityManager, where: { seatId?: string; sessionId?: string }): Promise<SeatView[]> {
    const rows: {
      id: string;
      session_id: string;
      round_table_id: string | null;
      account_id: string;
      account_name: string;
      status: SeatStatus;
      waiting_position: number | null;
      created_at: Date;
    }[] = await manager.query(
      `SELECT st.id, st.session_id, st.round_table_id, st.account_id, a.name AS account_name, st.status, st.created_at,
              CASE WHEN st.status = 'WAITING' THEN (
                SELECT count(*) FROM agenda_seat o
                 WHERE o.session_id = st.session_id AND o.round_table_id IS NOT DISTINCT FROM st.round_table_id
                   AND o.status = 'WAITING' AND o.queue_no <= st.queue_no)::int END AS waiting_position
         FROM agenda_seat st JOIN account a ON a.id = st.account_id
         LEFT JOIN agenda_round_table rt ON rt.id = st.round_table_id
        WHERE ($1::uuid IS NULL OR st.id = $1) AND ($2::uuid IS NULL OR st.session_id = $2)
        ORDER BY rt.position NULLS FIRST, rt.id, st.status, st.queue_no`,
      [where.seatId ?? null, where.sessionId ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.session_id,
      roundTableId: r.round_table_id,
      accountId: r.account_id,
      accountName: r.account_name,
      status: r.status,
      waitingPosition: r.waiting_position,
      createdAt: r.created_at,
    }));
  }
}

interface PromotionRow {
  id: string;
  event_id: string;
  session_id: string;
  round_table_id: string | null;
  account_id: string;
  promoted_at: Date;
}

function promotedEvent(r: PromotionRow): SeatPromotedEvent {
  return {
    type: 'agenda.seat-promoted',
    promotionId: r.id,
    eventId: r.event_id,
    sessionId: r.session_id,
    roundTableId: r.round_table_id,
    accountId: r.account_id,
    promotedAt: r.promoted_at,
  };
}
