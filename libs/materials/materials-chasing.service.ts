import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgendaService, CommitmentReason, SessionRole, SessionStatus, type SessionPersonView, type SessionView } from '../agenda/index.js';
import { EventAccessService } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { MaterialsSettingsService } from './materials-settings.service.js';

export interface MissingMaterials {
  session: SessionView;
  /** Speakers of the session who have uploaded nothing to it (neither as owner nor as uploader). */
  speakers: SessionPersonView[];
  deadline: Date | null;
  /** The deadline has passed. */
  overdue: boolean;
}

/**
 * Chasing missing slides: the sessions (published or draft, not cancelled) with speakers who have
 * uploaded nothing yet. The notification feature sends the reminders from this list.
 */
@Injectable()
export class MaterialsChasingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly agenda: AgendaService,
    private readonly settings: MaterialsSettingsService,
  ) {}

  /**
   * For reminders: events whose upload deadline falls in [from, to) and, per event, the speakers of
   * published sessions who have uploaded nothing to that session. No actor: callers authorise.
   */
  async speakersMissingBefore(from: Date, to: Date): Promise<{ eventId: string; deadline: Date; missing: { sessionId: string; accountId: string }[] }[]> {
    const events: { event_id: string; upload_deadline: Date }[] = await this.dataSource.query(
      `SELECT event_id, upload_deadline FROM materials_settings WHERE upload_deadline >= $1 AND upload_deadline < $2`,
      [from, to],
    );
    const result = [];
    for (const { event_id: eventId, upload_deadline: deadline } of events) {
      const speakers = (await this.agenda.commitments(eventId)).filter((c) => c.reason === CommitmentReason.SPEAKER);
      const rows: { session_id: string; account_id: string }[] = await this.dataSource.query(
        `SELECT DISTINCT m.session_id, p.account_id
           FROM material m
           JOIN material_version v ON v.material_id = m.id
          CROSS JOIN LATERAL (VALUES (m.owner_account_id), (v.uploaded_by)) AS p (account_id)
          WHERE m.event_id = $1 AND p.account_id IS NOT NULL`,
        [eventId],
      );
      const uploaded = new Set(rows.map((r) => `${r.session_id}/${r.account_id}`));
      const missing = speakers.filter((c) => !uploaded.has(`${c.sessionId}/${c.accountId}`)).map((c) => ({ sessionId: c.sessionId, accountId: c.accountId }));
      if (missing.length) result.push({ eventId, deadline, missing });
    }
    return result;
  }

  async missing(actor: Actor | null, eventId: string, now = new Date()): Promise<MissingMaterials[]> {
    await this.access.requireOrganiser(actor, eventId);
    const [{ uploadDeadline }, agenda, rows] = await Promise.all([
      this.settings.settingsOf(eventId),
      this.agenda.agenda(actor, eventId),
      this.dataSource.query(
        `SELECT DISTINCT m.session_id, p.account_id
           FROM material m
           JOIN material_version v ON v.material_id = m.id
          CROSS JOIN LATERAL (VALUES (m.owner_account_id), (v.uploaded_by)) AS p (account_id)
          WHERE m.event_id = $1 AND p.account_id IS NOT NULL`,
        [eventId],
      ) as Promise<{ session_id: string; account_id: string }[]>,
    ]);
    const uploaded = new Set(rows.map((r) => `${r.session_id}/${r.account_id}`));
    const overdue = uploadDeadline !== null && now > uploadDeadline;
    const result: MissingMaterials[] = [];
    for (const session of agenda.days.flatMap((d) => d.sessions)) {
      if (session.status === SessionStatus.CANCELLED) continue;
      const speakers = session.people.filter((p) => p.role === SessionRole.SPEAKER && !uploaded.has(`${session.id}/${p.accountId}`));
      if (speakers.length) result.push({ session, speakers, deadline: uploadDeadline, overdue });
    }
    return result;
  }
}
