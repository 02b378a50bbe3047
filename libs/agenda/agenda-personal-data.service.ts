import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

/** The agenda's part of privacy (export and erasure), in the caller's transaction. */
@Injectable()
export class AgendaPersonalDataService {
  async exportFor(manager: EntityManager, accountId: string) {
    const [bookmarks, seats, sessionRoles] = await Promise.all([
      manager.query(`SELECT event_id AS "eventId", session_id AS "sessionId", created_at AS "createdAt" FROM agenda_bookmark WHERE account_id = $1 ORDER BY created_at`, [accountId]),
      manager.query(
        `SELECT event_id AS "eventId", session_id AS "sessionId", round_table_id AS "roundTableId", status, created_at AS "createdAt" FROM agenda_seat WHERE account_id = $1 ORDER BY created_at`,
        [accountId],
      ),
      manager.query(`SELECT sp.session_id AS "sessionId", s.event_id AS "eventId", s.title FROM agenda_session_person sp JOIN agenda_session s ON s.id = sp.session_id WHERE sp.account_id = $1`, [accountId]),
    ]);
    return { bookmarks, seats, sessionRoles };
  }

  /**
   * Bookmarks are private choices with no statistical use: removed (of one account or one event).
   * An erased account also gives up its seats and places in line in sessions that start after
   * `now` (the seat trigger seats the next in line); seats of past sessions stay, anonymous.
   */
  async erasePersonalData(manager: EntityManager, scope: { accountId?: string; eventId?: string; now?: Date }): Promise<void> {
    if (scope.accountId) {
      await manager.query(`DELETE FROM agenda_bookmark WHERE account_id = $1`, [scope.accountId]);
      await manager.query(
        `DELETE FROM agenda_seat s USING agenda_session x WHERE x.id = s.session_id AND s.account_id = $1 AND x.starts_at > $2`,
        [scope.accountId, scope.now ?? new Date()],
      );
    }
    if (scope.eventId) await manager.query(`DELETE FROM agenda_bookmark WHERE event_id = $1`, [scope.eventId]);
  }
}
