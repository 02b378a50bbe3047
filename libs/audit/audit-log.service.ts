import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CommonException } from '../common/index.js';

/** One change worth answering "who did this, and when?" for. */
export interface AuditEntry {
  eventId: string | null;
  /** The account that acted; null for the system (jobs, imports without a person). */
  actorAccountId: string | null;
  /** Dotted, lower-case verb such as "event.updated" or "registration.decided". */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /** What changed; facts only, never secrets (passwords, tokens). */
  details?: Record<string, unknown>;
}

export interface AuditRecord {
  id: string;
  eventId: string | null;
  actorAccountId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  at: Date;
}

export interface AuditFilter {
  /** Exact action, or a prefix ending in "." such as "event.". */
  action?: string | null;
  actorAccountId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  since?: Date | null;
  until?: Date | null;
}

export interface AuditPage {
  items: AuditRecord[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const ACTION = /^[a-z][a-z0-9_.]{1,79}$/;
export const MAX_AUDIT_PAGE = 100;

/**
 * The audit log of what changed in an event. Features record inside their own transaction
 * (`record(manager, ...)`), so an entry exists exactly when the change was committed. Reading is
 * for callers that have already checked the reader may see the event's log (organisers).
 */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    if (!ACTION.test(entry.action)) throw new Error(`Audit action "${entry.action}" must be dotted lower-case words.`);
    await manager.query(
      `INSERT INTO audit_log (event_id, actor_account_id, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.eventId, entry.actorAccountId, entry.action, entry.targetType ?? null, entry.targetId ?? null, JSON.stringify(entry.details ?? {})],
    );
  }

  /** An event's entries, newest first, with keyset pagination on the entry id. */
  async page(eventId: string, filter: AuditFilter = {}, first = 50, after?: string | null): Promise<AuditPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) {
      throw CommonException.invalidInput('first', `first must be between 1 and ${MAX_AUDIT_PAGE}.`);
    }
    const where = ['event_id = $1'];
    const params: unknown[] = [eventId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.action) {
      if (filter.action.endsWith('.')) add(`starts_with(action, ?)`, filter.action);
      else add(`action = ?`, filter.action);
    }
    if (filter.actorAccountId) add(`actor_account_id::text = ?`, filter.actorAccountId);
    if (filter.targetType) add(`target_type = ?`, filter.targetType);
    if (filter.targetId) add(`target_id = ?`, filter.targetId);
    for (const [field, value] of [['since', filter.since], ['until', filter.until]] as const) {
      if (value && !(value instanceof Date && !Number.isNaN(value.getTime()))) throw CommonException.invalidInput(`filter.${field}`, `${field} must be a valid instant.`);
    }
    if (filter.since) add(`at >= ?`, filter.since);
    if (filter.until) add(`at < ?`, filter.until);
    if (after) add(`id < ?`, decodeCursor(after));
    params.push(first + 1);
    // audit_log.id, not the text "id" of the select list: ids of different lengths must sort as numbers.
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT id::text, event_id, actor_account_id, action, target_type, target_id, details, at
       FROM audit_log WHERE ${where.join(' AND ')} ORDER BY audit_log.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, first).map(
      (r): AuditRecord => ({
        id: r.id,
        eventId: r.event_id,
        actorAccountId: r.actor_account_id,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        details: r.details,
        at: r.at,
      }),
    );
    const last = items.at(-1);
    return { items, hasNextPage: rows.length > first, endCursor: last ? Buffer.from(`audit:${last.id}`).toString('base64url') : null };
  }
}

function decodeCursor(cursor: string): string {
  const match = /^audit:(\d{1,18})$/.exec(Buffer.from(String(cursor), 'base64url').toString());
  if (!match) throw CommonException.invalidInput('after', 'The cursor is not one this API returned.');
  return match[1];
}
