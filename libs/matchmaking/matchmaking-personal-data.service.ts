import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

export interface CancelledForErasure {
  meetingId: string;
  eventId: string;
  otherAccountId: string;
  startsAt: Date | null;
}

/**
 * Matchmaking's part of privacy: what a person's export holds, and erasure / event
 * anonymisation of profile texts, marketplace entries, availability, request messages and
 * meetings' cancel reasons and video links.
 * Everything runs in the caller's transaction.
 */
@Injectable()
export class MatchmakingPersonalDataService {
  async exportFor(manager: EntityManager, accountId: string) {
    const [profiles, marketplaceEntries, availabilityBlocks, meetingRequests, meetings] = await Promise.all([
      manager.query(
        `SELECT event_id AS "eventId", taking_part AS "takingPart", pitch, sectors, themes, phone, visibility, created_at AS "createdAt", updated_at AS "updatedAt"
           FROM matchmaking_profile WHERE account_id = $1 ORDER BY created_at`,
        [accountId],
      ),
      manager.query(
        `SELECT id, event_id AS "eventId", direction, kind, title, description, tags, created_at AS "createdAt" FROM marketplace_entry WHERE account_id = $1 ORDER BY created_at`,
        [accountId],
      ),
      manager.query(
        `SELECT id, event_id AS "eventId", starts_at AS "startsAt", ends_at AS "endsAt", reason FROM availability_block WHERE account_id = $1 ORDER BY starts_at`,
        [accountId],
      ),
      manager.query(
        `SELECT id, event_id AS "eventId", status, message, decline_reason AS "declineReason", created_at AS "createdAt",
                CASE WHEN requester_id = $1 THEN 'SENT' ELSE 'RECEIVED' END AS direction
           FROM meeting_request WHERE requester_id = $1 OR recipient_id = $1 ORDER BY created_at`,
        [accountId],
      ),
      manager.query(
        `SELECT m.id, m.event_id AS "eventId", m.status, s.starts_at AS "startsAt", s.ends_at AS "endsAt", m.table_number AS "tableNumber",
                m.online_url AS "onlineUrl", CASE WHEN m.cancelled_by = $1 THEN m.cancel_reason END AS "myCancelReason"
           FROM meeting m LEFT JOIN meeting_slot s ON s.id = m.slot_id
          WHERE m.requester_id = $1 OR m.recipient_id = $1 ORDER BY s.starts_at NULLS LAST, m.created_at`,
        [accountId],
      ),
    ]);
    return { profiles, marketplaceEntries, availabilityBlocks, meetingRequests, meetings };
  }

  /**
   * Erasure: cancels the person's confirmed meetings that have not started (or have no slot
   * yet) and their open requests. Returns the cancelled meetings so the caller can tell the
   * other side. Past meetings stay (anonymous once the account is a tombstone).
   */
  async cancelFutureMeetingsFor(manager: EntityManager, accountId: string, now: Date): Promise<CancelledForErasure[]> {
    const rows: { id: string; event_id: string; requester_id: string; recipient_id: string; request_id: string; starts_at: Date | null }[] = await manager.query(
      `SELECT m.id, m.event_id, m.requester_id, m.recipient_id, m.request_id, s.starts_at
         FROM meeting m LEFT JOIN meeting_slot s ON s.id = m.slot_id
        WHERE (m.requester_id = $1 OR m.recipient_id = $1) AND m.status = 'CONFIRMED' AND (s.starts_at IS NULL OR s.starts_at > $2)
        ORDER BY m.id FOR UPDATE OF m`,
      [accountId, now],
    );
    if (rows.length > 0) {
      const ids = rows.map((r) => r.id);
      await manager.query(
        `UPDATE meeting SET status = 'CANCELLED', cancelled_by = $2, cancel_reason = NULL, reschedule_slot_id = NULL, reschedule_by = NULL, updated_at = now()
          WHERE id = ANY($1::uuid[])`,
        [ids, accountId],
      );
      await manager.query(`UPDATE meeting_request SET status = 'CANCELLED', updated_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.request_id)]);
    }
    await manager.query(
      `UPDATE meeting_request SET status = 'CANCELLED', updated_at = now() WHERE (requester_id = $1 OR recipient_id = $1) AND status IN ('PENDING', 'ACCEPTED')`,
      [accountId],
    );
    return rows.map((r) => ({
      meetingId: r.id,
      eventId: r.event_id,
      otherAccountId: r.requester_id === accountId ? r.recipient_id : r.requester_id,
      startsAt: r.starts_at,
    }));
  }

  /**
   * Removes personal texts: of one account (erasure) or of everyone in one event (retention),
   * or both filters together. Rows that counts depend on (profiles, requests, meetings) stay.
   */
  async erasePersonalData(manager: EntityManager, scope: { accountId?: string; eventId?: string }): Promise<void> {
    if (!scope.accountId && !scope.eventId) throw new Error('erasePersonalData needs an account or an event');
    const params: string[] = [];
    const where = (accountColumns: string[]) => {
      const clauses: string[] = [];
      params.length = 0;
      if (scope.accountId) {
        params.push(scope.accountId);
        clauses.push(`(${accountColumns.map((c) => `${c} = $${params.length}`).join(' OR ')})`);
      }
      if (scope.eventId) {
        params.push(scope.eventId);
        clauses.push(`event_id = $${params.length}`);
      }
      return clauses.join(' AND ');
    };
    await manager.query(`DELETE FROM marketplace_entry WHERE ${where(['account_id'])}`, params);
    await manager.query(`DELETE FROM availability_block WHERE ${where(['account_id'])}`, params);
    await manager.query(
      `UPDATE matchmaking_profile SET pitch = NULL, phone = NULL, sectors = '{}', themes = '{}', taking_part = false, updated_at = now() WHERE ${where(['account_id'])}`,
      params,
    );
    await manager.query(`UPDATE meeting_request SET message = NULL, decline_reason = NULL WHERE ${where(['requester_id', 'recipient_id'])}`, params);
    // A video link can be someone's personal meeting room.
    await manager.query(
      `UPDATE meeting SET cancel_reason = NULL, online_url = NULL WHERE ${where(['requester_id', 'recipient_id'])} AND (cancel_reason IS NOT NULL OR online_url IS NOT NULL)`,
      params,
    );
  }
}
